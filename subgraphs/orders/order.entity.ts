import { Embeddable, Embedded, Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../platform/graphql-types';
import { newId } from '../../platform/ids';
import { ProductRef } from './product.stub';
import { ProductVariantRef } from './variant.stub';
import { OrderShippingEntity } from './shipping.entity';
import { UserRef } from './user.stub';

export enum OrderStatus {
  PENDING = 'PENDING',
  AWAITING_PAYMENT = 'AWAITING_PAYMENT',
  PAID = 'PAID',
  PARTIALLY_SHIPPED = 'PARTIALLY_SHIPPED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
  PAYMENT_FAILED = 'PAYMENT_FAILED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  valuesConfig: {
    PENDING: { description: 'Being placed (stock and payment being arranged); never shown to clients.' },
    AWAITING_PAYMENT: { description: 'Stock reserved and a payment created; waiting for the customer to pay.' },
    PAID: { description: 'Payment confirmed; the reserved stock is sold.' },
    PARTIALLY_SHIPPED: { description: 'Some of its units are in shipments with a label; the rest are still to ship.' },
    SHIPPED: { description: 'Handed to the carrier (every unit, in one shipment or several).' },
    DELIVERED: { description: 'Received by the customer (every shipment delivered).' },
    CANCELLED: { description: 'Cancelled before shipping (by the customer, staff, or reservation expiry); stock released, payment cancelled or refunded.' },
    PAYMENT_FAILED: {
      description: 'The last payment attempt was declined (see payment.statusReason); the stock stays reserved and the owner may pay again until the reservation expires (then CANCELLED).',
    },
    REFUNDED: { description: 'The whole amount was returned to the customer.' },
  },
});

@ObjectType('OrderLineOptionValue', { description: "One of the variant's option values as it was when the order was placed." })
export class OrderLineOptionValue {
  @Field()
  option!: string;

  @Field()
  value!: string;
}

/** A line as priced when the order was placed; later catalog changes do not alter it. */
@Embeddable()
@ObjectType('OrderLine')
export class OrderLineEntity {
  @Property({ type: 'string' })
  productId!: string;

  /** The variant sold, whose stock was reserved; null on lines placed before variants (their product's default variant, the same id). */
  @Property({ type: 'string', nullable: true })
  variantId: string | null = null;

  /** The variant's SKU as placed; null on lines placed before variants. */
  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: "The variant's SKU when the order was placed; null on orders placed before variants." })
  sku: string | null = null;

  @Property({ type: 'json', nullable: true })
  optionValueList: OrderLineOptionValue[] | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int)
  quantity!: number;

  @Property({ type: 'integer' })
  unitPriceAmount!: number;

  @Property({ type: 'string' })
  currency!: string;

  @Field(() => ProductRef)
  get product(): ProductRef {
    return ProductRef.of(this.productId);
  }

  @Field(() => ProductVariantRef, { description: 'The variant sold (for orders placed before variants, the product\'s default variant).' })
  get variant(): ProductVariantRef {
    return ProductVariantRef.of(stockIdOf(this));
  }

  @Field(() => [OrderLineOptionValue], { description: 'As placed; empty for a product without options.' })
  get optionValues(): OrderLineOptionValue[] {
    return this.optionValueList ?? [];
  }

  @Field(() => Money)
  get unitPrice(): Money {
    return Money.of(this.unitPriceAmount, this.currency);
  }

  @Field(() => Money)
  get lineTotal(): Money {
    return Money.of(this.unitPriceAmount * this.quantity, this.currency);
  }
}

/** The id a line's stock is kept and reserved under: its variant's (a product's default variant has the product's id). */
export const stockIdOf = (line: Pick<OrderLineEntity, 'productId' | 'variantId'>): string => line.variantId ?? line.productId;

