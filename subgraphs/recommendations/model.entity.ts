import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from '../../platform/ids';

/**
 * The model the answers are read from, kept up to date as events arrive
 * and rebuilt whole from the history (history.entity.ts) by
 * `npm run recommendations:rebuild`.
 */

export type PairKind = 'BOUGHT' | 'VIEWED';

/** How often two products went together: bought in one order, or viewed by one viewer. */
@Entity({ tableName: 'product_pairs' })
@Unique({ properties: ['kind', 'productId', 'otherId'] })
@Index({ properties: ['kind', 'productId', 'count'] })
export class PairEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  kind!: PairKind;

  @Property({ type: 'string' })
  productId!: string;

  @Property({ type: 'string' })
  otherId!: string;

  @Property({ type: 'integer' })
  count = 0;
}

/** A product's trending key (model.rules.ts), overall (`*`) and in each of its categories. */
@Entity({ tableName: 'trends' })
@Unique({ properties: ['categoryId', 'productId'] })
@Index({ properties: ['categoryId', 'key'] })
export class TrendEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  categoryId!: string;

  @Property({ type: 'string' })
  productId!: string;

  @Property({ type: 'double' })
  key!: number;
}

/** The categories of a product as catalog last told them (read when one of its orders arrives). */
@Entity({ tableName: 'product_facts' })
export class ProductFactsEntity {
  @PrimaryKey({ type: 'string' })
  productId!: string;

  @Property({ type: 'json' })
  categoryIds: string[] = [];
}

/** When the model last changed, and when it was last rebuilt whole. */
@Entity({ tableName: 'model_state' })
export class ModelStateEntity {
  static readonly ID = 'model';

  @PrimaryKey({ type: 'string' })
  id: string = ModelStateEntity.ID;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  rebuiltAt: Date | null = null;
}
