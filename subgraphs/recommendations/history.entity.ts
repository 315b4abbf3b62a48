import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from '../../platform/ids';

/** What the model is made of, kept so it can be rebuilt whole: one row per product bought in a paid order. */
@Entity({ tableName: 'purchases' })
@Unique({ properties: ['orderId', 'productId'] })
@Index({ properties: ['customerId'] })
export class PurchaseEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  orderId!: string;

  @Property({ type: 'string' })
  customerId!: string;

  @Property({ type: 'string' })
  productId!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'datetime' })
  at!: Date;
}

/** One product view, as `product.viewed` reported it. */
@Entity({ tableName: 'views' })
@Index({ properties: ['viewerId', 'at'] })
export class ViewEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  viewerId!: string;

  @Property({ type: 'string' })
  productId!: string;

  @Property({ type: 'datetime' })
  at!: Date;
}
