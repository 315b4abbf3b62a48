import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { PurchaseEntity, ViewEntity } from './history.entity';
import { ModelStateEntity, PairEntity, ProductFactsEntity, TrendEntity, type PairKind } from './model.entity';
import { ALL_CATEGORIES, pairsOf, trendKey, VIEW_PAIRS, VIEW_SESSION_MS, VIEW_WEIGHT, viewPairsOf } from './model.rules';

/** A paid order as the model takes it. */
export interface Purchase {
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: ReadonlyArray<{ readonly productId: string; readonly quantity: number }>;
  readonly at: Date;
}

/** A product view as the model takes it. */
export interface View {
  readonly viewerId: string;
  readonly productId: string;
  readonly at: Date;
}

/** Rows read from the history per query while rebuilding (an order has at most 100 lines, far fewer). */
const REBUILD_BATCH = 1_000;
const INSERT_BATCH = 500;

function* batches<K, V>(entries: Map<K, V>, size: number): Generator<Array<[K, V]>> {
  let batch: Array<[K, V]> = [];
  for (const entry of entries) {
    batch.push(entry);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** What a rebuild went through and made. */
export interface RebuildReport {
  readonly purchases: number;
  readonly views: number;
  readonly pairs: number;
  readonly trends: number;
  readonly ms: number;
}

/**
 * The single writer of the model (model.entity.ts). Each purchase and view
 * is recorded in the history and applied to the model in the caller's unit
 * of work (the consumer's, with its inbox marker); `rebuild` throws the model
 * away and makes it again from the whole history, reading it in batches, so
 * its memory grows with the number of products and pairs, not of orders.
 */
export class ModelLedger {
  private readonly halfLifeMs: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    halfLifeHours: number,
  ) {
    this.halfLifeMs = halfLifeHours * 3_600_000;
  }

  async applyPurchase(em: EntityManager, purchase: Purchase, categories: ReadonlyMap<string, readonly string[]>): Promise<void> {
    const quantities = new Map<string, number>();
    for (const line of purchase.lines) quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + line.quantity);
    for (const [productId, quantity] of quantities) {
      em.persist(Object.assign(new PurchaseEntity(), { orderId: purchase.orderId, customerId: purchase.customerId, productId, quantity, at: purchase.at }));
    }
    for (const [productId, categoryIds] of categories) await this.setCategories(em, productId, categoryIds);
    await this.addPairs(em, 'BOUGHT', pairsOf([...quantities.keys()]));
    for (const [productId, quantity] of quantities) await this.addTrend(em, productId, categories.get(productId) ?? [], quantity, purchase.at);
    await this.touch(em, null);
  }

  async applyView(em: EntityManager, view: View): Promise<void> {
    const earlier = await em.find(
      ViewEntity,
      { viewerId: view.viewerId, at: { $gte: new Date(view.at.getTime() - VIEW_SESSION_MS), $lte: view.at } },
      { orderBy: { at: 'desc', id: 'desc' }, limit: VIEW_PAIRS },
    );
    em.persist(Object.assign(new ViewEntity(), view));
    await this.addPairs(em, 'VIEWED', viewPairsOf(view.productId, earlier.map((v) => v.productId)));
    const facts = await em.findOne(ProductFactsEntity, { productId: view.productId });
    await this.addTrend(em, view.productId, facts?.categoryIds ?? [], VIEW_WEIGHT, view.at);
    await this.touch(em, null);
  }

  /** The model made again from the whole history, replacing the current one in one unit of work. */
  async rebuild(): Promise<RebuildReport> {
    const started = Date.now();
    const pairs = new Map<string, number>();
    const trends = new Map<string, number>();
    const categories = new Map((await this.db.read((em) => em.find(ProductFactsEntity, {}))).map((f) => [f.productId, f.categoryIds]));
    const addTrend = (productId: string, weight: number, at: Date) => {
      for (const categoryId of [ALL_CATEGORIES, ...(categories.get(productId) ?? [])]) {
        const key = `${categoryId}|${productId}`;
        trends.set(key, trendKey(trends.get(key) ?? null, weight, at.getTime(), this.halfLifeMs));
      }
    };
    const addPairs = (kind: PairKind, list: ReadonlyArray<[string, string]>) => {
      for (const [a, b] of list) pairs.set(`${kind}|${a}|${b}`, (pairs.get(`${kind}|${a}|${b}`) ?? 0) + 1);
    };

    const purchases = await this.eachOrder((lines) => {
      addPairs('BOUGHT', pairsOf(lines.map((l) => l.productId)));
      for (const line of lines) addTrend(line.productId, line.quantity, line.at);
    });
    const views = await this.eachView((view, earlier) => {
      addPairs('VIEWED', viewPairsOf(view.productId, earlier.map((v) => v.productId)));
      addTrend(view.productId, VIEW_WEIGHT, view.at);
    });

    await this.db.write(async (em) => {
      await em.nativeDelete(PairEntity, {});
      await em.nativeDelete(TrendEntity, {});
      // Rows are made a batch at a time: the counts are all the rebuild holds, never their entities too.
      for (const batch of batches(pairs, INSERT_BATCH)) {
        await em.insertMany(
          batch.map(([key, count]) => {
            const [kind, productId, otherId] = key.split('|') as [PairKind, string, string];
            return Object.assign(new PairEntity(), { kind, productId, otherId, count });
          }),
        );
      }
      for (const batch of batches(trends, INSERT_BATCH)) {
        await em.insertMany(
          batch.map(([key, value]) => {
            const [categoryId, productId] = key.split('|') as [string, string];
            return Object.assign(new TrendEntity(), { categoryId, productId, key: value });
          }),
        );
      }
      await this.touch(em, this.clock.now());
    });
    return { purchases, views, pairs: pairs.size, trends: trends.size, ms: Date.now() - started };
  }

  /** Calls `apply` with the lines of each order in the history, in order id order; the number of orders. */
  private async eachOrder(apply: (lines: PurchaseEntity[]) => void): Promise<number> {
    let after = '';
    let orders = 0;
    for (;;) {
      const rows = await this.db.read((em) => em.find(PurchaseEntity, { orderId: { $gt: after } }, { orderBy: { orderId: 'asc', productId: 'asc' }, limit: REBUILD_BATCH }));
      const full = rows.length === REBUILD_BATCH;
      // The last order of a full batch may go on in the next: it is read again there.
      const last = rows.at(-1)?.orderId;
      const complete = full ? rows.filter((row) => row.orderId !== last) : rows;
      const byOrder = new Map<string, PurchaseEntity[]>();
      for (const row of complete) byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row]);
      for (const lines of byOrder.values()) apply(lines);
      orders += byOrder.size;
      if (!full || complete.length === 0) return orders;
      after = complete[complete.length - 1].orderId;
    }
  }

  /** Calls `apply` with each view and the viewer's views before it that a new view is paired with; the number of views. */
  private async eachView(apply: (view: ViewEntity, earlier: readonly ViewEntity[]) => void): Promise<number> {
    let cursor: ViewEntity | null = null;
    let recent: ViewEntity[] = [];
    let views = 0;
    for (;;) {
      const after: ViewEntity | null = cursor;
      const where: FilterQuery<ViewEntity> = after
        ? { $or: [{ viewerId: { $gt: after.viewerId } }, { viewerId: after.viewerId, at: { $gt: after.at } }, { viewerId: after.viewerId, at: after.at, id: { $gt: after.id } }] }
        : {};
      const rows: ViewEntity[] = await this.db.read((em) => em.find(ViewEntity, where, { orderBy: { viewerId: 'asc', at: 'asc', id: 'asc' }, limit: REBUILD_BATCH }));
      for (const view of rows) {
        // As applyView: the viewer's latest views within the session before this one, newest first.
        recent = recent.filter((v) => v.viewerId === view.viewerId && v.at.getTime() >= view.at.getTime() - VIEW_SESSION_MS);
        apply(view, recent.slice(0, VIEW_PAIRS));
        recent = [view, ...recent].slice(0, VIEW_PAIRS);
        views += 1;
      }
      if (rows.length < REBUILD_BATCH) return views;
      cursor = rows[rows.length - 1];
    }
  }

  private async setCategories(em: EntityManager, productId: string, categoryIds: readonly string[]): Promise<void> {
    const facts = await em.findOne(ProductFactsEntity, { productId });
    if (facts) facts.categoryIds = [...categoryIds];
    else em.persist(Object.assign(new ProductFactsEntity(), { productId, categoryIds: [...categoryIds] }));
  }

  private async addPairs(em: EntityManager, kind: PairKind, list: ReadonlyArray<[string, string]>): Promise<void> {
    if (list.length === 0) return;
    const ids = [...new Set(list.flat())];
    const existing = await em.find(PairEntity, { kind, productId: { $in: ids }, otherId: { $in: ids } });
    const byKey = new Map(existing.map((pair) => [`${pair.productId}|${pair.otherId}`, pair]));
    for (const [productId, otherId] of list) {
      const pair = byKey.get(`${productId}|${otherId}`);
      if (pair) pair.count += 1;
      else {
        const created = Object.assign(new PairEntity(), { kind, productId, otherId, count: 1 });
        byKey.set(`${productId}|${otherId}`, created);
        em.persist(created);
      }
    }
  }

  private async addTrend(em: EntityManager, productId: string, categoryIds: readonly string[], weight: number, at: Date): Promise<void> {
    const all = [ALL_CATEGORIES, ...categoryIds];
    const existing = new Map((await em.find(TrendEntity, { productId, categoryId: { $in: all } })).map((t) => [t.categoryId, t]));
    for (const categoryId of all) {
      const trend = existing.get(categoryId);
      const key = trendKey(trend?.key ?? null, weight, at.getTime(), this.halfLifeMs);
      if (trend) trend.key = key;
      else em.persist(Object.assign(new TrendEntity(), { categoryId, productId, key }));
    }
  }

  private async touch(em: EntityManager, rebuiltAt: Date | null): Promise<void> {
    const now = this.clock.now();
    const state = await em.findOne(ModelStateEntity, { id: ModelStateEntity.ID });
    if (!state) em.persist(Object.assign(new ModelStateEntity(), { updatedAt: now, rebuiltAt }));
    else {
      state.updatedAt = now;
      if (rebuiltAt) state.rebuiltAt = rebuiltAt;
    }
  }
}
