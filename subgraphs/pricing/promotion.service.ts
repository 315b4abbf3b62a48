import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AUDIT_RECORDED, auditRecord } from '../../contracts/audit';
import type { RequestContext } from '../../platform/context';
import { checkId } from '../../platform/checks';
import { badInput, conflict, notFound, unauthenticated } from '../../platform/errors';
import type { SubgraphDeps } from '../../platform/subgraph';
import { CartRef } from './cart.stub';
import type { PromotionInput } from './pricing.inputs';
import { priceBasket } from '../../contracts/pricing-rules';
import type { PricingService } from './pricing.service';
import { CartCodeEntity, CodeUsageEntity, PromotionEntity } from './promotion.entity';
import { codeKeyOf, codeRefusal, checkPromotion } from './promotion.rules';
import { rulesChanged } from './price-book.service';

/** The most codes one cart may carry. */
const MAX_CART_CODES = 5;

/**
 * Promotions and discount codes: staff create and switch them (audited);
 * customers apply codes to their cart, each checked against the cart now
 * and again when the order is placed (pricing.service.ts, priceOrder).
 */
export class PromotionService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly pricing: PricingService,
  ) {}

  promotions(ctx: RequestContext): Promise<PromotionEntity[]> {
    return ctx.em.find(PromotionEntity, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  async create(ctx: RequestContext, input: PromotionInput): Promise<PromotionEntity> {
    const checked = checkPromotion(input);
    const now = this.deps.clock.now();
    const promotion = Object.assign(new PromotionEntity(), { ...checked, createdAt: now });
    promotion.codeKey = checked.code ? codeKeyOf(checked.code) : `auto:${promotion.id}`;
    try {
      await this.deps.db.write(async (em) => {
        em.persist(promotion);
        this.deps.outbox.add(em, AUDIT_RECORDED, auditRecord('pricing', ctx.caller, now, { action: 'promotion.created', entityType: 'Promotion', entityId: promotion.id, before: null, after: { ...checked } }));
        await rulesChanged(em, this.deps.outbox);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw conflict(`The code ${promotion.codeKey} exists already (codes match case-insensitively)`, { field: 'code' });
      throw error;
    }
    return promotion;
  }

  /** Offers a promotion or a code again, or withdraws it (a withdrawn code is unknown to customers). Audited. */
  async setActive(ctx: RequestContext, promotionId: string, active: boolean): Promise<PromotionEntity> {
    const id = checkId(promotionId, 'id');
    const now = this.deps.clock.now();
    return this.deps.db.write(async (em) => {
      const promotion = await em.findOne(PromotionEntity, { id });
      if (!promotion) throw notFound('Promotion', id);
      const before = { active: promotion.active };
      promotion.active = active;
      this.deps.outbox.add(em, AUDIT_RECORDED, auditRecord('pricing', ctx.caller, now, { action: 'promotion.updated', entityType: 'Promotion', entityId: id, before, after: { active } }));
      await rulesChanged(em, this.deps.outbox);
      return promotion;
    });
  }

  /**
   * Puts a code on the caller's cart after checking it against the cart now:
   * unknown, not yet valid, expired, another currency, below the minimum,
   * not stackable with a code already there, used up: each its own reason.
   * The same code again changes nothing.
   */
  async apply(ctx: RequestContext, typed: string): Promise<CartRef> {
    const customerId = this.customerOf(ctx);
    const key = codeKeyOf(typed);
    if (!key || key.length > 40) throw badInput('code must be 1 to 40 characters', 'code');
    const basis = await this.pricing.cartBasis(customerId);
    const at = this.deps.clock.now();
    await this.deps.db.write(async (em) => {
      const promotion = await em.findOne(PromotionEntity, { codeKey: key });
      const onCart = await this.pricing.cartCodes(em, customerId);
      if (promotion && onCart.some((p) => p.id === promotion.id)) return;
      const subtotal = basis ? priceBasket(await this.pricing.basket(em, basis, [], at)).subtotal : 0;
      const customerUses = promotion ? await em.count(CodeUsageEntity, { promotionId: promotion.id, customerId, status: { $ne: 'RELEASED' } }) : 0;
      const refusal = codeRefusal(promotion, key, { at, currency: basis?.currency ?? null, subtotal, others: onCart, customerUses });
      if (refusal) throw refusal;
      if (onCart.length >= MAX_CART_CODES) throw conflict(`A cart takes at most ${MAX_CART_CODES} codes`, { field: 'code' });
      em.persist(Object.assign(new CartCodeEntity(), { customerId, promotionId: promotion?.id, addedAt: at }));
    });
    return CartRef.of(customerId);
  }

  /** Takes a code off the caller's cart; idempotent (a code not on it, or unknown, changes nothing). */
  async remove(ctx: RequestContext, typed: string): Promise<CartRef> {
    const customerId = this.customerOf(ctx);
    const key = codeKeyOf(typed);
    await this.deps.db.write(async (em) => {
      const promotion = await em.findOne(PromotionEntity, { codeKey: key });
      if (promotion) await em.nativeDelete(CartCodeEntity, { customerId, promotionId: promotion.id });
    });
    return CartRef.of(customerId);
  }

  private customerOf(ctx: RequestContext): string {
    if (!ctx.caller) throw unauthenticated();
    return ctx.caller.userId;
  }
}
