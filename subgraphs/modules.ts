import type { ServiceName } from '../platform/config';
import type { SubgraphModule } from '../platform/subgraph';
import { catalog } from './catalog/catalog.module';
import { inventory } from './inventory/inventory.module';
import { orders } from './orders/orders.module';
import { payments } from './payments/payments.module';
import { pricing } from './pricing/pricing.module';
import { recommendations } from './recommendations/recommendations.module';
import { reviews } from './reviews/reviews.module';
import { shipping } from './shipping/shipping.module';
import { users } from './users/users.module';

/** Every subgraph, by name: the launcher, the compose script and tests start them from here. */
export const SUBGRAPHS: Readonly<Record<ServiceName, SubgraphModule<unknown>>> = {
  users: users as SubgraphModule<unknown>,
  catalog: catalog as SubgraphModule<unknown>,
  inventory: inventory as SubgraphModule<unknown>,
  orders: orders as SubgraphModule<unknown>,
  payments: payments as SubgraphModule<unknown>,
  reviews: reviews as SubgraphModule<unknown>,
  recommendations: recommendations as SubgraphModule<unknown>,
  shipping: shipping as SubgraphModule<unknown>,
  pricing: pricing as SubgraphModule<unknown>,
};
