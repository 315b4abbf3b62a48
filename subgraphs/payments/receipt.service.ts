import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { isStaff } from '../../platform/caller';
import { byKeys, type RequestContext } from '../../platform/context';
import { unauthenticated } from '../../platform/errors';
import { backoff } from '../../platform/db';
import type { PaymentEntity } from './payment.entity';
import { ReceiptEntity, ReceiptSequenceEntity } from './receipt.entity';

const SEQUENCE = 'receipts';
const CAS_ATTEMPTS = 100;

/** Receipts: issued inside the unit of work that marks a payment SUCCEEDED; read by the order's owner and staff. */
export class ReceiptService {
  /** Adds the payment's receipt to `em`'s unit of work (the caller's flush writes it with the payment's change). */
  async issue(em: EntityManager, payment: PaymentEntity, issuedAt: Date): Promise<ReceiptEntity> {
    const sequence = await this.nextNumber(em);
    const receipt = Object.assign(new ReceiptEntity(), {
      number: `R-${issuedAt.getUTCFullYear()}-${String(sequence).padStart(6, '0')}`,
      paymentId: payment.id,
      orderId: payment.orderId,
      customerId: payment.customerId,
      items: payment.lines,
      totalMinor: payment.amountMinor,
      currency: payment.currency,
      provider: payment.provider,
      issuedAt,
    });
    em.persist(receipt);
    return receipt;
  }

  /** The order's receipt for its owner or staff; null for anyone else, as for an order without one. */
  async forOrder(ctx: RequestContext, orderId: string): Promise<ReceiptEntity | null> {
    if (!ctx.caller) throw unauthenticated();
    const receipt = await ctx.em.findOne(ReceiptEntity, { orderId });
    return receipt && this.visible(ctx, receipt) ? receipt : null;
  }

  /** Batched: the receipts of a page of payments cost one query. */
  async forPayment(ctx: RequestContext, payment: PaymentEntity): Promise<ReceiptEntity | null> {
    const receipt = await ctx.loaders
      .get<string, ReceiptEntity | null>('receiptByPaymentId', async (ids) => {
        const rows = await ctx.em.find(ReceiptEntity, { paymentId: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.paymentId).map((row) => row ?? null);
      })
      .load(payment.id);
    return receipt && this.visible(ctx, receipt) ? receipt : null;
  }

  private visible(ctx: RequestContext, receipt: ReceiptEntity): boolean {
    return ctx.caller?.userId === receipt.customerId || isStaff(ctx.caller);
  }

  /**
   * The next number of the one sequence, by compare-and-set on its row: in
   * the issuing transaction on SQL (so a rolled-back payment change gives its
   * number back), an atomic single-document write on MongoDB.
   */
  private async nextNumber(em: EntityManager): Promise<number> {
    for (let attempt = 1; attempt <= CAS_ATTEMPTS; attempt += 1) {
      const row = await em.findOne(ReceiptSequenceEntity, { id: SEQUENCE }, { disableIdentityMap: true });
      if (!row) {
        try {
          await em.insert(ReceiptSequenceEntity, { id: SEQUENCE, last: 1 });
          return 1;
        } catch (error) {
          // Another process issued the very first receipt at the same time: take the next number.
          if (!(error instanceof UniqueConstraintViolationException)) throw error;
          continue;
        }
      }
      if ((await em.nativeUpdate(ReceiptSequenceEntity, { id: SEQUENCE, last: row.last }, { last: row.last + 1 })) === 1) return row.last + 1;
      await backoff(attempt);
    }
    throw new Error('The receipt sequence is contended; try again');
  }
}
