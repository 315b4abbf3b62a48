import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** EasyPost's tracker statuses, in the order the stand-in's parcels go through them. */
const SCRIPT = [
  { status: 'pre_transit', message: 'Pre-Shipment information received' },
  { status: 'in_transit', message: 'Arrived at facility' },
  { status: 'out_for_delivery', message: 'Out for delivery' },
  { status: 'delivered', message: 'Delivered' },
] as const;

/** The fields of EasyPost requests the stand-in reads. */
interface StandInRequest {
  readonly shipment?: { reference?: string; parcel?: { weight?: number }; options?: { label_format?: string }; to_address?: { country?: string } };
  readonly rate?: { id?: string };
}

interface Tracker {
  tracking_code: string;
  tracking_details: Array<{ status: string; message: string; datetime: string; tracking_location: { city: string; country: string } }>;
}

/**
 * A local stand-in for EasyPost's REST API, as the Stripe stand-in is for
 * Stripe: shipments with rates, reading one, buying one (once: a second buy
 * is refused, as EasyPost refuses it), trackers by tracking code, and
 * signed `tracker.updated` webhooks. `down` answers 503 to everything.
 */
export class EasyPostStandIn {
  readonly apiKey = `EZTK${randomBytes(12).toString('hex')}`;
  readonly webhookSecret = randomBytes(24).toString('hex');
  down = false;
  /** Shipments bought, by our reference. */
  readonly purchases: Array<{ reference: string; trackingCode: string; weightOz: number; labelFormat: string }> = [];
  private readonly shipments = new Map<string, { reference: string; weightOz: number; labelFormat: string; trackingCode: string | null }>();
  private readonly trackers = new Map<string, Tracker>();
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v2`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Moves the parcel one step on and returns the signed webhook EasyPost would send. */
  advance(trackingCode: string): { body: string; headers: Record<string, string> } {
    const tracker = this.trackers.get(trackingCode);
    if (!tracker) throw new Error(`unknown tracker ${trackingCode}`);
    const next = SCRIPT[Math.min(tracker.tracking_details.length, SCRIPT.length - 1)];
    const last = tracker.tracking_details.at(-1);
    const at = Math.max(Date.now(), last ? Date.parse(last.datetime) + 1000 : 0);
    if (tracker.tracking_details.length < SCRIPT.length) tracker.tracking_details.push({ ...next, datetime: new Date(at).toISOString(), tracking_location: { city: 'Lyon', country: 'FR' } });
    return this.webhook(tracker);
  }

  /** The signed webhook for a tracker as it is now. */
  webhook(tracker: Tracker, secret = this.webhookSecret): { body: string; headers: Record<string, string> } {
    const body = JSON.stringify({ object: 'Event', description: 'tracker.updated', result: { object: 'Tracker', ...tracker } });
    return { body, headers: { 'content-type': 'application/json', 'x-hmac-signature': `hmac-sha256-hex=${createHmac('sha256', secret).update(body).digest('hex')}` } };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (this.down) return send(503, { error: { code: 'SERVICE_UNAVAILABLE', message: 'down' } });
    if (req.headers.authorization !== `Basic ${Buffer.from(`${this.apiKey}:`).toString('base64')}`) return send(401, { error: { code: 'APIKEY.INACTIVE', message: 'bad key' } });
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as StandInRequest) : {};
    if (req.method === 'POST' && url.pathname === '/v2/shipments') {
      const { reference = '', parcel, options, to_address } = body.shipment ?? {};
      if (!to_address?.country || !parcel?.weight || parcel.weight <= 0) return send(422, { error: { code: 'SHIPMENT.INVALID_PARAMS', message: 'to_address and parcel.weight are required' } });
      const id = `shp_${randomBytes(8).toString('hex')}`;
      this.shipments.set(id, { reference, weightOz: parcel.weight, labelFormat: options?.label_format ?? 'PNG', trackingCode: null });
      return send(201, shipmentBody(id, null));
    }
    const read = /^\/v2\/shipments\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && read) {
      const shipment = this.shipments.get(read[1]);
      return shipment ? send(200, shipmentBody(read[1], shipment.trackingCode)) : send(404, { error: { code: 'NOT_FOUND', message: 'no such shipment' } });
    }
    const buy = /^\/v2\/shipments\/([^/]+)\/buy$/.exec(url.pathname);
    if (req.method === 'POST' && buy) {
      const shipment = this.shipments.get(buy[1]);
      if (!shipment || !String(body.rate?.id ?? '').startsWith(`rate_${buy[1]}`)) return send(404, { error: { code: 'NOT_FOUND', message: 'no such shipment or rate' } });
      if (shipment.trackingCode) return send(422, { error: { code: 'SHIPMENT.POSTAGE.EXISTS', message: 'postage already exists for this shipment' } });
      const trackingCode = `EZ${randomBytes(5).toString('hex').toUpperCase()}`;
      shipment.trackingCode = trackingCode;
      this.trackers.set(trackingCode, { tracking_code: trackingCode, tracking_details: [] });
      this.advance(trackingCode);
      this.purchases.push({ reference: shipment.reference, trackingCode, weightOz: shipment.weightOz, labelFormat: shipment.labelFormat });
      return send(200, shipmentBody(buy[1], trackingCode));
    }
    if (req.method === 'GET' && url.pathname === '/v2/trackers') {
      const tracker = this.trackers.get(url.searchParams.get('tracking_code') ?? '');
      return send(200, { trackers: tracker ? [tracker] : [] });
    }
    return send(404, { error: { code: 'NOT_FOUND', message: `${req.method} ${url.pathname}` } });
  }
}

/** A shipment as EasyPost answers it: its rates, and once bought its tracking code, label and tracker. */
function shipmentBody(id: string, trackingCode: string | null): Record<string, unknown> {
  const rates = [{ id: `rate_${id}_exp`, rate: '18.40', carrier: 'USPS', service: 'Express' }, { id: `rate_${id}_std`, rate: '7.90', carrier: 'USPS', service: 'Priority' }];
  if (!trackingCode) return { id, rates, tracking_code: null, postage_label: null };
  const labelUrl = `https://easypost-files.test/${trackingCode}`;
  return {
    id,
    rates,
    tracking_code: trackingCode,
    postage_label: { label_url: `${labelUrl}.png`, label_zpl_url: `${labelUrl}.zpl`, label_pdf_url: `${labelUrl}.pdf` },
    tracker: { public_url: `https://track.easypost.test/${trackingCode}` },
  };
}
