import { PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from '../../platform/ids';

/**
 * A product on one of a customer's lists (a cart line, a wishlist item): a
 * row each, so concurrent changes to different products never overwrite each
 * other, and the unique key keeps a product to one row per customer.
 */
@Unique({ properties: ['customerId', 'productId'] })
export abstract class CustomerProductEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  customerId!: string;

  @Property({ type: 'string' })
  productId!: string;
}
