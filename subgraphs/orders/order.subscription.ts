import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { servedByGateway } from '../../platform/subscriptions';
import { OrderEntity } from './order.entity';
import { OrderChangeFilter } from './order.inputs';

@Resolver()
export class OrderSubscriptionResolver {
  @Subscription(() => OrderEntity, {
    subscribe: servedByGateway,
    description:
      'The order now, then again on every status change. Owner, AGENT or ADMIN; anyone else gets NOT_FOUND, as for an unknown order. Served by the gateway over graphql-ws.',
  })
  orderStatusChanged(@Root() order: OrderEntity, @Arg('orderId', () => ID) _orderId: string): OrderEntity {
    return order;
  }

  @Subscription(() => OrderEntity, {
    subscribe: servedByGateway,
    description:
      'AGENT or ADMIN: every order that changes from now on (placed, paid, shipped, cancelled, ...) and matches the filter, for a live order board; query orders first for the current state. Anyone else is refused with FORBIDDEN. Served by the gateway over graphql-ws.',
  })
  ordersChanged(@Root() order: OrderEntity, @Arg('filter', () => OrderChangeFilter, { nullable: true }) _filter: OrderChangeFilter | null): OrderEntity {
    return order;
  }
}
