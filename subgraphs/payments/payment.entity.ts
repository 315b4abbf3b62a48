import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../kernel/graphql-types';
import { newId } from '../kernel/ids';

export enum PaymentStatus {
  REQUIRES_PAYMENT = 'REQUIRES_PAYMENT',
  PROCESSING = 'PROCESSING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });

@Entity({ tableName: 'payments' })
@ObjectType('Payment')
@Directive('@key(fields: "id")')
export class PaymentEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  /** One payment per order. */
  @Property({ type: 'string', unique: true })
  orderId!: string;

  @Property({ type: 'string' })
  customerId!: string;

  @Enum({ items: () => PaymentStatus, type: 'string' })
  @Field(() => PaymentStatus)
  status: PaymentStatus = PaymentStatus.REQUIRES_PAYMENT;

  @Property({ type: 'integer' })
  amountMinor!: number;

  @Property({ type: 'string' })
  currency!: string;

  @Property({ type: 'string' })
  @Field({ description: '"simulated" or "stripe".' })
  provider!: string;

  /** The provider's id for the payment (Stripe PaymentIntent id). */
  @Property({ type: 'string', nullable: true })
  providerRef: string | null = null;

  /** For Stripe.js on the owner's device; only the owner may read it. */
  @Property({ type: 'string', nullable: true, hidden: true })
  clientSecret: string | null = null;

  @Property({ type: 'integer' })
  version = 1;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Money)
  get amount(): Money {
    return Money.of(this.amountMinor, this.currency);
  }
}
