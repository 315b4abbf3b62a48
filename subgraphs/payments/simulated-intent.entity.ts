import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
/** As Stripe's PaymentIntent statuses (a decline leaves it waiting for payment, with `failure` set). */
export type SimulatedState = 'requires_payment' | 'requires_action' | 'succeeded' | 'canceled';

/**
 * The simulated provider's side of a payment, kept in the payments database
 * so it survives restarts and is shared by every payments process, as a real
 * provider's records would be.
 */
@Entity({ tableName: 'simulated_intents' })
export class SimulatedIntentEntity {
  @PrimaryKey({ type: 'string' })
  id!: string;

  @Property({ type: 'string', unique: true })
  idempotencyKey!: string;

  @Property({ type: 'string' })
  orderId!: string;

  @Property({ type: 'integer' })
  amount!: number;

  @Property({ type: 'string' })
  currency!: string;

  @Property({ type: 'string' })
  state!: SimulatedState;

  @Property({ type: 'integer' })
  amountRefunded = 0;

  /** The last attempt's decline or authentication failure, as Stripe's `last_payment_error`; cleared by a success. */
  @Property({ type: 'string', nullable: true })
  failure: string | null = null;

  /** A test method name such as pm_card_visa: a token, never card data. */
  @Property({ type: 'string', nullable: true })
  paymentMethod: string | null = null;

  /** Compare-and-set guard: every change is conditional on the version read. */
  @Property({ type: 'integer' })
  version = 1;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

/** One refund of a simulated intent; its idempotency key is unique, so a retried refund pays back once. */
@Entity({ tableName: 'simulated_refunds' })
export class SimulatedRefundEntity {
  @PrimaryKey({ type: 'string' })
  id!: string;

  @Property({ type: 'string', unique: true })
  idempotencyKey!: string;

  @Property({ type: 'string' })
  intentId!: string;

  @Property({ type: 'integer' })
  amount!: number;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
