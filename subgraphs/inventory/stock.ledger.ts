import type { EntityManager } from '@mikro-orm/core';
import { AUDIT_RECORDED, auditRecord, type AuditChange } from '../../contracts/audit';
import type { Caller } from '../../platform/caller';
import { conflict, notFound } from '../../platform/errors';
import { INVENTORY_EVENTS, type StockThresholdPayload } from '../../contracts/inventory-api';
import { announceChanges, channels } from '../../platform/messaging/pubsub';
import type { SubgraphDeps } from '../../platform/subgraph';
import { backoff } from '../../platform/db';
import { StockMovementEntity, type StockMovementKind } from './stock-movement.entity';
import { availableOf, isLowStock, ownerOf, StockLevelEntity, type StockLevels } from './stock.entity';

/** Reads and compare-and-set attempts before a change is refused as contended. */
const CAS_ATTEMPTS = 100;

export interface AppliedChange {
  readonly productId: string;
  readonly before: StockLevels;
  readonly after: StockLevels;
  /** The row's version after the change: the live-update notice carries it. */
  readonly version: number;
}

/** A live-update notice of a stock level (a product, or one of its variants) at a version. */
export interface StockNotice {
  readonly id: string;
  readonly version: number;
}

export interface MovementNote {
  readonly kind: StockMovementKind;
  readonly actorId: string;
  readonly orderId?: string | null;
  readonly reason?: string | null;
  /** The warehouse whose stock the change was, and its levels after it (warehouse.ledger.ts). */
  readonly warehouseId?: string;
  readonly warehouseAfter?: StockLevels;
}

/**
 * The only writer of stock levels. Each change is a compare-and-set: read
 * the row, compute the new levels, write them only where the version is still
 * the one read (`nativeUpdate(..., { productId, version })`, a single-row
 * atomic write on SQL and on MongoDB alike); a lost race reads again. No lock
 * is held in process memory, so this holds across any number of processes.
 * The movement and the low-stock events join the caller's unit of work.
 */
export class StockLedger {
  /** Variant id to its product: fixed once a row exists, so kept for the life of the process. */
  private readonly owners = new Map<string, string>();

  constructor(private readonly deps: SubgraphDeps) {}

  /** Straight from the database, never a cached copy: a compare-and-set needs the current version. */
  read(em: EntityManager, productId: string): Promise<StockLevelEntity | null> {
    return em.findOne(StockLevelEntity, { productId }, { disableIdentityMap: true });
  }

  readMany(em: EntityManager, productIds: readonly string[]): Promise<StockLevelEntity[]> {
    return em.find(StockLevelEntity, { productId: { $in: [...productIds] } }, { disableIdentityMap: true });
  }

  /**
   * Changes one product's stock to `next(current)`; `next` may throw to
   * refuse (it sees the levels the write will be conditional on).
   */
  async apply(em: EntityManager, productId: string, next: (current: StockLevels) => StockLevels, note: MovementNote | null): Promise<AppliedChange> {
    for (let attempt = 1; ; attempt += 1) {
      const row = await this.read(em, productId);
      if (!row) throw notFound('Stock level', productId);
      const before: StockLevels = { onHand: row.onHand, reserved: row.reserved, lowStockThreshold: row.lowStockThreshold };
      const after = next(before);
      if (after.reserved < 0 || after.onHand < after.reserved) {
        throw new Error(`Stock rule broken for ${productId}: onHand ${after.onHand}, reserved ${after.reserved}`);
      }
      const now = this.deps.clock.now();
      const version = row.version + 1;
      const written = await em.nativeUpdate(StockLevelEntity, { productId, version: row.version }, { ...after, low: isLowStock(after), version, updatedAt: now });
      if (written === 1) {
        this.record(em, productId, version, before, after, note, now);
        // Written at once, not at the end of the unit: where a unit is not one transaction, the ledger then
        // misses a change only if the process dies between these two writes.
        await em.flush();
        return { productId, before, after, version };
      }
      if (attempt >= CAS_ATTEMPTS) {
        throw conflict(`Stock of product ${productId} is changing too often to apply this now; try again`, { productId, retryable: true });
      }
      await backoff(attempt);
    }
  }

  /** Adds an audit entry for a stock change to the unit of work (catalog stores it from the outbox event). */
  audit(em: EntityManager, caller: Caller | null, change: AuditChange): void {
    this.deps.outbox.add(em, AUDIT_RECORDED, auditRecord('inventory', caller, this.deps.clock.now(), change));
  }

  /**
   * After the unit of work committed: a change notice per product (its
   * latest version) for live updates, and the outbox relay nudged.
   */
  async announce(changes: readonly AppliedChange[]): Promise<void> {
    await this.notify(await this.noticesOf(changes));
  }

