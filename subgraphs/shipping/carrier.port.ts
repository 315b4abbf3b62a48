import type { LabelFormat } from '../../platform/config';

/**
 * The carrier port: buying a label, reading tracking, and reading a signed
 * tracking webhook. Adapters: carrier.simulated.ts (default, development and
 * tests) and carrier.easypost.ts (EasyPost's REST API); one contract suite
 * (carrier.contract.test.ts) runs against both.
 */

/** Tracking statuses, in the order a parcel goes through them (RETURNED and FAILURE are ends of their own). */
export const TRACKING_STATUSES = ['LABEL_CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'FAILURE', 'RETURNED'] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export interface CarrierAddress {
  readonly name: string;
  readonly street1: string;
  readonly street2: string | null;
  readonly city: string;
  readonly zip: string;
  readonly country: string;
  readonly state: string | null;
}

export interface LabelRequest {
  /** Our shipment's (or return's) id, given to the carrier as its reference. */
  readonly reference: string;
  readonly from: CarrierAddress;
  readonly to: CarrierAddress;
  readonly weightGrams: number;
  readonly format: LabelFormat;
}

export interface Label {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly format: LabelFormat;
  /** ZPL text, or a PDF as base64; null when the carrier only gives a URL. */
  readonly content: string | null;
  readonly url: string | null;
  /** Where the customer follows the parcel. */
  readonly trackingUrl: string;
}

export interface TrackingEvent {
  readonly trackingNumber: string;
  readonly status: TrackingStatus;
  readonly occurredAt: Date;
  readonly description: string;
  readonly location: string | null;
}

/** The carrier could not be reached or failed (5xx, timeout): the purchase is retried later. */
export class CarrierUnavailableError extends Error {
  override readonly name = 'CarrierUnavailableError';
}

/** The carrier refused the request (4xx): retrying the same request will not help. */
export class CarrierRefusedError extends Error {
  override readonly name = 'CarrierRefusedError';
}

/** A webhook whose signature does not verify: answered 400, nothing read from it. */
export class BadWebhookSignatureError extends Error {
  override readonly name = 'BadWebhookSignatureError';
}

export interface Carrier {
  readonly name: string;
  /** False: tracking is read by polling `track`. */
  readonly webhooks: boolean;
  /**
   * Opens the carrier's record of a label purchase, buying and charging
   * nothing yet, and returns its id. The caller records that id before
   * buying, so a purchase is never opened twice for one parcel.
   */
  openPurchase(request: LabelRequest): Promise<string>;
  /**
   * Buys the purchase's label, or returns the label already bought for it:
   * a retry after the answer was lost (a timeout, a crash before the label
   * was recorded) buys nothing more.
   */
  buyLabel(purchaseId: string, request: LabelRequest): Promise<Label>;
  /** Every event so far, oldest first. */
  track(trackingNumber: string): Promise<TrackingEvent[]>;
  /** The events a webhook carries, once its signature verified; BadWebhookSignatureError otherwise. */
  readWebhook(rawBody: string, headers: Readonly<Record<string, string | string[] | undefined>>): TrackingEvent[];
}