/** One transition of the order's state machine, as it happened. */
@Embeddable()
@ObjectType('OrderStatusChange')
export class StatusChangeEntity {
  @Enum({ items: () => OrderStatus, type: 'string', nullable: true })
  @Field(() => OrderStatus, { nullable: true, description: 'Null for the first entry (the order was created).' })
  from: OrderStatus | null = null;

  @Enum({ items: () => OrderStatus, type: 'string' })
  @Field(() => OrderStatus)
  to!: OrderStatus;

  @Property({ type: 'datetime' })
  @Field()
  at: Date = new Date();

  /** User id, or "system" for saga steps and expiry. */
  @Property({ type: 'string' })
  @Field({ description: 'The user who made the change, or "system" for payment, stock and expiry steps.' })
  actor!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  reason: string | null = null;

  static of(from: OrderStatus | null, to: OrderStatus, at: Date, actor: string, reason: string | null): StatusChangeEntity {
    return Object.assign(new StatusChangeEntity(), { from, to, at, actor, reason });
  }
}

@Entity({ tableName: 'orders' })
@Unique({ properties: ['customerId', 'placementKey'] })
@Index({ properties: ['status', 'createdAt'] })
@ObjectType('Order')
@Directive('@key(fields: "id")')
export class OrderEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Index()
  customerId!: string;

  /**
   * Unique per customer, so a repeated placeOrder finds its order: `key:<idempotencyKey>`
   * when the client sent one, `order:<id>` otherwise (never null, since a unique index
   * on MongoDB treats nulls as equal). Nullable only for rows written before it existed.
   */
  @Property({ type: 'string', nullable: true })
  placementKey: string | null = `order:${this.id}`;

  @Enum({ items: () => OrderStatus, type: 'string' })
  @Field(() => OrderStatus)
  status: OrderStatus = OrderStatus.PENDING;

  @Embedded(() => OrderLineEntity, { array: true })
  @Field(() => [OrderLineEntity])
  lines: OrderLineEntity[] = [];

  @Property({ type: 'integer' })
  totalAmount!: number;

  @Property({ type: 'string' })
  currency!: string;

  /** The shipping line: null for an order placed without an address (nothing to ship it by). Its price is part of totalAmount. */
  @Embedded(() => OrderShippingEntity, { nullable: true })
  @Field(() => OrderShippingEntity, { nullable: true, description: 'The method chosen, its price (its own line of the total) and the address; null when placed without one.' })
  shipping: OrderShippingEntity | null = null;

  /** Refunded so far, in minor units (the payment's cumulative refunds). */
  @Property({ type: 'integer' })
  refundedAmount = 0;

  /**
   * Who asked for the latest refund: the REFUNDED transition names them even
   * when the payment's `payment.refunded` event gets to apply it first.
   */
  @Property({ type: 'string', nullable: true })
  refundRequestedBy: string | null = null;

  @Embedded(() => StatusChangeEntity, { array: true })
  @Field(() => [StatusChangeEntity], { description: 'Every status the order went through, oldest first, with when, who and why.' })
  statusHistory: StatusChangeEntity[] = [];

  /** Bumped on every change; a compare-and-set on it keeps concurrent transitions from both applying. */
  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Increases with every change; live updates use it to drop stale states.' })
  version = 1;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  @Field()
  updatedAt: Date = new Date();

  @Field(() => Money, { description: 'The lines plus shipping.' })
  get total(): Money {
    return Money.of(this.totalAmount, this.currency);
  }

  @Field(() => Money, { description: 'The lines alone, before shipping.' })
  get subtotal(): Money {
    return Money.of(this.totalAmount - (this.shipping?.amount ?? 0), this.currency);
  }

  @Field(() => Money, { description: 'Returned to the customer so far (partial refunds add up; REFUNDED once it equals the total).' })
  get refunded(): Money {
    return Money.of(this.refundedAmount, this.currency);
  }

  @Field(() => UserRef)
  get customer(): UserRef {
    return UserRef.of(this.customerId);
  }
}
