import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Totals } from '../../contracts/pricing-rules';

/**
 * An order's price breakdown as placed: written once by priceOrder and never
 * recomputed, so a later rule, promotion or tax change never alters it.
 */
@Entity({ tableName: 'order_pricings' })
export class OrderPricingEntity {
  @PrimaryKey({ type: 'string' })
  orderId!: string;

  @Property({ type: 'string' })
  customerId!: string;

  @Property({ type: 'json' })
  totals!: Totals;

  @Property({ type: 'datetime' })
  pricedAt!: Date;
}
