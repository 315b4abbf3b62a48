import type { InternalClient } from '../../platform/internal-client';
import type { UnitLine } from './shipment.rules';

/** An order as shipping needs it: whose it is, what it holds, where it goes. */
export interface OrderToShip {
  readonly id: string;
  readonly status: string;
  readonly customer: { readonly id: string };
  readonly lines: ReadonlyArray<{
    readonly quantity: number;
    readonly unitPrice: { readonly amount: number; readonly currency: string };
    readonly product: { readonly id: string };
    /** For orders placed before variants, the product's default variant (its id the product's) and no SKU. */
    readonly variant: { readonly id: string };
    readonly sku: string | null;
  }>;
  readonly shipping: {
    readonly address: { recipient: string; line1: string; line2: string | null; city: string; postalCode: string; country: string; region: string | null };
  } | null;
}

const ORDER = `query ShippingOrder($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Order { id status customer { id } lines { quantity unitPrice { amount currency } product { id } variant { id } sku } shipping { address { recipient line1 line2 city postalCode country region } } }
  }
}`;

/** The order's lines as units of variants, the key of shipment and return lines. */
export const unitsOf = (order: OrderToShip): UnitLine[] =>
  order.lines.map((line) => ({ productId: line.product.id, variantId: line.variant.id, sku: line.sku, quantity: line.quantity }));

/** Reads orders from the orders subgraph as a SERVICE caller (one `_entities` call). */
export class OrdersClient {
  constructor(private readonly internal: InternalClient) {}

  async order(id: string): Promise<OrderToShip | null> {
    const data = await this.internal.request<{ _entities: Array<OrderToShip | null> }>('orders', ORDER, { representations: [{ __typename: 'Order', id }] });
    return data._entities[0] ?? null;
  }
}
