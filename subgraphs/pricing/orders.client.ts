import { CART_PRICING_BASIS, type CartPricingBasisPayload } from '../../contracts/orders-api';
import type { InternalClient } from '../../platform/internal-client';

/** A cart as pricing prices it, from the orders subgraph (contracts/orders-api.ts). */
export class OrdersClient {
  constructor(private readonly internal: InternalClient) {}

  async cartBasis(customerId: string): Promise<CartPricingBasisPayload> {
    const data = await this.internal.request<{ cartPricingBasis: CartPricingBasisPayload }>('orders', CART_PRICING_BASIS, { customerId });
    return data.cartPricingBasis;
  }
}
