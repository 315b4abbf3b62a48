import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../platform/graphql-types';
import { newId } from '../../platform/ids';
import type { PaymentLineVariables, PaymentStatusName } from '../../contracts/payments-api';

/** The contract's `PaymentStatusName` values (both directions checked by `satisfies`). */
export const PaymentStatus = {
  REQUIRES_PAYMENT: 'REQUIRES_PAYMENT',
  PROCESSING: 'PROCESSING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  REFUNDED: 'REFUNDED',
  CANCELED: 'CANCELED',
} as const satisfies Record<PaymentStatusName, PaymentStatusName>;
export type PaymentStatus = PaymentStatusName;

registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description:
    'REQUIRES_PAYMENT → PROCESSING → SUCCEEDED or FAILED; FAILED can be paid again (→ PROCESSING or SUCCEEDED, or FAILED once more); SUCCEEDED → REFUNDED once fully refunded; CANCELED before any money moved.',
  valuesConfig: {
    PROCESSING: { description: 'The provider is working on it, or waits for the customer to authenticate (3-D Secure).' },
    SUCCEEDED: { description: 'Paid; a receipt was issued. Stays SUCCEEDED while only part of it is refunded (see refundedAmount).' },
    FAILED: {
      description: 'The last attempt was declined or not authenticated (see statusReason); the owner may pay again with another method until the order is cancelled or its reservation expires.',
    },
    REFUNDED: { description: 'The whole amount went back to the customer.' },
    CANCELED: { description: 'Closed before any money moved (the order was cancelled or expired).' },
  },
});

@Entity({ tableName: 'payments' })
@ObjectType('Payment')
@Directive('@key(fields: "id")')
export class PaymentEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  /** One payment per order. */
  @Property({ type: 'string', unique: true })
  @Field(() => ID)
  orderId!: string;

  @Property({ type: 'string' })
  customerId!: string;

  @Enum({ items: Object.values(PaymentStatus), type: 'string' })
  @Field(() => PaymentStatus)
  status: PaymentStatus = PaymentStatus.REQUIRES_PAYMENT;

  @Property({ type: 'integer' })
  amountMinor!: number;

  @Property({ type: 'string' })
  currency!: string;

  /** Cumulative, in minor units; never decreases. */
  @Property({ type: 'integer', default: 0 })
  refundedMinor = 0;

  @Property({ type: 'string' })
  @Field({ description: '"simulated" or "stripe".' })
  provider!: string;

  /** The provider's id for the payment (Stripe PaymentIntent id). */
  @Property({ type: 'string', nullable: true })
  @Index()
  providerRef: string | null = null;

  /** For Stripe.js on the owner's device; only the owner may read it. */
  @Property({ type: 'string', nullable: true, hidden: true })
  clientSecret: string | null = null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the payment FAILED (its last attempt) or was CANCELED, in words the customer may read.' })
  statusReason: string | null = null;

  /** The order's lines as priced, for the receipt. */
  @Property({ type: 'json', default: '[]' })
  lines: PaymentLineVariables[] = [];

  /** When an open payment was last read again from its provider (the webhook may have been lost). */
  @Property({ type: 'datetime', nullable: true })
  checkedAt: Date | null = null;

  /** Bumped on every change; each change is conditional on the version read. */
  @Property({ type: 'integer' })
  version = 1;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  @Field()
  updatedAt: Date = new Date();

  @Field(() => Money)
  get amount(): Money {
    return Money.of(this.amountMinor, this.currency);
  }

  @Field(() => Money, { description: 'Returned to the customer so far.' })
  get refundedAmount(): Money {
    return Money.of(this.refundedMinor, this.currency);
  }
}
