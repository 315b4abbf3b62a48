import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { byKeys, type RequestContext } from '../../platform/context';
import { DEMO_PRODUCTS } from '../../contracts/demo';
import { notFound } from '../../platform/errors';
import { paginate, type Page, type PageArgs } from '../../platform/pagination';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { CatalogClient } from './catalog.client';
import { StockMovementEntity, StockMovementKind } from './stock-movement.entity';
import { StockLevelEntity, type StockLevels } from './stock.entity';
import { actorOf, levelsState, type AppliedChange, type StockLedger } from './stock.ledger';
import { checkDelta, checkUnits, withDelta, withOnHand } from './stock.rules';
import { requiredReason } from '../../platform/checks';

/** Stock levels as agents manage them: counted figures, adjustments, low-stock thresholds. */
export class StockService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly ledger: StockLedger,
    private readonly catalog: CatalogClient,
  ) {}

  /** Batched: the stock of a whole page of products costs one query. */
  forProduct(ctx: RequestContext, productId: string): Promise<StockLevelEntity> {
    return ctx.loaders
      .get<string, StockLevelEntity>('stockByProductId', async (ids) => {
        const rows = await ctx.em.find(StockLevelEntity, { productId: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.productId).map((row, i) => row ?? StockLevelEntity.empty(ids[i]));
      })
      .load(productId);
  }

  /** Newest first. */
  movements(ctx: RequestContext, productId: string, page: PageArgs): Promise<Page<StockMovementEntity>> {
    return paginate(ctx.em, StockMovementEntity, { productId }, page, { field: 'version', direction: 'desc' });
  }

  /** Sets onHand to a counted figure; it cannot go below what is reserved. */
  setStock(ctx: RequestContext, productId: string, onHand: number): Promise<StockLevelEntity> {
    checkUnits(onHand, 'onHand');
    return this.change(ctx, productId, 'stock.set', null, (current) => withOnHand(current, onHand));
  }

  /** Adds `delta` (negative: removes) to onHand, e.g. a delivery or damaged goods, with the reason recorded. */
  adjustStock(ctx: RequestContext, productId: string, delta: number, reason: string): Promise<StockLevelEntity> {
    checkDelta(delta);
    const why = requiredReason(reason);
    return this.change(ctx, productId, 'stock.adjusted', why, (current) => withDelta(current, delta));
  }

  /** lowStock (and the stock.low event) trigger when available falls to this figure or below. */
  setLowStockThreshold(ctx: RequestContext, productId: string, threshold: number): Promise<StockLevelEntity> {
    checkUnits(threshold, 'threshold');
    return this.change(ctx, productId, 'stock.threshold_set', null, (current) => ({ ...current, lowStockThreshold: threshold }));
  }

  /** Demo stock: only for products inventory has no row for yet. */
  async seedDemo(): Promise<void> {
    await this.deps.db.write(async (em) => {
      const existing = new Set((await em.find(StockLevelEntity, { productId: { $in: DEMO_PRODUCTS.map((p) => p.id) } })).map((s) => s.productId));
      for (const demo of DEMO_PRODUCTS) {
        if (!existing.has(demo.id)) em.persist(Object.assign(new StockLevelEntity(), { productId: demo.id, onHand: demo.onHand }));
      }
    });
  }

  /** One audited change in one unit of work: the new levels, their movement, events and audit entry commit together. */
  private async change(
    ctx: RequestContext,
    productId: string,
    action: 'stock.set' | 'stock.adjusted' | 'stock.threshold_set',
    reason: string | null,
    next: (current: StockLevels) => StockLevels,
  ): Promise<StockLevelEntity> {
    await this.ensureRow(productId);
    const kind = { 'stock.set': StockMovementKind.SET, 'stock.adjusted': StockMovementKind.ADJUST, 'stock.threshold_set': null }[action];
    const applied: AppliedChange = await this.deps.db.write(async (em) => {
      const change = await this.ledger.apply(em, productId, next, kind ? { kind, actorId: actorOf(ctx.caller), reason } : null);
      this.ledger.audit(em, ctx.caller, {
        action,
        entityType: 'StockLevel',
        entityId: productId,
        reason,
        before: levelsState(change.before),
        after: levelsState(change.after),
      });
      return change;
    });
    await this.ledger.announce([applied]);
    return Object.assign(StockLevelEntity.empty(productId), applied.after, { version: applied.version });
  }

  /**
   * A product is stocked for the first time only if catalog knows it, so a
   * typo cannot create stock for a product that does not exist.
   */
  private async ensureRow(productId: string): Promise<void> {
    if ((await this.deps.db.read((em) => em.count(StockLevelEntity, { productId }))) > 0) return;
    if (!productId.trim() || !(await this.catalog.productExists(productId))) throw notFound('Product', productId);
    try {
      await this.deps.db.write(async (em) => {
        em.persist(StockLevelEntity.empty(productId));
      });
    } catch (error) {
      // Created by a concurrent first change: the row is there, which is all this needs.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
  }
}
