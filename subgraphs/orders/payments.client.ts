import type { InternalClient } from '../../platform/internal-client';
import {
  CANCEL_PAYMENT,
  REFUND_PAYMENT,
  type CancelPaymentData,
  type InternalPayment,
  type RefundPaymentData,
} from '../../contracts/payments-api';
import { callPeer, isRefusal } from './peer.calls';

/**
 * Payments' internal operations (contracts/payments-api.ts), as orders calls
 * them. Each is tried again while another call for the same order is running
 * there. Orders never creates the payment: payments makes it when the customer
 * first pays (from orderPaymentTerms), so an order may have none.
 */
export class PaymentsClient {
  constructor(private readonly internal: InternalClient) {}

  async cancel(orderId: string, reason: string): Promise<InternalPayment> {
    return (await callPeer<CancelPaymentData>(this.internal, 'payments', CANCEL_PAYMENT, { orderId, reason })).cancelPayment;
  }

  /** Refunds what is left of the payment when `amount` is null; a repeated `idempotencyKey` moves no more money. */
  async refund(orderId: string, amount: number | null, reason: string, idempotencyKey: string | null = null): Promise<InternalPayment> {
    return (await callPeer<RefundPaymentData>(this.internal, 'payments', REFUND_PAYMENT, { orderId, amount, reason, idempotencyKey })).refundPayment;
  }

  /**
   * Makes sure no money stays with the shop for an order that will not be
   * fulfilled: cancels the payment, or refunds it in full once it succeeded
   * (cancelPayment's CONFLICT). Idempotent; nothing to do without a payment.
   */
  async cancelOrRefund(orderId: string, reason: string): Promise<void> {
    try {
      await this.cancel(orderId, reason);
    } catch (error) {
      if (isRefusal(error, 'NOT_FOUND')) return;
      if (!isRefusal(error, 'CONFLICT')) throw error;
      await this.refund(orderId, null, reason);
    }
  }
}
