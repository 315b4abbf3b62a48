import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { ConnectionArgs, connectionType, type Connection } from '../../platform/graphql-types';
import { OrderEntity } from './order.entity';
import { OrderFilter, OrderSort, PlaceOrderInput } from './order.inputs';
import { OrderPaymentTerms } from './payment-terms.view';
import { UserRef } from './user.stub';
import type { OrdersServices } from './orders.services';

export const OrderConnection = connectionType('Order', OrderEntity);

@Resolver(() => OrderEntity)
export class OrderResolver {
  constructor(private readonly services: OrdersServices) {}

  @Query(() => OrderEntity, { nullable: true, description: "The owner's, or any for AGENT and ADMIN; null otherwise." })
  order(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<OrderEntity | null> {
    return this.services.orders.get(ctx, id);
  }

  @Authorized('AGENT', 'ADMIN')
  @Query(() => OrderConnection, { description: "AGENT or ADMIN: every customer's orders (never one still being placed), filtered and sorted." })
  orders(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | null,
    @Arg('sort', () => OrderSort, { defaultValue: OrderSort.NEWEST, nullable: true, description: 'A cursor only continues the sort it came from.' })
    sort: OrderSort | null,
  ): Promise<Connection<OrderEntity>> {
    return this.services.orders.list(ctx, page, filter ?? null, sort ?? OrderSort.NEWEST);
  }

  @Authorized()
  @Mutation(() => OrderEntity, {
    description:
      'Prices the lines from the catalog and reserves the stock (all lines or none): the order comes back AWAITING_PAYMENT, its payment made when the customer pays (payment.clientSecret or confirmPayment), or the call fails and no order is kept (any stock held is released). CONFLICT with extensions.reason INSUFFICIENT_STOCK (and extensions.shortages) when stock is short.',
  })
  placeOrder(@Ctx() ctx: RequestContext, @Arg('input', () => PlaceOrderInput) input: PlaceOrderInput): Promise<OrderEntity> {
    return this.services.checkout.placeOrder(ctx, input);
  }

  @Authorized()
  @Mutation(() => OrderEntity, { description: 'placeOrder with the lines of the cart; the ordered lines leave the cart. BAD_USER_INPUT (field "cart") when it is empty.' })
  placeOrderFromCart(
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'As in PlaceOrderInput.' }) idempotencyKey: string | null,
    @Arg('expectedTotal', () => Int, { nullable: true, description: "The cart's totals.total the client showed: PRICE_CHANGED (extensions.totals) when the order would cost otherwise." }) expectedTotal: number | null,
  ): Promise<OrderEntity> {
    return this.services.checkout.placeOrderFromCart(ctx, idempotencyKey ?? null, expectedTotal ?? null);
  }

  @Authorized()
  @Mutation(() => OrderEntity, {
    description:
      'Owner (until shipped), AGENT or ADMIN: releases the stock and cancels the payment, or refunds it when paid. CONFLICT (extensions.reason ALREADY_SHIPPED, ORDER_CANCELLED, ...) otherwise.',
  })
  cancelOrder(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Kept in the status history (at most 200 characters).' }) reason: string | null,
  ): Promise<OrderEntity> {
    return this.services.orders.cancel(ctx, id, reason ?? null);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => OrderEntity, { description: 'PAID → SHIPPED. CONFLICT with extensions.reason NOT_PAID for an unpaid order.' })
  shipOrder(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<OrderEntity> {
    return this.services.orders.ship(ctx, id);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => OrderEntity, { description: 'SHIPPED → DELIVERED. CONFLICT with extensions.reason NOT_SHIPPED otherwise.' })
  deliverOrder(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<OrderEntity> {
    return this.services.orders.deliver(ctx, id);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => OrderEntity, {
    description:
      'Refunds a PAID, SHIPPED or DELIVERED order: `amount` minor units, or all that is left when omitted. REFUNDED once the whole total is refunded; a partial refund keeps the status and adds to `refunded`. Needs a step-up (stepUpMfa within MFA_STEP_UP_SECONDS): FORBIDDEN with extensions.reason STEP_UP_REQUIRED otherwise.',
  })
  refundOrder(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('amount', () => Int, { nullable: true }) amount: number | null,
    @Arg('reason', () => String, { nullable: true, description: 'Kept in the status history (at most 200 characters).' }) reason: string | null,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description:
        'Up to 100 characters, unique per refund you mean: sending the same key again (a retry after a timeout) answers the order and moves no more money; the same key with another amount is a CONFLICT. Without a key, a repeated call is a second refund.',
    })
    idempotencyKey: string | null,
  ): Promise<OrderEntity> {
    return this.services.orders.refund(ctx, id, amount ?? null, reason ?? null, idempotencyKey ?? null);
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Query(() => [OrderPaymentTerms], { nullable: 'items', description: 'What payments makes the orders\' payments from (contracts/orders-api.ts), in the order of orderIds; null for an unknown order.' })
  orderPaymentTerms(@Ctx() ctx: RequestContext, @Arg('orderIds', () => [ID]) orderIds: string[]): Promise<Array<OrderPaymentTerms | null>> {
    return this.services.orders.paymentTerms(ctx, orderIds);
  }
}

@Resolver(() => UserRef)
export class UserOrdersResolver {
  constructor(private readonly services: OrdersServices) {}

  @FieldResolver(() => OrderConnection, { description: 'Newest first. Visible to the user and to staff.' })
  orders(
    @Ctx() ctx: RequestContext,
    @Root() user: UserRef,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ): Promise<Connection<OrderEntity>> {
    return this.services.orders.forCustomer(ctx, user.id, page);
  }
}
