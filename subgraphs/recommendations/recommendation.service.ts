import { createHash } from 'node:crypto';
import { RECOMMENDATION_EVENTS } from '../../contracts/recommendations-api';
import { isStaff } from '../../platform/caller';
import { checkId } from '../../platform/checks';
import type { RequestContext } from '../../platform/context';
import { forbidden, unauthenticated } from '../../platform/errors';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { CatalogClient, CatalogProduct } from './catalog.client';
import { PurchaseEntity } from './history.entity';
import type { InventoryClient } from './inventory.client';
import { ModelStateEntity, PairEntity, TrendEntity, type PairKind } from './model.entity';
import { ALL_CATEGORIES, rankCandidates, withFallback } from './model.rules';
import { ProductRef } from './product.stub';
import { checkFirst, ViewQuota } from './recommendation.rules';

/** Candidates looked at per product wanted: enough to fill a list when some are archived or sold out. */
const OVERFETCH = 3;
const OVERFETCH_EXTRA = 10;

/**
 * Answers from the model only (nothing is computed from orders or views in a
 * request), then keeps what a customer can buy: every answer is filtered
 * through catalog (ACTIVE) and inventory (available > 0), in one batched
 * call to each per request, however many lists the request asks for.
 *
 * Fallbacks (README "Recommendations"): a product nobody bought with
 * another gets the trending products of its categories, then overall; a
 * customer with no purchases gets the trending products.
 */
export class RecommendationService {
  private readonly quota: ViewQuota;

  constructor(
    private readonly deps: SubgraphDeps,
    private readonly catalog: CatalogClient,
    private readonly inventory: InventoryClient,
  ) {
    this.quota = new ViewQuota(deps.config.recommendations.viewsPerMinute);
  }

  async frequentlyBoughtTogether(ctx: RequestContext, productId: string, first: number): Promise<ProductRef[]> {
    const wanted = checkFirst(first);
    const ranked = rankCandidates(await this.pairs(ctx, 'BOUGHT', productId), new Set([productId]));
    if (ranked.length >= wanted) return this.onShelf(ctx, ranked, wanted);
    const categoryIds = (await this.catalogProduct(ctx, productId))?.categories.map((c) => c.id) ?? [];
    const trending = [...(await Promise.all(categoryIds.map((id) => this.trendingIds(ctx, id, wanted)))).flat(), ...(await this.trendingIds(ctx, ALL_CATEGORIES, wanted))];
    return this.onShelf(ctx, withFallback(ranked, trending, new Set([productId])), wanted);
  }

  async customersAlsoViewed(ctx: RequestContext, productId: string, first: number): Promise<ProductRef[]> {
    const wanted = checkFirst(first);
    return this.onShelf(ctx, rankCandidates(await this.pairs(ctx, 'VIEWED', productId), new Set([productId])), wanted);
  }

  async trending(ctx: RequestContext, first: number, categoryId: string | null): Promise<ProductRef[]> {
    const wanted = checkFirst(first);
    const category = categoryId === null ? ALL_CATEGORIES : checkId(categoryId, 'category');
    return this.onShelf(ctx, await this.trendingIds(ctx, category, wanted), wanted);
  }

  /** Item-to-item: what was bought with what the customer bought, leaving out what they own; trending for a new customer. */
  async recommendedFor(ctx: RequestContext, userId: string, first: number): Promise<ProductRef[]> {
    if (!ctx.caller) throw unauthenticated();
    if (ctx.caller.userId !== userId && !isStaff(ctx.caller)) throw forbidden('Recommendations are for their customer only');
    const wanted = checkFirst(first);
    const owned = new Set((await ctx.em.find(PurchaseEntity, { customerId: userId }, { fields: ['productId'] })).map((p) => p.productId));
    const pairs = owned.size === 0 ? [] : await ctx.em.find(PairEntity, { kind: 'BOUGHT', productId: { $in: [...owned] } });
    const ranked = rankCandidates(pairs, owned, owned);
    return this.onShelf(ctx, withFallback(ranked, await this.trendingIds(ctx, ALL_CATEGORIES, wanted + owned.size), owned), wanted);
  }

