import type { SubgraphModule } from '../kernel/subgraph';
import { StockSubscriptionResolver } from './stock.subscription';
import { inventoryReferences, ProductRef } from './product.reference';
import { StockLevelEntity } from './stock.entity';
import { ProductStockResolver } from './stock.resolver';
import { StockService } from './stock.service';

export interface InventoryServices {
  readonly stock: StockService;
}

export const inventory: SubgraphModule<InventoryServices> = {
  name: 'inventory',
  entities: [StockLevelEntity],
  resolvers: [ProductStockResolver, StockSubscriptionResolver],
  // Reachable only through entity references, so type-graphql must be told to emit them.
  orphanedTypes: [ProductRef, StockLevelEntity],
  createServices: (deps) => ({ stock: new StockService(deps) }),
  referenceResolvers: (services) => inventoryReferences(services.stock),
  seed: async (services, deps) => {
    if (deps.config.seedDemo) await services.stock.seedDemo();
  },
};
