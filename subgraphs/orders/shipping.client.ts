import { SHIPPING_QUOTE, type ParcelVariables, type ShippingQuotePayload } from '../../contracts/shipping-api';
import type { InternalClient } from '../../platform/internal-client';

/** The shipping options of a parcel, from the shipping subgraph (contracts/shipping-api.ts). */
export class ShippingClient {
  constructor(private readonly internal: InternalClient) {}

  async quote(parcel: ParcelVariables): Promise<ShippingQuotePayload[]> {
    const data = await this.internal.request<{ shippingQuote: ShippingQuotePayload[] }>('shipping', SHIPPING_QUOTE, { parcel });
    return data.shippingQuote;
  }
}
