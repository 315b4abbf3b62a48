import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { GraphQLError } from 'graphql';
import { byKeys, type RequestContext } from '../../platform/context';
import { DEMO_PRODUCTS } from '../../contracts/demo';
import { appError, badInput, conflict, notFound } from '../../platform/errors';
import { paginate, type Page, type PageArgs } from '../../platform/pagination';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { CatalogClient } from './catalog.client';
import { StockMovementEntity, StockMovementKind } from './stock-movement.entity';
import { StockAdjustmentKeyEntity } from './stock-adjustment.entity';
import { isLowStock, levelsOf, ownerOf, StockLevelEntity, type StockLevels } from './stock.entity';
import { actorOf, levelsState, type AppliedChange, type StockLedger } from './stock.ledger';
import { checkDelta, checkStockFeedSize, checkUnits, withDelta, withOnHand } from './stock.rules';
import { StockLevelResult, StockLevelStatus } from './stock.results';
import { checkIdempotencyKey, requiredReason } from '../../platform/checks';
import { DEFAULT_WAREHOUSE } from './warehouse.entity';
import type { WarehouseService } from './warehouse.service';

/** What one change needs to know beyond the new levels: an idempotency key makes a retry answer the first outcome. */
interface ChangeOptions {
  readonly reason: string | null;
  readonly idempotency?: { readonly key: string; readonly delta: number } | null;
}

/** A change of one warehouse's stock (counted figures, adjustments), or of the product's overall threshold (null). */
type ChangeTarget = { readonly warehouseId: string } | null;

