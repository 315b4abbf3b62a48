import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import type { PaymentsServices } from './payments.services';
import { ReceiptEntity } from './receipt.entity';

@Resolver(() => ReceiptEntity)
export class ReceiptResolver {
  constructor(private readonly services: PaymentsServices) {}

  @Authorized()
  @Query(() => ReceiptEntity, { nullable: true, description: "The receipt of an order's successful payment: the owner's, or any for AGENT and ADMIN; null otherwise." })
  receipt(@Ctx() ctx: RequestContext, @Arg('orderId', () => ID) orderId: string): Promise<ReceiptEntity | null> {
    return this.services.receipts.forOrder(ctx, orderId);
  }
}
