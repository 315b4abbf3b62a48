import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { conflict, notFound } from '../../platform/errors';
import { backoff } from '../../platform/db';
import type { SubgraphDeps } from '../../platform/subgraph';
import { isLowStock, type StockLevels } from './stock.entity';
import type { AppliedChange, MovementNote, StockLedger } from './stock.ledger';
import { WarehouseStockEntity } from './warehouse.entity';

const CAS_ATTEMPTS = 100;

/** A change of one product's stock in one warehouse, and the change it made to the product's total (null when the total did not move). */
export interface WarehouseChange {
  readonly warehouseId: string;
  readonly before: StockLevels;
  readonly after: StockLevels;
  readonly total: AppliedChange | null;
}

/**
 * The writer of per-warehouse stock: a compare-and-set on the warehouse row
 * (as StockLedger does on the total), then the same deltas applied to the
 * product's total through StockLedger, which records the movement (naming the
 * warehouse) and the threshold events of the total, in the caller's unit of
 * work. Rules that refuse (not enough on hand, below reserved) see the
 * warehouse's levels; the total is their sum and moves with them.
 */
export class WarehouseLedger {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly stock: StockLedger,
  ) {}

  read(em: EntityManager, warehouseId: string, productId: string): Promise<WarehouseStockEntity | null> {
    return em.findOne(WarehouseStockEntity, { warehouseId, productId }, { disableIdentityMap: true });
  }

  /** Changes the product's stock in the warehouse to `next(current)`; `next` may throw to refuse. */
  async apply(em: EntityManager, productId: string, warehouseId: string, next: (current: StockLevels) => StockLevels, note: MovementNote | null): Promise<WarehouseChange> {
    for (let attempt = 1; ; attempt += 1) {
      const row = await this.read(em, warehouseId, productId);
      if (!row) throw notFound(`Stock of product ${productId} in warehouse`, warehouseId);
      const before: StockLevels = { onHand: row.onHand, reserved: row.reserved, lowStockThreshold: row.lowStockThreshold };
      const after = next(before);
      if (after.reserved < 0 || after.onHand < after.reserved) {
        throw new Error(`Stock rule broken for ${productId} in ${warehouseId}: onHand ${after.onHand}, reserved ${after.reserved}`);
      }
      const written = await em.nativeUpdate(
        WarehouseStockEntity,
        { id: row.id, version: row.version },
        { ...after, low: isLowStock(after), version: row.version + 1, updatedAt: this.deps.clock.now() },
      );
      if (written === 1) {
        const onHandDelta = after.onHand - before.onHand;
        const reservedDelta = after.reserved - before.reserved;
        // A threshold of one warehouse leaves the total (and its history) as it was.
        const total =
          onHandDelta === 0 && reservedDelta === 0 && !note
            ? null
            : await this.stock.apply(em, productId, (t) => ({ ...t, onHand: t.onHand + onHandDelta, reserved: t.reserved + reservedDelta }), note && { ...note, warehouseId, warehouseAfter: after });
        return { warehouseId, before, after, total };
      }
      if (attempt >= CAS_ATTEMPTS) {
        throw conflict(`Stock of product ${productId} in warehouse ${warehouseId} is changing too often to apply this now; try again`, { productId, warehouseId, retryable: true });
      }
      await backoff(attempt);
    }
  }

  /** Creates the product's (empty) row in the warehouse if it has none; concurrent callers create one between them. */
  async ensureRow(warehouseId: string, productId: string): Promise<void> {
    if ((await this.deps.db.read((em) => em.count(WarehouseStockEntity, { warehouseId, productId }))) > 0) return;
    try {
      await this.deps.db.write(async (em) => {
        em.persist(WarehouseStockEntity.of(warehouseId, productId, { onHand: 0, reserved: 0 }));
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
  }
}
