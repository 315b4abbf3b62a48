import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '../../platform/ids';

/**
 * One product in a customer's cart. A row per line (not one document per
 * cart), so concurrent changes to different lines never overwrite each other
 * and the unique key keeps a product to one line. Prices are not stored: a
 * cart is priced from the catalog whenever it is read.
 */
@Entity({ tableName: 'cart_lines' })
@Unique({ properties: ['customerId', 'productId'] })
export class CartLineEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  customerId!: string;

  @Property({ type: 'string' })
  productId!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'datetime' })
  addedAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
