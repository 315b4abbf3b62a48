import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** The version pricing's rules stand at: one row, id "shop", moved by every change to them (price-book.service.ts). */
@Entity({ tableName: 'price_book_versions' })
export class PriceBookVersionEntity {
  @PrimaryKey({ type: 'string' })
  id = 'shop';

  /** A time-ordered id (platform/ids.ts): a later change has a greater one. */
  @Property({ type: 'string' })
  version!: string;
}
