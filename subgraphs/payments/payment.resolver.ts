import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { PaymentEntity } from './payment.entity';
import { OrderRef } from './payment.reference';
import type { PaymentsServices } from './payments.module';

@Resolver(() => PaymentEntity)
export class PaymentResolver {
  constructor(private readonly services: PaymentsServices) {}

  @FieldResolver(() => String, { nullable: true, description: "For Stripe.js; only the order's owner sees it." })
  clientSecret(@Ctx() ctx: RequestContext, @Root() payment: PaymentEntity): string | null {
    return this.services.payments.clientSecretFor(ctx, payment);
  }
}

@Resolver(() => OrderRef)
export class OrderPaymentResolver {
  constructor(private readonly services: PaymentsServices) {}

  @FieldResolver(() => PaymentEntity, { nullable: true, description: 'Null until the saga created a payment.' })
  payment(@Ctx() ctx: RequestContext, @Root() order: OrderRef): Promise<PaymentEntity | null> {
    return this.services.payments.forOrder(ctx, order.id);
  }
}
