import type { SubgraphModule } from '../kernel/subgraph';
import { OrderEntity, OrderLineEntity, StatusChangeEntity } from './order.entity';
import { orderReferences } from './order.reference';
import { OrderResolver, UserOrdersResolver } from './order.resolver';
import { OrderService } from './order.service';
import { OrderSubscriptionResolver } from './order.subscription';

export interface OrdersServices {
  readonly orders: OrderService;
}

export const orders: SubgraphModule<OrdersServices> = {
  name: 'orders',
  entities: [OrderEntity, OrderLineEntity, StatusChangeEntity],
  resolvers: [OrderResolver, UserOrdersResolver, OrderSubscriptionResolver],
  createServices: () => ({ orders: new OrderService() }),
  referenceResolvers: (services) => orderReferences(services.orders),
};
