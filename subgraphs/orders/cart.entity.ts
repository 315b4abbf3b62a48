import { Entity, Property } from '@mikro-orm/core';
import { CustomerProductEntity } from './customer-product.entity';

/**
 * One product in a customer's cart. Prices are not stored: a cart is priced
 * from the catalog whenever it is read.
 */
@Entity({ tableName: 'cart_lines' })
export class CartLineEntity extends CustomerProductEntity {
  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'datetime' })
  addedAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
