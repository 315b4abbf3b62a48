import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadWebhookSignatureError, CarrierRefusedError, CarrierUnavailableError, type Carrier, type CarrierAddress, type Label, type LabelRequest, type TrackingEvent, type TrackingStatus } from './carrier.port';

/** EasyPost's webhook signature header: `hmac-sha256-hex=<hex HMAC-SHA256 of the raw body>`. */
export const EASYPOST_SIGNATURE_HEADER = 'x-hmac-signature';

const GRAMS_PER_OUNCE = 28.349523125;

const STATUSES: Readonly<Record<string, TrackingStatus>> = {
  pre_transit: 'LABEL_CREATED',
  in_transit: 'IN_TRANSIT',
  out_for_delivery: 'OUT_FOR_DELIVERY',
  available_for_pickup: 'OUT_FOR_DELIVERY',
  delivered: 'DELIVERED',
  return_to_sender: 'RETURNED',
  failure: 'FAILURE',
  cancelled: 'FAILURE',
  error: 'FAILURE',
};

interface EasyPostDetail {
  readonly status: string;
  readonly message: string;
  readonly datetime: string;
  readonly tracking_location?: { readonly city?: string | null; readonly country?: string | null } | null;
}

/** A shipment as EasyPost answers it: from creating, reading or buying it. */
interface EasyPostShipment {
  readonly id: string;
  readonly rates: ReadonlyArray<{ readonly id: string; readonly rate: string }>;
  /** Set once bought. */
  readonly tracking_code?: string | null;
  readonly postage_label?: { readonly label_url: string; readonly label_zpl_url?: string | null; readonly label_pdf_url?: string | null } | null;
  readonly tracker?: { readonly public_url?: string } | null;
}

interface EasyPostTracker {
  readonly tracking_code: string;
  readonly tracking_details: readonly EasyPostDetail[];
}

export interface EasyPostSettings {
  readonly apiKey: string;
  readonly webhookSecret: string;
  /** https://api.easypost.com/v2, or a stand-in. */
  readonly apiUrl: string;
  readonly timeoutMs: number;
}

/**
 * EasyPost's REST API (https://docs.easypost.com): a shipment is created
 * with the parcel and addresses (the purchase, recorded by the caller), then
 * bought at its cheapest rate; EasyPost takes no idempotency key, so a buy
 * first reads the shipment and returns its label if it was bought already.
 * Trackers are read by tracking code; `tracker.updated` webhooks are signed
 * with an HMAC of the body.
 */
export class EasyPostCarrier implements Carrier {
  readonly name = 'easypost';
  readonly webhooks = true;

  constructor(private readonly settings: EasyPostSettings) {}

  async openPurchase(request: LabelRequest): Promise<string> {
    const shipment = await this.call<EasyPostShipment>('POST', '/shipments', {
      shipment: {
        reference: request.reference,
        to_address: address(request.to),
        from_address: address(request.from),
        parcel: { weight: Math.max(0.1, Math.round((request.weightGrams / GRAMS_PER_OUNCE) * 10) / 10) },
        options: { label_format: request.format },
      },
    });
    return shipment.id;
  }

  async buyLabel(purchaseId: string, request: LabelRequest): Promise<Label> {
    const path = `/shipments/${encodeURIComponent(purchaseId)}`;
    const shipment = await this.call<EasyPostShipment>('GET', path);
    if (shipment.postage_label) return this.labelOf(shipment, request.format);
    const cheapest = [...shipment.rates].sort((a, b) => Number(a.rate) - Number(b.rate))[0];
    if (!cheapest) throw new CarrierRefusedError('EasyPost offered no rate for this parcel');
    try {
      return this.labelOf(await this.call<EasyPostShipment>('POST', `${path}/buy`, { rate: { id: cheapest.id } }), request.format);
    } catch (error) {
      // Refused because another attempt bought it meanwhile: that label is the one.
      if (!(error instanceof CarrierRefusedError)) throw error;
      const again = await this.call<EasyPostShipment>('GET', path);
      if (again.postage_label) return this.labelOf(again, request.format);
      throw error;
    }
  }

  async track(trackingNumber: string): Promise<TrackingEvent[]> {
    const found = await this.call<{ trackers: EasyPostTracker[] }>('GET', `/trackers?tracking_code=${encodeURIComponent(trackingNumber)}`);
    return found.trackers.flatMap(eventsOf);
  }

  readWebhook(rawBody: string, headers: Readonly<Record<string, string | string[] | undefined>>): TrackingEvent[] {
    const header = headers[EASYPOST_SIGNATURE_HEADER];
    const match = typeof header === 'string' ? /^hmac-sha256-hex=([0-9a-f]{64})$/.exec(header) : null;
    if (!match) throw new BadWebhookSignatureError('missing or malformed signature');
    const expected = createHmac('sha256', this.settings.webhookSecret.normalize('NFKD')).update(rawBody).digest();
    const given = Buffer.from(match[1], 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new BadWebhookSignatureError('signature does not match');
    const event = JSON.parse(rawBody) as { description?: string; result?: Partial<EasyPostTracker> & { object?: string } };
    if (event.description !== 'tracker.updated' || event.result?.object !== 'Tracker' || !event.result.tracking_code) return [];
    return eventsOf({ tracking_code: event.result.tracking_code, tracking_details: event.result.tracking_details ?? [] });
  }

  private labelOf(shipment: EasyPostShipment, format: LabelRequest['format']): Label {
    const label = shipment.postage_label;
    if (!label || !shipment.tracking_code) throw new CarrierRefusedError(`EasyPost shipment ${shipment.id} has no label`);
    return {
      carrier: this.name,
      trackingNumber: shipment.tracking_code,
      format,
      content: null,
      url: (format === 'ZPL' ? label.label_zpl_url : label.label_pdf_url) ?? label.label_url,
      trackingUrl: shipment.tracker?.public_url ?? `https://track.easypost.com/${encodeURIComponent(shipment.tracking_code)}`,
    };
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.settings.apiUrl}${path}`, {
        method,
        headers: { authorization: `Basic ${Buffer.from(`${this.settings.apiKey}:`).toString('base64')}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      throw new CarrierUnavailableError(`EasyPost could not be reached: ${String(error)}`);
    }
    if (response.status >= 500 || response.status === 429) throw new CarrierUnavailableError(`EasyPost answered ${response.status}`);
    const json = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
    if (!response.ok || json === null) throw new CarrierRefusedError(`EasyPost refused the request (${response.status}): ${json?.error?.message ?? 'no details'}`);
    return json;
  }
}

function address(a: CarrierAddress): Record<string, string | null> {
  return { name: a.name, street1: a.street1, street2: a.street2, city: a.city, zip: a.zip, country: a.country, state: a.state };
}

function eventsOf(tracker: EasyPostTracker): TrackingEvent[] {
  return tracker.tracking_details.map((detail) => ({
    trackingNumber: tracker.tracking_code,
    status: STATUSES[detail.status] ?? 'IN_TRANSIT',
    occurredAt: new Date(detail.datetime),
    description: detail.message,
    location: [detail.tracking_location?.city, detail.tracking_location?.country].filter(Boolean).join(', ') || null,
  }));
}
