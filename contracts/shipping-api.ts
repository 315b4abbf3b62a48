/**
 * Shipping's contract with the other subgraphs: the internal quote orders
 * asks for a cart or an order being placed.
 *
 * shippingQuote(parcel): SERVICE callers only and `@inaccessible`. The
 * active methods of the one zone the destination falls in (a zone naming the
 * region wins over one naming only the country) that apply to the parcel
 * (same currency, a band for its weight or subtotal), priced, cheapest first.
 * An empty list: the destination is outside every zone, or no method applies.
 * A weightGrams of null (a product without a weight) leaves out WEIGHT methods.
 */

export const SHIPPING_QUOTE = `query ShippingQuote($parcel: ParcelInput!) {
  shippingQuote(parcel: $parcel) { methodId name kind amount currency minDays maxDays pickupLocation }
}`;

export type ParcelVariables = {
  readonly country: string;
  readonly region: string | null;
  readonly currency: string;
  /** Minor units. */
  readonly subtotal: number;
  readonly weightGrams: number | null;
};

export type ShippingQuotePayload = {
  readonly methodId: string;
  readonly name: string;
  /** FLAT, WEIGHT, SUBTOTAL or PICKUP. */
  readonly kind: string;
  readonly amount: number;
  readonly currency: string;
  readonly minDays: number;
  readonly maxDays: number;
  readonly pickupLocation: string | null;
};

export const SHIPPING_EVENTS = {
  /** A shipment got its label or a tracking status: `ShipmentPayload`. Orders moves the order on (partially shipped, shipped, delivered). */
  updated: 'shipment.updated',
  /** A return was requested or took a step, or its label was bought: `ReturnPayload`. Notifications mails the label and a refusal. */
  returnUpdated: 'return.updated',
} as const;

/** Units of one variant (a product's default variant has the product's id); variantId and sku absent from events written before variants. */
export type ShippedUnits = { readonly productId: string; readonly variantId?: string; readonly sku?: string | null; readonly quantity: number };

export type ReturnStatusName = 'REQUESTED' | 'APPROVED' | 'REFUSED' | 'RECEIVED' | 'REFUNDED';

export type ReturnPayload = {
  readonly returnId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly status: ReturnStatusName;
  /** This change bought the return label. */
  readonly labelBought: boolean;
  /** The latest step's note (a refusal's reason for the customer). */
  readonly note: string | null;
  readonly lines: readonly ShippedUnits[];
  readonly carrier: string | null;
  readonly returnTrackingNumber: string | null;
  readonly returnTrackingUrl: string | null;
  readonly version: number;
};

export type ShipmentStatusName = 'LABEL_PENDING' | 'LABEL_CREATED' | 'IN_TRANSIT' | 'OUT_FOR_DELIVERY' | 'DELIVERED' | 'FAILURE' | 'RETURNED';

export type ShipmentPayload = {
  readonly shipmentId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly status: ShipmentStatusName;
  /** The status before this change (the same as `status` when only the history grew): mails go on a change of status only. */
  readonly from: ShipmentStatusName;
  /** The units in the parcel. */
  readonly lines: readonly ShippedUnits[];
  readonly carrier: string;
  readonly trackingNumber: string | null;
  readonly trackingUrl: string | null;
  /** Every unit of the order is in a shipment with a label. */
  readonly orderFullyShipped: boolean;
  /** Every unit of the order is in a delivered shipment. */
  readonly orderDelivered: boolean;
  readonly version: number;
};
