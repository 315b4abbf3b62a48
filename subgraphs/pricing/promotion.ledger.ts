import type { EntityManager } from '@mikro-orm/core';
import { backoff } from '../../platform/db';
import { conflict } from '../../platform/errors';
import { CodeUsageEntity, PromotionEntity } from './promotion.entity';

/** A compare-and-set lost to a concurrent use of the same code: the unit of work is rolled back and run again. */
export class UsageRace extends Error {}

/**
 * The single writer of a code's `used` count: every change is a
 * compare-and-set on the promotion's version inside the caller's unit of
 * work, so concurrent placements never take more uses than the limit (200
 * placements for 10 uses left: exactly 10 reserve one). The usage rows say
 * which order holds which use; releasing and committing move them once.
 */
export const promotionLedger = {
  /** Takes one use of each code for the order, or throws DISCOUNT_EXHAUSTED (nothing taken) or UsageRace. */
  async reserve(em: EntityManager, orderId: string, customerId: string, promotionIds: readonly string[], now: Date): Promise<void> {
    for (const promotionId of promotionIds) {
      const promotion = await em.findOneOrFail(PromotionEntity, { id: promotionId });
      const code = promotion.code?.toUpperCase() ?? promotionId;
      if (promotion.usageLimit !== null && promotion.used >= promotion.usageLimit) throw conflict(`The code ${code} has been used up`, { reason: 'DISCOUNT_EXHAUSTED', code, field: 'code' });
      if (promotion.perCustomerLimit !== null) {
        const mine = await em.count(CodeUsageEntity, { promotionId, customerId, status: { $ne: 'RELEASED' } });
        if (mine >= promotion.perCustomerLimit) throw conflict(`You have used the code ${code} as often as it allows`, { reason: 'DISCOUNT_EXHAUSTED', code, field: 'code' });
      }
      const moved = await em.nativeUpdate(PromotionEntity, { id: promotionId, version: promotion.version }, { used: promotion.used + 1, version: promotion.version + 1 });
      if (moved !== 1) throw new UsageRace();
      em.persist(Object.assign(new CodeUsageEntity(), { promotionId, orderId, customerId, status: 'RESERVED', updatedAt: now }));
    }
  },

  /** Gives back the order's reserved uses; idempotent (a released or committed use stays as it is). */
  async release(em: EntityManager, orderId: string, now: Date): Promise<number> {
    const usages = await em.find(CodeUsageEntity, { orderId, status: 'RESERVED' });
    for (const usage of usages) {
      const promotion = await em.findOneOrFail(PromotionEntity, { id: usage.promotionId });
      const moved = await em.nativeUpdate(PromotionEntity, { id: promotion.id, version: promotion.version }, { used: Math.max(0, promotion.used - 1), version: promotion.version + 1 });
      if (moved !== 1) throw new UsageRace();
      const claimed = await em.nativeUpdate(CodeUsageEntity, { id: usage.id, status: 'RESERVED' }, { status: 'RELEASED', updatedAt: now });
      if (claimed !== 1) throw new UsageRace();
    }
    return usages.length;
  },

  /** The order was paid: its uses are spent for good. */
  async commit(em: EntityManager, orderId: string, now: Date): Promise<void> {
    await em.nativeUpdate(CodeUsageEntity, { orderId, status: 'RESERVED' }, { status: 'COMMITTED', updatedAt: now });
  },
};

const RACE_ATTEMPTS = 200;

/** Runs a unit of work again while it loses a compare-and-set to a concurrent one. */
export async function retryRaces<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof UsageRace) || attempt >= RACE_ATTEMPTS) {
        if (error instanceof UsageRace) throw conflict('The discount code is in heavy use; try again', { retryable: true });
        throw error;
      }
      await backoff(attempt);
    }
  }
}