/** Stock levels as agents manage them: counted figures, adjustments, low-stock thresholds. */
export class StockService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly ledger: StockLedger,
    private readonly catalog: CatalogClient,
    private readonly warehouses: WarehouseService,
  ) {}

  /**
   * The levels an id names (levelsOf): a product's id the sum over its
   * variants, a variant's id its own. Batched: a whole page costs one query.
   */
  forProduct(ctx: RequestContext, productId: string): Promise<StockLevelEntity> {
    return ctx.loaders
      .get<string, StockLevelEntity>('stockByProductId', async (ids) => {
        const rows = await ctx.em.find(StockLevelEntity, { $or: [{ productId: { $in: [...ids] } }, { owningProductId: { $in: [...ids] } }] });
        return ids.map((id) => levelsOf(id, rows));
      })
      .load(productId);
  }

  /** One variant's own levels, never a sum (the default variant of a product with several). Batched. */
  forVariant(ctx: RequestContext, variantId: string): Promise<StockLevelEntity> {
    return ctx.loaders
      .get<string, StockLevelEntity>('stockByVariantId', async (ids) => {
        const rows = await ctx.em.find(StockLevelEntity, { productId: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.productId).map((row, i) => row ?? StockLevelEntity.empty(ids[i]));
      })
      .load(variantId);
  }

  /** Newest first. */
  movements(ctx: RequestContext, productId: string, page: PageArgs): Promise<Page<StockMovementEntity>> {
    return paginate(ctx.em, StockMovementEntity, { productId }, page, { field: 'version', direction: 'desc' });
  }

  /** Sets onHand in a warehouse (the default one when null) to a counted figure; it cannot go below what is reserved there. */
  async setStock(ctx: RequestContext, productId: string, onHand: number, warehouseId: string | null = null): Promise<StockLevelEntity> {
    checkUnits(onHand, 'onHand');
    const target = await this.warehouses.target(warehouseId);
    return this.change(ctx, productId, target, 'stock.set', { reason: null }, (current) => withOnHand(current, onHand));
  }

  /**
   * Adds `delta` (negative: removes) to onHand, e.g. a delivery or damaged
   * goods, with the reason recorded. With an idempotency key, a retry (same
   * caller, same key) answers the levels the first call left and counts once;
   * the same key for another product or delta is a CONFLICT.
   */
  async adjustStock(ctx: RequestContext, productId: string, delta: number, reason: string, idempotencyKey: string | null = null, warehouseId: string | null = null): Promise<StockLevelEntity> {
    checkDelta(delta);
    const why = requiredReason(reason);
    const key = checkIdempotencyKey(idempotencyKey);
    const target = await this.warehouses.target(warehouseId);
    return this.change(ctx, productId, target, 'stock.adjusted', { reason: why, idempotency: key ? { key, delta } : null }, (current) => withDelta(current, delta));
  }

  /** setStock for the product with this SKU (ignoring case); NOT_FOUND (field "sku") for an unknown SKU. */
  async setStockBySku(ctx: RequestContext, sku: string, onHand: number, warehouseId: string | null = null): Promise<StockLevelEntity> {
    checkUnits(onHand, 'onHand');
    return this.setStock(ctx, await this.productIdOf(sku), onHand, warehouseId);
  }

  /** adjustStock for the product with this SKU (ignoring case). */
  async adjustStockBySku(ctx: RequestContext, sku: string, delta: number, reason: string, idempotencyKey: string | null, warehouseId: string | null = null): Promise<StockLevelEntity> {
    checkDelta(delta);
    requiredReason(reason);
    checkIdempotencyKey(idempotencyKey);
    return this.adjustStock(ctx, await this.productIdOf(sku), delta, reason, idempotencyKey, warehouseId);
  }

  /**
   * A stock feed: onHand by SKU for up to MAX_STOCK_FEED_ITEMS products, one
   * result per item in input order. A bad item (unknown SKU, bad figure,
   * below what is reserved, repeated SKU) is reported and the others applied;
   * a figure already stored is UNCHANGED and writes nothing, so a feed sent
   * twice changes nothing the second time. SKUs cost one lookup in catalog.
   * The figures are of one warehouse (the default one when null); an unknown
   * warehouse refuses the whole feed.
   */
  async setStockLevels(ctx: RequestContext, items: ReadonlyArray<{ sku: string; onHand: number }>, warehouseId: string | null = null): Promise<StockLevelResult[]> {
    checkStockFeedSize(items.length);
    const target = await this.warehouses.target(warehouseId);
    const ids = new Map((await this.catalog.productIdsBySku(items.map((item) => item.sku))).map((match) => [match.sku, match.variantId]));
    const seen = new Map<string, number>();
    for (const item of items) {
      const id = ids.get(item.sku);
      if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    const results: StockLevelResult[] = [];
    for (const [index, { sku, onHand }] of items.entries()) {
      const productId = ids.get(sku);
      if (!productId) {
        results.push(StockLevelResult.failed(index, sku, notFoundSku(sku)));
        continue;
      }
      if ((seen.get(productId) ?? 0) > 1) {
        results.push(StockLevelResult.failed(index, sku, badInput(`sku ${sku} appears more than once in this feed (ignoring case); send each SKU once`, 'sku')));
        continue;
      }
      try {
        checkUnits(onHand, 'onHand');
        const [current, inWarehouse] = await this.deps.db.read((em) => Promise.all([this.ledger.read(em, productId), this.warehouses.ledger.read(em, target.warehouseId, productId)]));
        // No row in the warehouse holds 0 there.
        if (current && (inWarehouse?.onHand ?? 0) === onHand) {
          results.push(StockLevelResult.of(index, sku, StockLevelStatus.UNCHANGED, current));
          continue;
        }
        results.push(StockLevelResult.of(index, sku, StockLevelStatus.UPDATED, await this.change(ctx, productId, target, 'stock.set', { reason: null }, (levels) => withOnHand(levels, onHand))));
      } catch (error) {
        if (!isRefusal(error)) throw error;
        results.push(StockLevelResult.failed(index, sku, error));
      }
    }
    return results;
  }

  /** Products whose available stock is at or below their threshold, by product id. */
  lowStock(ctx: RequestContext, page: PageArgs): Promise<Page<StockLevelEntity>> {
    return paginate(ctx.em, StockLevelEntity, { low: true }, page, { field: 'productId', key: 'productId', direction: 'asc' });
  }

  /** lowStock (and the stock.low event) trigger when available falls to this figure or below. */
  setLowStockThreshold(ctx: RequestContext, productId: string, threshold: number): Promise<StockLevelEntity> {
    checkUnits(threshold, 'threshold');
    return this.change(ctx, productId, null, 'stock.threshold_set', { reason: null }, (current) => ({ ...current, lowStockThreshold: threshold }));
  }

  /** Fills in the low-stock flag of rows written before it existed. */
  async backfillLowFlags(): Promise<void> {
    await this.deps.db.write(async (em) => {
      for (const row of await em.find(StockLevelEntity, { low: null })) row.low = isLowStock(row);
    });
  }

  /** The variant a SKU names (a product's own SKU: its default variant, whose id is the product's). */
  private async productIdOf(sku: string): Promise<string> {
    const [match] = await this.catalog.productIdsBySku([sku]);
    if (!match) throw notFoundSku(sku);
    return match.variantId;
  }

  /** Demo stock: only for products inventory has no row for yet. */
  async seedDemo(): Promise<void> {
    await this.deps.db.write(async (em) => {
      // A product with variants is stocked per variant (its id the product's for the default one).
      const rows = DEMO_PRODUCTS.flatMap((demo) => (demo.variants ?? [demo]).map((stocked) => ({ variantId: stocked.id, onHand: stocked.onHand, productId: demo.id })));
      const existing = new Set((await em.find(StockLevelEntity, { productId: { $in: rows.map((row) => row.variantId) } })).map((s) => s.productId));
      for (const row of rows) {
        if (!existing.has(row.variantId)) em.persist(StockLevelEntity.of(row.variantId, row.onHand, row.productId));
      }
    });
  }

  /** One audited change in one unit of work: the new levels, their movement, events and audit entry commit together. */
  private async change(
    ctx: RequestContext,
    productId: string,
    target: ChangeTarget,
    action: 'stock.set' | 'stock.adjusted' | 'stock.threshold_set',
    options: ChangeOptions,
    next: (current: StockLevels) => StockLevels,
  ): Promise<StockLevelEntity> {
    const { reason, idempotency } = options;
    const actorId = actorOf(ctx.caller);
    if (idempotency) {
      const earlier = await this.deps.db.read((em) => earlierOutcome(em, actorId, idempotency.key, productId, idempotency.delta, target?.warehouseId ?? null));
      if (earlier) return earlier;
    }
    const owner = await this.ensureRow(productId);
    if (target) await this.warehouses.ledger.ensureRow(target.warehouseId, productId);
    const kind = { 'stock.set': StockMovementKind.SET, 'stock.adjusted': StockMovementKind.ADJUST, 'stock.threshold_set': null }[action];
    let applied: AppliedChange;
    try {
      applied = await this.deps.db.write(async (em) => {
        const change = await this.applyOnce(em, ctx, productId, target, action, kind, reason, next);
        if (idempotency) {
          em.persist(
            Object.assign(new StockAdjustmentKeyEntity(), {
              actorId,
              key: idempotency.key,
              productId,
              warehouseId: target?.warehouseId ?? null,
              delta: idempotency.delta,
              ...change.after,
              version: change.version,
              createdAt: this.deps.clock.now(),
            }),
          );
        }
        return change;
      });
    } catch (error) {
      // The same key applied by a concurrent retry, which committed first: answer its outcome.
      if (!(error instanceof UniqueConstraintViolationException) || !idempotency) throw error;
      const earlier = await this.deps.db.read((em) => earlierOutcome(em, actorId, idempotency.key, productId, idempotency.delta, target?.warehouseId ?? null));
      if (!earlier) throw error;
      return earlier;
    }
    await this.ledger.announce([applied]);
    return Object.assign(StockLevelEntity.of(productId, 0, owner), applied.after, { version: applied.version });
  }

  private async applyOnce(
    em: EntityManager,
    ctx: RequestContext,
    productId: string,
    target: ChangeTarget,
    action: 'stock.set' | 'stock.adjusted' | 'stock.threshold_set',
    kind: StockMovementKind | null,
    reason: string | null,
    next: (current: StockLevels) => StockLevels,
  ): Promise<AppliedChange> {
    const note = kind ? { kind, actorId: actorOf(ctx.caller), reason } : null;
    if (!target) {
      const change = await this.ledger.apply(em, productId, next, note);
      this.ledger.audit(em, ctx.caller, { action, entityType: 'StockLevel', entityId: productId, reason, before: levelsState(change.before), after: levelsState(change.after) });
      return change;
    }
    const inWarehouse = await this.warehouses.ledger.apply(em, productId, target.warehouseId, next, note);
    const change = inWarehouse.total;
    if (!change) throw new Error(`A ${action} in a warehouse moved no total`);
    // One entry per change: the product's totals, and the warehouse's own levels beside them.
    const { warehouseId } = target;
    this.ledger.audit(em, ctx.caller, {
      action,
      entityType: 'StockLevel',
      entityId: productId,
      reason,
      before: { ...levelsState(change.before), warehouse: { warehouseId, ...levelsState(inWarehouse.before) } },
      after: { ...levelsState(change.after), warehouse: { warehouseId, ...levelsState(inWarehouse.after) } },
    });
    return change;
  }

  /**
   * A variant is stocked for the first time only if catalog knows it (a
   * product's id names its default variant), so a typo cannot create stock
   * for nothing; the row records the variant's product, whose sum it joins.
   * Answers that product.
   */
  private async ensureRow(productId: string): Promise<string> {
    const row = await this.deps.db.read((em) => em.findOne(StockLevelEntity, { productId }));
    if (row) return ownerOf(row);
    const owner = productId.trim() ? await this.catalog.productOfVariant(productId) : null;
    if (!owner) throw notFound('Product', productId);
    try {
      await this.deps.db.write(async (em) => {
        em.persist(StockLevelEntity.of(productId, 0, owner));
      });
    } catch (error) {
      // Created by a concurrent first change: the row is there, which is all this needs.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
    return owner;
  }
}

/** The levels an earlier adjustment with this key left, or null when the key is new; CONFLICT when it was for something else. */
async function earlierOutcome(em: EntityManager, actorId: string, key: string, productId: string, delta: number, warehouseId: string | null): Promise<StockLevelEntity | null> {
  const earlier = await em.findOne(StockAdjustmentKeyEntity, { actorId, key });
  if (!earlier) return null;
  // A key recorded before warehouses was for the default warehouse, as is an adjustment naming none.
  const sameWarehouse = (earlier.warehouseId ?? DEFAULT_WAREHOUSE.id) === (warehouseId ?? DEFAULT_WAREHOUSE.id);
  if (earlier.productId !== productId || earlier.delta !== delta || !sameWarehouse) {
    throw conflict(`idempotencyKey "${key}" was used for another adjustment (product ${earlier.productId}, delta ${earlier.delta}, warehouse ${earlier.warehouseId ?? DEFAULT_WAREHOUSE.id}); use a new key`, {
      field: 'idempotencyKey',
    });
  }
  const { onHand, reserved, lowStockThreshold, version } = earlier;
  // The row exists (the earlier adjustment made it) and names the variant's product.
  const stocked = await em.findOne(StockLevelEntity, { productId });
  return Object.assign(StockLevelEntity.of(productId, 0, stocked ? ownerOf(stocked) : productId), { onHand, reserved, lowStockThreshold, version });
}

const notFoundSku = (sku: string): GraphQLError => appError('NOT_FOUND', `No product has SKU "${sku.trim()}"`, { field: 'sku' });

/** A refusal with a stable code (bad input, conflict, not found): reported per item rather than failing a feed. */
function isRefusal(error: unknown): error is GraphQLError {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === 'string' && ['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'].includes(code);
}