  /** Publishes notices already worked out (a reservation reads its product sums in its own transaction), and nudges the outbox relay. */
  async notify(notices: readonly StockNotice[]): Promise<void> {
    await Promise.all(
      notices.map(({ id, version }) =>
        this.deps.pubsub.publish(channels.stock(id), { id, version }).catch((error: unknown) => {
          // Notices are best effort: a subscriber that misses one re-reads on the next.
          this.deps.log.warn('stock change notice not published', { productId: id, version, error: String(error) });
        }),
      ),
    );
    await announceChanges(this.deps, 'StockLevel', notices);
    void this.deps.outbox.kick();
  }

  /**
   * A variant's change also changes its product's sum, which is what the
   * product's id names (levelsOf): the product's channel gets a notice with
   * the sum's version, the one its subscribers last saw a lower value of.
   * Two reads after the commit, whatever the number of changes.
   */
  private async noticesOf(changes: readonly AppliedChange[]): Promise<StockNotice[]> {
    const unknown = [...new Set(changes.map((c) => c.productId))].filter((id) => !this.owners.has(id));
    if (unknown.length > 0) {
      const rows = await this.deps.db.read((em) => em.find(StockLevelEntity, { productId: { $in: unknown } }, { fields: ['productId', 'owningProductId'] }));
      for (const row of rows) this.owners.set(row.productId, ownerOf(row));
    }
    const products = [...new Set(changes.map((c) => this.owners.get(c.productId) ?? c.productId))];
    const rows = await this.deps.db.read((em) =>
      em.find(StockLevelEntity, { $or: [{ productId: { $in: products } }, { owningProductId: { $in: products } }] }, { fields: ['productId', 'owningProductId', 'version'] }),
    );
    return stockNotices(changes, rows);
  }

  private record(em: EntityManager, productId: string, version: number, before: StockLevels, after: StockLevels, note: MovementNote | null, at: Date): void {
    if (note) {
      em.persist(
        Object.assign(new StockMovementEntity(), {
          productId,
          version,
          kind: note.kind,
          onHandDelta: after.onHand - before.onHand,
          reservedDelta: after.reserved - before.reserved,
          onHandAfter: after.onHand,
          reservedAfter: after.reserved,
          warehouseId: note.warehouseId ?? null,
          warehouseOnHandAfter: note.warehouseAfter?.onHand ?? null,
          warehouseReservedAfter: note.warehouseAfter?.reserved ?? null,
          orderId: note.orderId ?? null,
          reason: note.reason ?? null,
          actorId: note.actorId,
          at,
        }),
      );
    }
    const crossing = thresholdCrossing(productId, before, after);
    if (crossing) this.deps.outbox.add(em, crossing.type, crossing.payload);
  }
}

/** The low-stock or replenished event of a change, or null: only crossings alert, so a product that stays low does not alert on every sale. */
export function thresholdCrossing(
  productId: string,
  before: StockLevels,
  after: StockLevels,
): { type: typeof INVENTORY_EVENTS.low | typeof INVENTORY_EVENTS.replenished; payload: StockThresholdPayload } | null {
  const isLow = isLowStock(after);
  if (isLowStock(before) === isLow) return null;
  const payload: StockThresholdPayload = {
    productId,
    onHand: after.onHand,
    reserved: after.reserved,
    available: availableOf(after),
    threshold: after.lowStockThreshold,
  };
  return { type: isLow ? INVENTORY_EVENTS.low : INVENTORY_EVENTS.replenished, payload };
}

/**
 * The notices of `changes`: each changed row at its latest version, and each
 * owning product at the sum of its rows' versions (`rows`: every row of the
 * products concerned, their variants included).
 */
export function stockNotices(changes: readonly AppliedChange[], rows: ReadonlyArray<Pick<StockLevelEntity, 'productId' | 'owningProductId' | 'version'>>): StockNotice[] {
  const latest = new Map<string, number>();
  for (const change of changes) latest.set(change.productId, Math.max(change.version, latest.get(change.productId) ?? 0));
  const owners = new Map(rows.map((row) => [row.productId, ownerOf(row)]));
  for (const product of new Set([...latest.keys()].map((id) => owners.get(id) ?? id))) {
    const mine = rows.filter((row) => ownerOf(row) === product || row.productId === product);
    if (mine.length > 0) latest.set(product, mine.reduce((sum, row) => sum + row.version, 0));
  }
  return [...latest].map(([id, version]) => ({ id, version }));
}

/** The actor id movements record, as the audit log names it (contracts/audit.ts). */
export function actorOf(caller: Caller | null): string {
  return caller?.userId ?? 'system:inventory';
}

/** What the audit log records of a stock level. */
export function levelsState(levels: StockLevels): Record<string, number> {
  return { onHand: levels.onHand, reserved: levels.reserved, available: availableOf(levels), lowStockThreshold: levels.lowStockThreshold };
}
