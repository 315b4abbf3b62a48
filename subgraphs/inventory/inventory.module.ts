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
import { StockTransferEntity, WarehouseEntity, WarehouseStockEntity } from './warehouse.entity';
import { WarehouseLedger } from './warehouse.ledger';
import { ProductWarehouseStockResolver, VariantWarehouseStockResolver, StockTransferResolver, WarehouseResolver, WarehouseStockResolver } from './warehouse.resolver';
import { WarehouseService } from './warehouse.service';

export const inventory: SubgraphModule<InventoryServices> = {
  name: 'inventory',
  entities: [StockLevelEntity, StockMovementEntity, StockAdjustmentKeyEntity, ReservationEntity, WarehouseEntity, WarehouseStockEntity, StockTransferEntity],
  resolvers: [ProductStockResolver, VariantStockResolver, StockResolver, ReservationResolver, StockSubscriptionResolver, WarehouseResolver, WarehouseStockResolver, StockTransferResolver, ProductWarehouseStockResolver, VariantWarehouseStockResolver],
  // Reachable only through entity references, so type-graphql must be told to emit them.
  orphanedTypes: [ProductRef, ProductVariantRef, StockLevelEntity],
  createServices: (deps) => {
    const ledger = new StockLedger(deps);
    const warehouses = new WarehouseService(deps, ledger, new WarehouseLedger(deps, ledger));
    return {
      ledger,
      warehouses,
      stock: new StockService(deps, ledger, new CatalogClient(deps.internal), warehouses),
      reservations: new ReservationService(deps, ledger, warehouses.ledger, reservationStore(deps.db, deps.config)),
    };
  },
  referenceResolvers: (services) => inventoryReferences(services.stock),
  seed: async (services, deps) => {
    await services.stock.backfillLowFlags();
    if (deps.config.seedDemo) await services.stock.seedDemo();
    // After the demo seed, whose stock (like any from before warehouses) moves into the default warehouse.
    await services.warehouses.migrate();
  },
  background: async (services) => [services.reservations.startSweeping()],
};
