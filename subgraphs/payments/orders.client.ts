import { MAX_PAYMENT_TERMS_PER_CALL, ORDER_PAYMENT_TERMS, type OrderPaymentTermsData, type OrderPaymentTermsPayload } from '../../contracts/orders-api';
import type { InternalClient } from '../../platform/internal-client';

/** What an order's payment is made from, read from the orders subgraph (contracts/orders-api.ts). */
export class OrdersClient {
  constructor(private readonly internal: InternalClient) {}

  /** In the order of `orderIds`, null for an unknown order; a call per MAX_PAYMENT_TERMS_PER_CALL ids. */
  async paymentTerms(orderIds: readonly string[]): Promise<Array<OrderPaymentTermsPayload | null>> {
    const chunks: string[][] = [];
    for (let i = 0; i < orderIds.length; i += MAX_PAYMENT_TERMS_PER_CALL) chunks.push(orderIds.slice(i, i + MAX_PAYMENT_TERMS_PER_CALL));
    const answers = await Promise.all(chunks.map((ids) => this.internal.request<OrderPaymentTermsData>('orders', ORDER_PAYMENT_TERMS, { orderIds: ids })));
    return answers.flatMap((data) => data.orderPaymentTerms);
  }
}
