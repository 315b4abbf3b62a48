import type { ReservationService } from './reservation.service';
import type { StockLedger } from './stock.ledger';
import type { StockService } from './stock.service';
import type { WarehouseService } from './warehouse.service';

/** What the inventory resolvers are given; apart from inventory.module.ts, which imports the resolvers. */
export interface InventoryServices {
  readonly ledger: StockLedger;
  readonly stock: StockService;
  readonly reservations: ReservationService;
  readonly warehouses: WarehouseService;
}
