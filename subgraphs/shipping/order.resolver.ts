import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isStaff } from '../../platform/caller';
import type { RequestContext } from '../../platform/context';
import { OrderRef } from './order.stub';
import { ReturnRequestEntity } from './return.entity';
import { ShipmentEntity } from './shipment.entity';

/**
 * An order's shipments and returns on the Order itself, so a client (and an
 * `orderStatusChanged` subscriber) reads the tracking history and the return
 * steps with the order. Batched per request: a page of orders costs one query
 * each. The order's customer and staff see them; anyone else gets an empty list.
 */
@Resolver(() => OrderRef)
export class OrderShippingResolver {
  @FieldResolver(() => [ShipmentEntity], { description: "The order's shipments, oldest first, each with its tracking history: its customer and staff (empty for anyone else)." })
  async shipments(@Ctx() ctx: RequestContext, @Root() order: OrderRef): Promise<ShipmentEntity[]> {
    const rows = await ctx.loaders
      .get<string, ShipmentEntity[]>('shipmentsByOrderId', async (ids) => grouped(ids, await ctx.em.find(ShipmentEntity, { orderId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } })))
      .load(order.id);
    return visible(ctx, rows);
  }

  @FieldResolver(() => [ReturnRequestEntity], { description: "The order's returns, oldest first, each with its steps: its customer and staff (empty for anyone else)." })
  async returns(@Ctx() ctx: RequestContext, @Root() order: OrderRef): Promise<ReturnRequestEntity[]> {
    const rows = await ctx.loaders
      .get<string, ReturnRequestEntity[]>('returnsByOrderId', async (ids) =>
        grouped(ids, await ctx.em.find(ReturnRequestEntity, { orderId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } })),
      )
      .load(order.id);
    return visible(ctx, rows);
  }
}

function grouped<T extends { readonly orderId: string }>(ids: readonly string[], rows: readonly T[]): T[][] {
  return ids.map((id) => rows.filter((row) => row.orderId === id));
}

function visible<T extends { readonly customerId: string }>(ctx: RequestContext, rows: T[]): T[] {
  if (!ctx.caller) return [];
  return isStaff(ctx.caller) || rows.every((row) => row.customerId === ctx.caller?.userId) ? rows : [];
}