  /** When the model last changed; null before the first event. */
  async updatedAt(ctx: RequestContext): Promise<Date | null> {
    return (await ctx.em.findOne(ModelStateEntity, { id: ModelStateEntity.ID }))?.updatedAt ?? null;
  }

  /**
   * A product page view, anonymous or not, limited per viewer; written as a
   * `product.viewed` event for the model to take in, never applied here.
   */
  async recordView(ctx: RequestContext, productId: string): Promise<boolean> {
    checkId(productId, 'productId');
    const viewerId = viewerIdOf(ctx);
    this.quota.take(viewerId, this.deps.clock.now().getTime());
    await this.deps.db.write(async (em) => {
      this.deps.outbox.add(em, RECOMMENDATION_EVENTS.productViewed, { productId, viewerId });
    });
    void this.deps.outbox.kick();
    return true;
  }

  /** The pairs of one kind of a product, best first; batched across a page of products. */
  private pairs(ctx: RequestContext, kind: PairKind, productId: string): Promise<PairEntity[]> {
    return ctx.loaders
      .get<string, PairEntity[]>(`pairs:${kind}`, async (ids) => {
        const rows = await ctx.em.find(PairEntity, { kind, productId: { $in: [...ids] } }, { orderBy: { count: 'desc', otherId: 'asc' } });
        return ids.map((id) => rows.filter((row) => row.productId === id));
      })
      .load(productId);
  }

  /** A product as catalog has it now; one call for every product a request asks about. */
  private catalogProduct(ctx: RequestContext, productId: string): Promise<CatalogProduct | undefined> {
    return ctx.loaders
      .get<string, CatalogProduct | undefined>('catalogProducts', async (ids) => {
        const products = await this.catalog.products(ids);
        return ids.map((id) => products.get(id));
      })
      .load(productId);
  }

  /** The top of a trending list, enough candidates for `wanted` products; one query per list and request. */
  private trendingIds(ctx: RequestContext, categoryId: string, wanted: number): Promise<string[]> {
    const limit = wanted * OVERFETCH + OVERFETCH_EXTRA;
    return ctx.loaders
      .get<string, string[]>(`trending:${limit}`, (categories) =>
        Promise.all(categories.map(async (category) => (await ctx.em.find(TrendEntity, { categoryId: category }, { orderBy: { key: 'desc', productId: 'asc' }, limit })).map((t) => t.productId))),
      )
      .load(categoryId);
  }

  /** The first `wanted` candidates a customer can buy (ACTIVE in catalog, in stock), in order. */
  private async onShelf(ctx: RequestContext, candidates: readonly string[], wanted: number): Promise<ProductRef[]> {
    const looked = candidates.slice(0, wanted * OVERFETCH + OVERFETCH_EXTRA);
    const stock = ctx.loaders.get<string, number>('available', async (ids) => {
      const available = await this.inventory.available(ids);
      return ids.map((id) => available.get(id) ?? 0);
    });
    const [products, available] = await Promise.all([Promise.all(looked.map((id) => this.catalogProduct(ctx, id))), stock.loadMany(looked)]);
    return looked.filter((_, i) => products[i]?.status === 'ACTIVE' && (available[i] as number) > 0).slice(0, wanted).map((id) => ProductRef.of(id));
  }
}

/** The viewer a view is counted for: the user, or an anonymous client by a hash of its address and user agent. */
function viewerIdOf(ctx: RequestContext): string {
  if (ctx.caller) return ctx.caller.userId;
  const client = `${ctx.client?.address ?? ''}|${ctx.client?.userAgent ?? ''}`;
  return `anonymous:${createHash('sha256').update(client).digest('base64url').slice(0, 22)}`;
}
