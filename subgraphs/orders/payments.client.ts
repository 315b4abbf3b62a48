import type { InternalClient } from '../../platform/internal-client';
import {
  CANCEL_PAYMENT,
  CREATE_PAYMENT,
  REFUND_PAYMENT,
  type CancelPaymentData,
  type CreatePaymentData,
  type CreatePaymentVariables,
  type InternalPayment,
  type RefundPaymentData,
} from '../../contracts/payments-api';
import { isRefusal, retryWhileBusy } from './peer.errors';

/** Payments' internal operations (contracts/payments-api.ts), as orders calls them. */
export class PaymentsClient {
  constructor(private readonly internal: InternalClient) {}

  async create(input: CreatePaymentVariables['input']): Promise<InternalPayment> {
    const variables: CreatePaymentVariables = { input };
    const data = await retryWhileBusy(() => this.internal.request<CreatePaymentData>('payments', CREATE_PAYMENT, variables));
    return data.createPayment;
  }

  async cancel(orderId: string, reason: string): Promise<InternalPayment> {
    const data = await retryWhileBusy(() => this.internal.request<CancelPaymentData>('payments', CANCEL_PAYMENT, { orderId, reason }));
    return data.cancelPayment;
  }

  /** Refunds what is left of the payment when `amount` is null; a repeated `idempotencyKey` moves no more money. */
  async refund(orderId: string, amount: number | null, reason: string, idempotencyKey: string | null = null): Promise<InternalPayment> {
    const data = await retryWhileBusy(() => this.internal.request<RefundPaymentData>('payments', REFUND_PAYMENT, { orderId, amount, reason, idempotencyKey }));
    return data.refundPayment;
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
