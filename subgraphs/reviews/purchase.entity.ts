import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from '../../platform/ids';

/** A product a customer received (an order of theirs with it was delivered): what lets them review it. */
@Entity({ tableName: 'verified_purchases' })
@Unique({ properties: ['customerId', 'productId'] })
export class VerifiedPurchaseEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  customerId!: string;

  @Property({ type: 'string' })
  productId!: string;

  /** The first delivered order with the product. */
  @Property({ type: 'string' })
  orderId!: string;

  @Property({ type: 'datetime' })
  deliveredAt!: Date;
}
