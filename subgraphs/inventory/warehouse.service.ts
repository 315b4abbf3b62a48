import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { GraphQLError } from 'graphql';
import { checkId, checkIdempotencyKey, requiredReason } from '../../platform/checks';
import { byKeys, type RequestContext } from '../../platform/context';
import { appError, badInput, conflict } from '../../platform/errors';
import type { SubgraphDeps } from '../../platform/subgraph';
import { paginate, type Page, type PageArgs } from '../../platform/pagination';
import { StockMovementEntity, StockMovementKind } from './stock-movement.entity';
import { availableOf, ownerOf, StockLevelEntity } from './stock.entity';
import { actorOf, levelsState, type AppliedChange, type StockLedger } from './stock.ledger';
import { checkUnits } from './stock.rules';
import { DEFAULT_WAREHOUSE, StockTransferEntity, WarehouseEntity, WarehouseStockEntity } from './warehouse.entity';
import type { CreateWarehouseInput, TransferStockInput, UpdateWarehouseInput } from './warehouse.inputs';
import type { WarehouseLedger } from './warehouse.ledger';
import { checkTransfer, checkWarehouseFields, transferShortage, withTransferIn, withTransferOut } from './warehouse.rules';

const MIGRATION_BATCH = 500;

/** Warehouses, the stock in each, and transfers between them (staff only); reservations allocate in the ReservationStore. */
export class WarehouseService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly stock: StockLedger,
    readonly ledger: WarehouseLedger,
  ) {}

  /** Every warehouse, highest priority first. */
  list(ctx: RequestContext): Promise<WarehouseEntity[]> {
    return ctx.em.find(WarehouseEntity, {}, { orderBy: { priority: 'desc', code: 'asc' } });
  }

  /** Batched: the warehouses of a page of stock rows cost one query. */
  byId(ctx: RequestContext, id: string): Promise<WarehouseEntity | undefined> {
    return ctx.loaders
      .get<string, WarehouseEntity | undefined>('warehouseById', async (ids) => byKeys(ids, await ctx.em.find(WarehouseEntity, { id: { $in: [...ids] } }), (w) => w.id))
      .load(id);
  }

  /**
   * Batched: the stock per warehouse a product id names, highest priority
   * first: as levelsOf for the totals, a product's id names the sums per
   * warehouse over its variants (a product sold as one variant: that
   * variant's own rows). Two queries for a page of products.
   */
  stockOf(ctx: RequestContext, productId: string): Promise<WarehouseStockEntity[]> {
    return ctx.loaders
      .get<string, WarehouseStockEntity[]>('warehouseStockByProductId', async (ids) => {
        const totals = await ctx.em.find(StockLevelEntity, { $or: [{ productId: { $in: [...ids] } }, { owningProductId: { $in: [...ids] } }] });
        const variantsOf = new Map(ids.map((id) => [id, totals.filter((row) => row.productId === id || ownerOf(row) === id).map((row) => row.productId)]));
        const rows = await this.ordered(ctx, [...new Set([...variantsOf.values()].flat())]);
        return ids.map((id) => {
          const variants = variantsOf.get(id) ?? [];
          const own = rows.filter((row) => row.productId === id);
          return variants.length === 1 && variants[0] === id ? own : sumsPerWarehouse(id, rows.filter((row) => variants.includes(row.productId)), own);
        });
      })
      .load(productId);
  }

  /** Batched: one variant's own stock per warehouse (never a sum), highest priority first. */
  stockOfVariant(ctx: RequestContext, variantId: string): Promise<WarehouseStockEntity[]> {
    return ctx.loaders
      .get<string, WarehouseStockEntity[]>('warehouseStockByVariantId', async (ids) => {
        const rows = await this.ordered(ctx, ids);
        return ids.map((id) => rows.filter((row) => row.productId === id));
      })
      .load(variantId);
  }

  /** The warehouse rows of these stock ids, highest-priority warehouse first. */
  private async ordered(ctx: RequestContext, ids: readonly string[]): Promise<WarehouseStockEntity[]> {
    const [rows, warehouses] = await Promise.all([ctx.em.find(WarehouseStockEntity, { productId: { $in: [...ids] } }), this.list(ctx)]);
    const rank = new Map(warehouses.map((w, i) => [w.id, i]));
    return rows.sort((a, b) => (rank.get(a.warehouseId) ?? 0) - (rank.get(b.warehouseId) ?? 0));
  }

  /** The warehouse a stock operation means: the default one when none is named; NOT_FOUND (field "warehouseId") for an unknown one. */
  async target(warehouseId: string | null | undefined): Promise<{ readonly warehouseId: string }> {
    if (warehouseId === null || warehouseId === undefined) return { warehouseId: DEFAULT_WAREHOUSE.id };
    checkId(warehouseId, 'warehouseId');
    const found = await this.deps.db.read((em) => em.count(WarehouseEntity, { id: warehouseId }));
    if (found === 0) throw unknownWarehouse(warehouseId);
    return { warehouseId };
  }

  async create(ctx: RequestContext, input: CreateWarehouseInput): Promise<WarehouseEntity> {
    const fields = checkWarehouseFields(input);
    const now = this.deps.clock.now();
    const warehouse = Object.assign(new WarehouseEntity(), { ...fields, region: fields.region ?? null, createdAt: now, updatedAt: now });
    try {
      await this.deps.db.write(async (em) => {
        em.persist(warehouse);
        this.stock.audit(em, ctx.caller, { action: 'warehouse.created', entityType: 'Warehouse', entityId: warehouse.id, before: null, after: stateOf(warehouse) });
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw codeTaken(warehouse.code);
      throw error;
    }
    void this.deps.outbox.kick();
    return warehouse;
  }

  async update(ctx: RequestContext, id: string, input: UpdateWarehouseInput): Promise<WarehouseEntity> {
    checkId(id, 'id');
    const fields = checkWarehouseFields(input);
    try {
      const updated = await this.deps.db.write(async (em) => {
        const warehouse = await em.findOne(WarehouseEntity, { id });
        if (!warehouse) throw unknownWarehouse(id, 'id');
        const before = stateOf(warehouse);
        em.assign(warehouse, { ...fields, updatedAt: this.deps.clock.now() });
        this.stock.audit(em, ctx.caller, { action: 'warehouse.updated', entityType: 'Warehouse', entityId: id, before, after: stateOf(warehouse) });
        return warehouse;
      });
      void this.deps.outbox.kick();
      return updated;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && fields.code) throw codeTaken(fields.code);
      throw error;
    }
  }

  /**
   * Moves available units of a product from one warehouse to another in one
   * unit of work: a TRANSFER movement out of the source and one into the
   * destination (the product's total is unchanged), the transfer record and
   * an audit entry. Refused with CONFLICT (reason INSUFFICIENT_STOCK) when the
   * source has fewer available, writing nothing. A retry with the same
   * idempotency key answers the first transfer.
   */
  async transfer(ctx: RequestContext, input: TransferStockInput): Promise<StockTransferEntity> {
    const { fromWarehouseId, toWarehouseId, productId, quantity } = input;
    checkId(productId, 'productId');
    const reason = requiredReason(input.reason);
    const key = checkIdempotencyKey(input.idempotencyKey);
    if (!key) throw badInput('idempotencyKey is required', 'idempotencyKey');
    checkTransfer(fromWarehouseId, toWarehouseId, quantity);
    const actorId = actorOf(ctx.caller);
    const earlier = await this.earlierTransfer(actorId, key, input);
    if (earlier) return earlier;
    await this.target(fromWarehouseId);
    await this.target(toWarehouseId);
    // Refused before the destination's row is created, so a refusal writes nothing; the write below checks again.
    const held = await this.deps.db.read((em) => this.ledger.read(em, fromWarehouseId, productId));
    const available = held ? availableOf(held) : 0;
    if (available < quantity) throw transferShortage(productId, fromWarehouseId, quantity, available);
    await this.ledger.ensureRow(toWarehouseId, productId);
    const at = this.deps.clock.now();
    const record = Object.assign(new StockTransferEntity(), { productId, fromWarehouseId, toWarehouseId, quantity, reason, actorId, idempotencyKey: key, at });
    let applied: AppliedChange[];
    try {
      applied = await this.deps.db.write(async (em) => {
        const note = { kind: StockMovementKind.TRANSFER, actorId, reason };
        const out = await this.ledger.apply(em, productId, fromWarehouseId, (levels) => withTransferOut(levels, quantity, productId, fromWarehouseId), note);
        const into = await this.ledger.apply(em, productId, toWarehouseId, (levels) => withTransferIn(levels, quantity), note);
        em.persist(record);
        this.stock.audit(em, ctx.caller, {
          action: 'stock.transferred',
          entityType: 'StockTransfer',
          entityId: record.id,
          reason,
          before: { productId, quantity, from: { warehouseId: fromWarehouseId, ...levelsState(out.before) }, to: { warehouseId: toWarehouseId, ...levelsState(into.before) } },
          after: { productId, quantity, from: { warehouseId: fromWarehouseId, ...levelsState(out.after) }, to: { warehouseId: toWarehouseId, ...levelsState(into.after) } },
        });
        return [out.total, into.total].filter((change): change is AppliedChange => change !== null);
      });
    } catch (error) {
      // The same key applied by a concurrent retry, which committed first: answer its transfer.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const first = await this.earlierTransfer(actorId, key, input);
      if (!first) throw error;
      return first;
    }
    await this.stock.announce(applied);
    return record;
  }

  /** Stock rows of a warehouse whose available units are at or below the warehouse's threshold, by product id, with keyset paging. */
  async lowStock(ctx: RequestContext, warehouseId: string, page: PageArgs): Promise<Page<WarehouseStockEntity>> {
    await this.target(warehouseId);
    return paginate(ctx.em, WarehouseStockEntity, { warehouseId, low: true }, page, { field: 'productId', key: 'productId', direction: 'asc' });
  }

  /** The warehouse's low-stock threshold for a product; the product's total keeps its own (setLowStockThreshold). */
  async setLowStockThreshold(ctx: RequestContext, warehouseId: string, productId: string, threshold: number): Promise<WarehouseStockEntity> {
    checkUnits(threshold, 'threshold');
    checkId(productId, 'productId');
    await this.target(warehouseId);
    const row = await this.deps.db.read((em) => this.ledger.read(em, warehouseId, productId));
    if (!row) throw appError('NOT_FOUND', `Product ${productId} has never been stocked in warehouse ${warehouseId}`, { id: productId, field: 'productId' });
    const change = await this.deps.db.write(async (em) => {
      const applied = await this.ledger.apply(em, productId, warehouseId, (levels) => ({ ...levels, lowStockThreshold: threshold }), null);
      this.stock.audit(em, ctx.caller, {
        action: 'stock.warehouse_threshold_set',
        entityType: 'WarehouseStock',
        entityId: productId,
        reason: null,
        before: { warehouseId, ...levelsState(applied.before) },
        after: { warehouseId, ...levelsState(applied.after) },
      });
      return applied;
    });
    void this.deps.outbox.kick();
    return Object.assign(row, change.after);
  }

  /**
   * Start-up, idempotent, safe with several processes starting at once: the
   * default warehouse exists; every product stocked before warehouses has its
   * whole stock (onHand and reserved) in the default warehouse; its earlier
   * movements name that warehouse. Products already holding warehouse rows are
   * left alone, so running it again changes nothing.
   */
  async migrate(): Promise<void> {
    await this.ensureDefault();
    let after = '';
    for (;;) {
      const { count, last } = await this.moveIntoDefault(after);
      if (count < MIGRATION_BATCH) break;
      after = last;
    }
    await this.deps.db.write((em) => em.nativeUpdate(StockMovementEntity, { warehouseId: null }, { warehouseId: DEFAULT_WAREHOUSE.id }));
  }

  private async ensureDefault(): Promise<void> {
    if ((await this.deps.db.read((em) => em.count(WarehouseEntity, { id: DEFAULT_WAREHOUSE.id }))) > 0) return;
    try {
      await this.deps.db.write(async (em) => {
        em.persist(Object.assign(new WarehouseEntity(), { ...DEFAULT_WAREHOUSE, createdAt: this.deps.clock.now(), updatedAt: this.deps.clock.now() }));
      });
    } catch (error) {
      // Created by another process starting at the same moment.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
  }

  /** One batch of products (by id, after `after`): those without any warehouse row get one in the default warehouse holding their totals. */
  private async moveIntoDefault(after: string): Promise<{ count: number; last: string }> {
    for (;;) {
      try {
        return await this.deps.db.write(async (em) => {
          const totals = await em.find(StockLevelEntity, { productId: { $gt: after } }, { orderBy: { productId: 'asc' }, limit: MIGRATION_BATCH, disableIdentityMap: true });
          const stocked = await stockedProducts(em, totals.map((t) => t.productId));
          for (const row of totals) {
            if (!stocked.has(row.productId)) em.persist(WarehouseStockEntity.of(DEFAULT_WAREHOUSE.id, row.productId, { onHand: row.onHand, reserved: row.reserved }));
          }
          return { count: totals.length, last: totals.at(-1)?.productId ?? after };
        });
      } catch (error) {
        // Another process migrated some of this batch first: read it again.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
  }

  private async earlierTransfer(actorId: string, key: string, input: TransferStockInput): Promise<StockTransferEntity | null> {
    const earlier = await this.deps.db.read((em) => em.findOne(StockTransferEntity, { actorId, idempotencyKey: key }));
    if (!earlier) return null;
    const same =
      earlier.productId === input.productId && earlier.fromWarehouseId === input.fromWarehouseId && earlier.toWarehouseId === input.toWarehouseId && earlier.quantity === input.quantity;
    if (!same) throw conflict(`idempotencyKey "${key}" was used for another transfer; use a new key`, { reason: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
    return earlier;
  }
}

async function stockedProducts(em: EntityManager, productIds: readonly string[]): Promise<Set<string>> {
  if (productIds.length === 0) return new Set();
  const rows = await em.find(WarehouseStockEntity, { productId: { $in: [...productIds] } }, { fields: ['productId'], disableIdentityMap: true });
  return new Set(rows.map((r) => r.productId));
}

const unknownWarehouse = (id: string, field = 'warehouseId'): GraphQLError => appError('NOT_FOUND', `Warehouse ${id} was not found`, { id, field });
const codeTaken = (code: string): GraphQLError => conflict(`A warehouse with code ${code} already exists`, { field: 'code' });

function stateOf(w: WarehouseEntity): Record<string, unknown> {
  return { code: w.code, name: w.name, country: w.country, region: w.region, city: w.city, priority: w.priority, active: w.active };
}

/**
 * A product's stock per warehouse over its variants' rows (already in
 * warehouse order): onHand and reserved added, the threshold of the product's own row there (0 without one). Built for
 * reads, never stored.
 */
function sumsPerWarehouse(productId: string, rows: readonly WarehouseStockEntity[], own: readonly WarehouseStockEntity[]): WarehouseStockEntity[] {
  const warehouses = [...new Set(rows.map((row) => row.warehouseId))];
  return warehouses.map((warehouseId) => {
    const here = rows.filter((row) => row.warehouseId === warehouseId);
    const sum = WarehouseStockEntity.of(warehouseId, productId, {
      onHand: here.reduce((total, row) => total + row.onHand, 0),
      reserved: here.reduce((total, row) => total + row.reserved, 0),
      lowStockThreshold: own.find((row) => row.warehouseId === warehouseId)?.lowStockThreshold ?? 0,
    });
    sum.summed = true;
    return sum;
  });
}
