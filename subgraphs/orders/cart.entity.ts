import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { CustomerProductEntity } from './customer-product.entity';

/**
 * One variant in a customer's cart: `productId` holds the variant's id (a
 * product's default variant has the product's id, so lines written before
 * variants keep their meaning). Prices are not stored: a cart is priced from
 * the catalog whenever it is read.
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
