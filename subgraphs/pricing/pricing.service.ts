import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { CartPricingBasisPayload } from '../../contracts/orders-api';
import type { PricedOrderPayload, PriceOrderVariables } from '../../contracts/pricing-api';
import { isStaff } from '../../platform/caller';
import type { RequestContext } from '../../platform/context';
import { checkId } from '../../platform/checks';
import { badInput } from '../../platform/errors';
import { Money } from '../../platform/graphql-types';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { CatalogClient, CatalogProduct } from './catalog.client';
import { OrderPricingEntity } from './order-pricing.entity';
import type { OrdersClient } from './orders.client';
import { PriceRuleEntity, PriceRuleKind } from './price-rule.entity';
import type { PriceOrderInput } from './pricing.inputs';
import { basketOf, inWindow, priceBasket, priceChanged, unitPriceOf, type Basket, type PricingRules, type TaxCategory } from '../../contracts/pricing-rules';
import { CartCodeEntity, CodeUsageEntity, PromotionEntity } from './promotion.entity';
import { promotionLedger, retryRaces } from './promotion.ledger';
import { codeRefusal } from './promotion.rules';
import { CustomerGroupEntity, PricingSettingsEntity, TaxClassEntity, TaxZoneEntity } from './tax.entity';
import { ProductPromotionView, TotalsView } from './totals.view';

/** A cart or an order being placed, before pricing: lines at the catalog's prices, where it ships, its shipping price. */
export type Priceable = Pick<PriceOrderVariables, 'customerId' | 'currency' | 'lines' | 'shipping' | 'country' | 'region'>;

/**
 * Prices carts and orders with the one pricing function (pricing.rules.ts):
 * gathers what it needs (the rules, the promotions and codes in their
 * windows, the tax zone and classes, the customer's group, the products'
 * categories) and stores an order's breakdown as placed.
 */
