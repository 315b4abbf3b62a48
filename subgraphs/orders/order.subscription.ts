import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { servedByGateway } from '../../platform/subscriptions';
import { OrderEntity } from './order.entity';

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
}
