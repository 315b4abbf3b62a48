import { ADJUST_STOCK, type AdjustStockData } from '../../contracts/inventory-api';
import { REFUND_PAYMENT, type InternalPayment, type RefundPaymentData } from '../../contracts/payments-api';
import type { InternalClient } from '../../platform/internal-client';

/** What returns ask of inventory and payments, through their internal operations (as a SERVICE caller). */
export class ReturnPeersClient {
  constructor(private readonly internal: InternalClient) {}

  /** Units of a variant back on hand through inventory's audited adjustment (its stock rows are per variant); the same key again counts once. */
  async restock(variantId: string, units: number, reason: string, idempotencyKey: string): Promise<void> {
    await this.internal.request<AdjustStockData>('inventory', ADJUST_STOCK, {
      productId: variantId,
      delta: units,
      reason,
      idempotencyKey,
    });
  }

  /** A refund of `amount` minor units; the same key again moves no more money. */
  async refund(orderId: string, amount: number, reason: string, idempotencyKey: string): Promise<InternalPayment> {
    return (await this.internal.request<RefundPaymentData>('payments', REFUND_PAYMENT, { orderId, amount, reason, idempotencyKey })).refundPayment;
  }
}
