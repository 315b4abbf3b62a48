import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { connectionType, type Connection } from '../kernel/graphql-types';
import { OrderEntity } from './order.entity';
import { UserRef } from './order.reference';
import type { OrdersServices } from './orders.module';

export const OrderConnection = connectionType('Order', OrderEntity);

@Resolver(() => OrderEntity)
export class OrderResolver {
  constructor(private readonly services: OrdersServices) {}

  @Query(() => OrderEntity, { nullable: true, description: "The owner's, or any for AGENT and ADMIN; null otherwise." })
  order(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<OrderEntity | null> {
    return this.services.orders.get(ctx, id);
  }
}

@Resolver(() => UserRef)
export class UserOrdersResolver {
  constructor(private readonly services: OrdersServices) {}

  @FieldResolver(() => OrderConnection, { description: 'Newest first. Visible to the user and to staff.' })
  orders(
    @Ctx() ctx: RequestContext,
    @Root() user: UserRef,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<OrderEntity>> {
    return this.services.orders.forCustomer(ctx, user.id, { first: first ?? 20, after });
  }
}