export class PricingService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly orders: OrdersClient,
    private readonly catalog: CatalogClient,
  ) {}

  /** The basket the function prices: everything read in one place, so a cart and its order are priced from the same inputs. */
  async basket(em: EntityManager, input: Priceable, codes: readonly PromotionEntity[], at: Date): Promise<Basket> {
    const ids = input.lines.map((l) => l.productId);
    const [products, rules, automatic, zones, settings, group] = await Promise.all([
      this.catalog.products(ids),
      em.find(PriceRuleEntity, { currency: input.currency }),
      em.find(PromotionEntity, { code: null, active: true, currency: input.currency }),
      em.find(TaxZoneEntity, {}, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      this.settings(em),
      em.findOne(CustomerGroupEntity, { userId: input.customerId }),
    ]);
    const categoriesOf = (id: string) => products.get(id)?.categories.map((c) => c.id) ?? [];
    const classes = await em.find(TaxClassEntity, { targetId: { $in: [...new Set([...ids, ...ids.flatMap(categoriesOf)])] } });
    const read: PricingRules = {
      rules,
      automatic: automatic.map((p) => p.toPromotion()),
      zones,
      taxClasses: new Map(classes.map((c) => [c.targetId, c.category as TaxCategory])),
      pricesIncludeTax: settings.pricesIncludeTax,
      defaultCountry: settings.defaultCountry,
    };
    // Categories and tax classes are the product's; rules may name the variant or its product.
    const lines = input.lines.map((l) => ({ ...l, categoryIds: categoriesOf(l.productId) }));
    return basketOf(read, { ...input, customerGroup: group?.group ?? null, lines }, codes.map((p) => p.toPromotion()), at);
  }

  async settings(em: EntityManager): Promise<PricingSettingsEntity> {
    return (await em.findOne(PricingSettingsEntity, { id: 'shop' })) ?? new PricingSettingsEntity();
  }

  /** The promotions of the codes on a customer's cart, oldest first. */
  async cartCodes(em: EntityManager, customerId: string): Promise<PromotionEntity[]> {
    const rows = await em.find(CartCodeEntity, { customerId }, { orderBy: { addedAt: 'asc', id: 'asc' } });
    const promotions = await em.find(PromotionEntity, { id: { $in: rows.map((r) => r.promotionId) } });
    return rows.flatMap((r) => promotions.filter((p) => p.id === r.promotionId));
  }

  /** The cart's basis from orders, or null for an empty cart (or one mixing currencies, which cannot be priced). */
  async cartBasis(customerId: string): Promise<(CartPricingBasisPayload & { currency: string }) | null> {
    const basis = await this.orders.cartBasis(customerId);
    return basis.currency && basis.lines.length > 0 ? { ...basis, currency: basis.currency } : null;
  }

  /** Cart.totals: the caller's own cart (staff any), priced now with its codes; null while it is empty. */
  async cartTotals(ctx: RequestContext, cartId: string): Promise<TotalsView | null> {
    if (!ctx.caller || (ctx.caller.userId !== cartId && !isStaff(ctx.caller))) return null;
    const basis = await this.cartBasis(cartId);
    if (!basis) return null;
    const at = this.deps.clock.now();
    const codes = (await this.cartCodes(ctx.em, cartId)).filter((p) => p.currency === basis.currency);
    return TotalsView.of(priceBasket(await this.basket(ctx.em, basis, codes, at)));
  }

  /** The codes on the cart, upper case, oldest first. */
  async discountCodes(ctx: RequestContext, cartId: string): Promise<string[]> {
    if (!ctx.caller || (ctx.caller.userId !== cartId && !isStaff(ctx.caller))) return [];
    return (await this.cartCodes(ctx.em, cartId)).map((p) => p.code?.toUpperCase() ?? p.id);
  }

  /** Order.totals: the breakdown stored when it was placed, for its customer and staff; null for an order placed before pricing existed. */
  async orderTotals(ctx: RequestContext, orderId: string): Promise<TotalsView | null> {
    const row = await ctx.loaders
      .get<string, OrderPricingEntity | undefined>('orderPricing', async (ids) => {
        const rows = await ctx.em.find(OrderPricingEntity, { orderId: { $in: [...ids] } });
        return ids.map((id) => rows.find((r) => r.orderId === id));
      })
      .load(orderId);
    if (!row || !ctx.caller || (row.customerId !== ctx.caller.userId && !isStaff(ctx.caller) && !ctx.caller.roles.includes('SERVICE'))) return null;
    return TotalsView.of(row.totals);
  }

  /**
   * priceOrder (contracts/pricing-api.ts): prices the order, refuses a code
   * that no longer applies or a total the client did not see, then reserves
   * the codes' uses and stores the breakdown, in one unit of work.
   */
  async priceOrder(input: PriceOrderInput): Promise<PricedOrderPayload> {
    const orderId = checkId(input.orderId, 'orderId');
    const customerId = checkId(input.customerId, 'customerId');
    if (input.lines.length === 0) throw badInput('an order has lines', 'lines');
    const earlier = await this.deps.db.read((em) => em.findOne(OrderPricingEntity, { orderId }));
    if (earlier) return { total: earlier.totals.total, currency: earlier.totals.currency };
    const at = this.deps.clock.now();
    // A line without its variant is the product's default variant, whose id is the product's.
    const lines = input.lines.map((l) => ({ productId: l.productId, variantId: l.variantId ?? l.productId, quantity: l.quantity, unitPrice: l.unitPrice }));
    const priceable: Priceable = { customerId, currency: input.currency, lines, shipping: input.shipping ?? null, country: input.country ?? null, region: input.region ?? null };
    const { totals, codes } = await this.deps.db.read(async (em) => {
      const codes = input.withCartCodes ? await this.cartCodes(em, customerId) : [];
      const withoutCodes = priceBasket(await this.basket(em, priceable, [], at));
      for (const promotion of codes) {
        const customerUses = await em.count(CodeUsageEntity, { promotionId: promotion.id, customerId, status: { $ne: 'RELEASED' } });
        const refusal = codeRefusal(promotion, promotion.code ?? promotion.id, { at, currency: input.currency, subtotal: withoutCodes.subtotal, others: [], customerUses });
        if (refusal) throw refusal;
      }
      return { totals: priceBasket(await this.basket(em, priceable, codes, at)), codes };
    });
    if (input.expectedTotal !== null && input.expectedTotal !== undefined && input.expectedTotal !== totals.total) throw priceChanged(totals);
    try {
      await retryRaces(() =>
        this.deps.db.write(async (em) => {
          await promotionLedger.reserve(em, orderId, customerId, codes.map((c) => c.id), at);
          em.persist(Object.assign(new OrderPricingEntity(), { orderId, customerId, totals, pricedAt: at }));
        }),
      );
    } catch (error) {
      // The same order priced by a concurrent call (a retried placement): that breakdown stands.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const stored = await this.deps.db.read((em) => em.findOneOrFail(OrderPricingEntity, { orderId }));
      return { total: stored.totals.total, currency: stored.totals.currency };
    }
    return { total: totals.total, currency: totals.currency };
  }

  /** Gives back the order's reserved code uses (an abandoned placement); idempotent. */
  async releaseOrder(orderId: string): Promise<boolean> {
    const id = checkId(orderId, 'orderId');
    const now = this.deps.clock.now();
    await retryRaces(() => this.deps.db.write((em) => promotionLedger.release(em, id, now)));
    return true;
  }

  /** Product.salePrice: the lowest scheduled sale now for the product, beside its regular price; null when there is none. */
  async salePrice(ctx: RequestContext, productId: string): Promise<Money | null> {
    const product = await this.product(ctx, productId);
    if (!product) return null;
    const at = this.deps.clock.now();
    const sales = await ctx.loaders
      .get<string, PriceRuleEntity[]>('saleRules', async (ids) => {
        const rows = await ctx.em.find(PriceRuleEntity, { kind: PriceRuleKind.SALE });
        return ids.map(() => rows);
      })
      .load('SALE');
    const line = { variantId: productId, productId, categoryIds: product.categories.map((c) => c.id), quantity: 1, regularUnitPrice: product.price.amount, taxCategory: 'STANDARD' as const };
    const { unitPrice, ruleId } = unitPriceOf(line, sales, { currency: product.price.currency, at, customerGroup: null });
    return ruleId ? Money.of(unitPrice, product.price.currency) : null;
  }

  /** Product.promotions: the automatic promotions in their window that target the product, its categories, or every product. */
  async productPromotions(ctx: RequestContext, productId: string): Promise<ProductPromotionView[]> {
    const product = await this.product(ctx, productId);
    if (!product) return [];
    const at = this.deps.clock.now();
    const automatic = await ctx.loaders
      .get<string, PromotionEntity[]>('automaticPromotions', async (ids) => {
        const rows = await ctx.em.find(PromotionEntity, { code: null, active: true }, { orderBy: { priority: 'desc', createdAt: 'asc' } });
        return ids.map(() => rows);
      })
      .load('all');
    const categories = product.categories.map((c) => c.id);
    return automatic
      .filter((p) => inWindow(p, at) && p.currency === product.price.currency && (!p.variantId || p.variantId === productId) && (!p.categoryId || categories.includes(p.categoryId)))
      .map((p) => Object.assign(new ProductPromotionView(), { id: p.id, name: p.name, kind: p.kind, value: p.value, endsAt: p.endsAt }));
  }

  /** The product's price and categories from catalog: one call per request, however many products it asks about. */
  private product(ctx: RequestContext, productId: string): Promise<CatalogProduct | undefined> {
    return ctx.loaders
      .get<string, CatalogProduct | undefined>('catalogProducts', async (ids) => {
        const found = await this.catalog.products(ids);
        return ids.map((id) => found.get(id));
      })
      .load(productId);
  }
}
