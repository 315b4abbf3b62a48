import { PRICE_BOOK, PRICE_ORDER, readPriceBook, RELEASE_ORDER_PRICING, type PriceBook, type PriceBookData, type PricedOrderPayload, type PriceOrderVariables } from '../../contracts/pricing-api';
import type { InternalClient } from '../../platform/internal-client';
import { callPeer } from './peer.calls';

/** An order's price from the pricing subgraph, its code uses given back, and the rules orders keeps a copy of (contracts/pricing-api.ts). */
export class PricingClient {
  constructor(private readonly internal: InternalClient) {}

  async priceOrder(input: PriceOrderVariables): Promise<PricedOrderPayload> {
    const data = await callPeer<{ priceOrder: PricedOrderPayload }>(this.internal, 'pricing', PRICE_ORDER, { input });
    return data.priceOrder;
  }

  async release(orderId: string): Promise<void> {
    await callPeer(this.internal, 'pricing', RELEASE_ORDER_PRICING, { orderId });
  }

  async priceBook(): Promise<PriceBook> {
    return readPriceBook((await callPeer<PriceBookData>(this.internal, 'pricing', PRICE_BOOK, {})).priceBook);
  }
}
