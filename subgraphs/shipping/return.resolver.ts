import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { ReturnRequestEntity } from './return.entity';
import { ReturnLineInput } from './shipment.inputs';
import type { ShippingServices } from './shipping.services';

@Resolver(() => ReturnRequestEntity)
export class ReturnResolver {
  constructor(private readonly services: ShippingServices) {}

  @Authorized()
  @Query(() => [ReturnRequestEntity], {
    description: "The order's returns, oldest first, each with its history: its customer and staff (NOT_FOUND for anyone else).",
  })
  returns(@Ctx() ctx: RequestContext, @Arg('orderId', () => ID) orderId: string): Promise<ReturnRequestEntity[]> {
    return this.services.returns.forOrder(ctx, orderId);
  }

  @Authorized()
  @Mutation(() => ReturnRequestEntity, {
    description:
      "The order's customer asks to send delivered units back, with a reason, within RETURN_WINDOW_DAYS of their delivery. Refused, nothing written: more units than delivered (BAD_USER_INPUT, MORE_THAN_DELIVERED), units in an earlier return (RETURN_ALREADY_REQUESTED), after the window (RETURN_WINDOW_CLOSED), someone else's order (NOT_FOUND).",
  })
  requestReturn(
    @Ctx() ctx: RequestContext,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('lines', () => [ReturnLineInput]) lines: ReturnLineInput[],
    @Arg('reason', () => String) reason: string,
  ): Promise<ReturnRequestEntity> {
    return this.services.returns.request(ctx, orderId, lines, reason);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ReturnRequestEntity, {
    description:
      'Approves a requested return and buys its return label (default carrier: SHIPPING_CARRIER). The carrier down: APPROVED without a label, retried in the background or by approving again. Audited.',
  })
  approveReturn(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('carrier', () => String, { nullable: true }) carrier: string | null,
  ): Promise<ReturnRequestEntity> {
    return this.services.returns.approve(ctx, id, carrier ?? null);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ReturnRequestEntity, {
    description: 'Refuses a requested return, with a note for the customer. Audited.',
  })
  refuseReturn(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('note', () => String) note: string): Promise<ReturnRequestEntity> {
    return this.services.returns.refuse(ctx, id, note);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ReturnRequestEntity, {
    description:
      "The approved return's parcel arrived: restock puts its units back on hand (inventory's audited adjustment); refundAmount (minor units, default what the units were paid, 0 to that) is refunded through payments. Idempotent: calling it again on a RECEIVED return finishes it with the first choices; REFUNDED once done.",
  })
  receiveReturn(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('restock', () => Boolean) restock: boolean,
    @Arg('refundAmount', () => Int, { nullable: true })
    refundAmount: number | null,
  ): Promise<ReturnRequestEntity> {
    return this.services.returns.receive(ctx, id, restock, refundAmount ?? null);
  }
}
