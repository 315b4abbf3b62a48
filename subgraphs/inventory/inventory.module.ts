import type { SubgraphModule } from '../../platform/subgraph';
import { CatalogClient } from './catalog.client';
import { StockSubscriptionResolver } from './stock.subscription';
import { inventoryReferences } from './product.reference';
import { ProductRef } from './product.stub';
import { ReservationEntity } from './reservation.entity';
import { ReservationResolver } from './reservation.resolver';
import { ReservationService } from './reservation.service';
import { reservationStore } from './reservation.store.factory';
import { StockAdjustmentKeyEntity } from './stock-adjustment.entity';
import { StockMovementEntity } from './stock-movement.entity';
import { StockLevelEntity } from './stock.entity';
import { StockLedger } from './stock.ledger';
import { ProductStockResolver, StockResolver, VariantStockResolver } from './stock.resolver';
import { ProductVariantRef } from './variant.stub';
import { StockService } from './stock.service';
import type { InventoryServices } from './inventory.services';

export const inventory: SubgraphModule<InventoryServices> = {
  name: 'inventory',
  entities: [StockLevelEntity, StockMovementEntity, StockAdjustmentKeyEntity, ReservationEntity],
  resolvers: [ProductStockResolver, VariantStockResolver, StockResolver, ReservationResolver, StockSubscriptionResolver],
  // Reachable only through entity references, so type-graphql must be told to emit them.
  orphanedTypes: [ProductRef, ProductVariantRef, StockLevelEntity],
  createServices: (deps) => {
    const ledger = new StockLedger(deps);
    return { ledger, stock: new StockService(deps, ledger, new CatalogClient(deps.internal)), reservations: new ReservationService(deps, ledger, reservationStore(deps.db)) };
  },
  referenceResolvers: (services) => inventoryReferences(services.stock),
  seed: async (services, deps) => {
    await services.stock.backfillLowFlags();
    if (deps.config.seedDemo) await services.stock.seedDemo();
  },
  background: async (services) => [services.reservations.startSweeping()],
};
