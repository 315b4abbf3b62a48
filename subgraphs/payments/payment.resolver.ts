import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { PaymentEntity } from './payment.entity';
import { CreatePaymentInput } from './payment.inputs';
import { OrderRef } from './order.stub';
import type { PaymentsServices } from './payments.services';
import { ReceiptEntity } from './receipt.entity';

@Resolver(() => PaymentEntity)
export class PaymentResolver {
  constructor(private readonly services: PaymentsServices) {}

  @FieldResolver(() => String, { nullable: true, description: "For Stripe.js; only the order's owner sees it." })
  clientSecret(@Ctx() ctx: RequestContext, @Root() payment: PaymentEntity): Promise<string | null> {
    return this.services.payments.clientSecretFor(ctx, payment);
  }

  @FieldResolver(() => ReceiptEntity, { nullable: true, description: "Issued when the payment succeeded; the order's owner, AGENT and ADMIN see it." })
  receipt(@Ctx() ctx: RequestContext, @Root() payment: PaymentEntity): Promise<ReceiptEntity | null> {
    return this.services.receipts.forPayment(ctx, payment);
  }

  @Authorized()
  @Mutation(() => PaymentEntity, {
    description:
      'Simulated provider only: the order\'s owner pays with one of Stripe\'s test payment methods. "pm_card_visa" (or pm_card_mastercard, pm_card_amex) succeeds; ' +
      '"pm_card_chargeDeclined" (or pm_card_chargeDeclinedInsufficientFunds, pm_card_chargeDeclinedExpiredCard) fails; "pm_card_authenticationRequired" ' +
      'leaves the payment PROCESSING until completePaymentAuthentication. With Stripe: CONFLICT (reason CLIENT_CONFIRMATION_REQUIRED), confirm with Stripe.js. ' +
      'Paid, failed or canceled payments: CONFLICT with extensions.reason; someone else\'s order: NOT_FOUND.',
  })
  confirmPayment(
    @Ctx() ctx: RequestContext,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('paymentMethod', () => String) paymentMethod: string,
  ): Promise<PaymentEntity> {
    return this.services.payments.confirm(ctx, orderId, paymentMethod);
  }

  @Authorized()
  @Mutation(() => PaymentEntity, {
    description:
      "Simulated provider only: the owner's answer to the bank's 3-D Secure challenge for a payment confirmed with pm_card_authenticationRequired. " +
      'approve: true succeeds, false fails the payment.',
  })
  completePaymentAuthentication(
    @Ctx() ctx: RequestContext,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('approve', () => Boolean) approve: boolean,
  ): Promise<PaymentEntity> {
    return this.services.payments.completeAuthentication(ctx, orderId, approve);
  }
}

/**
 * The internal payment API orders calls (documented in contracts/payments-api.ts):
 * SERVICE callers only, and @inaccessible, so the gateway never exposes it.
 */
@Resolver(() => PaymentEntity)
export class PaymentInternalResolver {
  constructor(private readonly services: PaymentsServices) {}

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Mutation(() => PaymentEntity, { description: 'The payment for an order, with the configured provider. Idempotent by orderId.' })
  createPayment(@Arg('input', () => CreatePaymentInput) input: CreatePaymentInput): Promise<PaymentEntity> {
    return this.services.payments.create(input);
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Mutation(() => PaymentEntity, { description: 'Cancels a payment that has not succeeded. Idempotent; CONFLICT once paid.' })
  cancelPayment(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ): Promise<PaymentEntity> {
    return this.services.payments.cancel(orderId, reason);
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Mutation(() => PaymentEntity, { description: 'Refunds a succeeded payment, fully when amount is omitted.' })
  refundPayment(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('amount', () => Int, { nullable: true }) amount: number | null,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'The same key again moves no more money (contracts/payments-api.ts).' }) idempotencyKey: string | null,
  ): Promise<PaymentEntity> {
    return this.services.payments.refund(orderId, amount, reason, idempotencyKey ?? null);
  }
}

@Resolver(() => OrderRef)
export class OrderPaymentResolver {
  constructor(private readonly services: PaymentsServices) {}

  // The order's fields it is shown from before it is made: read by the gateway in the same fetch as the order.
  @Directive('@requires(fields: "status total { amount currency } customer { id }")')
  @FieldResolver(() => PaymentEntity, {
    nullable: true,
    description: 'REQUIRES_PAYMENT once placed, made at the provider when the owner pays or asks for clientSecret; null while the order is being placed.',
  })
  payment(@Ctx() ctx: RequestContext, @Root() order: OrderRef): Promise<PaymentEntity | null> {
    return this.services.payments.forOrder(ctx, order);
  }
}
