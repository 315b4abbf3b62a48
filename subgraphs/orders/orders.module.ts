import type { SubgraphModule } from '../kernel/subgraph';
import { OrderEntity, OrderLineEntity, StatusChangeEntity } from './order.entity';
import { orderReferences } from './order.reference';
import { OrderResolver, UserOrdersResolver } from './order.resolver';
import { OrderService } from './order.service';

export interface OrdersServices {
  readonly orders: OrderService;
}

export const orders: SubgraphModule<OrdersServices> = {
  name: 'orders',
  entities: [OrderEntity, OrderLineEntity, StatusChangeEntity],
  resolvers: [OrderResolver, UserOrdersResolver],
  createServices: () => ({ orders: new OrderService() }),
  referenceResolvers: (services) => orderReferences(services.orders),
};
