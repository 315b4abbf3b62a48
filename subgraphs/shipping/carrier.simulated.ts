import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../platform/clock';
import { BadWebhookSignatureError, CarrierUnavailableError, type Carrier, type Label, type LabelRequest, type TrackingEvent, type TrackingStatus } from './carrier.port';

/** The header the simulator signs its webhooks in: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const SIMULATED_SIGNATURE_HEADER = 'x-simulated-carrier-signature';

/** What a parcel goes through, one step per `advance` (or per poll when polling). */
const SCRIPT: ReadonlyArray<{ status: TrackingStatus; description: string; location: string | null }> = [
  { status: 'LABEL_CREATED', description: 'Label created', location: null },
  { status: 'IN_TRANSIT', description: 'Picked up by the carrier', location: 'Sorting centre' },
  { status: 'OUT_FOR_DELIVERY', description: 'Out for delivery', location: 'Local depot' },
  { status: 'DELIVERED', description: 'Delivered', location: 'Front door' },
];

/**
 * A carrier in memory: tracking numbers `SIM…`, labels as ZPL text or a
 * one-page PDF, and a scripted life for each parcel. Tests and development
 * drive it: `advance` moves a parcel on and returns the signed webhook that
 * tells of it; `available = false` makes every call fail as a carrier outage,
 * and `loseNextAnswer` buys the next label but fails as a timeout would.
 * With `webhooks: false` it stands for a carrier that is only polled, each
 * `track` call revealing the next step.
 */
export class SimulatedCarrier implements Carrier {
  readonly name = 'simulated';
  available = true;
  private readonly parcels = new Map<string, { events: TrackingEvent[]; reference: string }>();
  /** Purchases by id, with the label once bought. */
  private readonly purchases = new Map<string, { reference: string; label: Label | null }>();
  /** The next purchase is made, but its answer is lost (as when the carrier bought and the connection timed out). */
  loseNextAnswer = false;

  constructor(
    private readonly clock: Clock,
    private readonly secret: string,
    readonly webhooks = true,
  ) {}

  async openPurchase(request: LabelRequest): Promise<string> {
    this.checkAvailable();
    const id = `simpur_${randomBytes(8).toString('hex')}`;
    this.purchases.set(id, { reference: request.reference, label: null });
    return id;
  }

  async buyLabel(purchaseId: string, request: LabelRequest): Promise<Label> {
    this.checkAvailable();
    // A purchase this process does not know was opened before a restart: the simulator forgot it, and ships nothing.
    const purchase = this.purchases.get(purchaseId) ?? { reference: request.reference, label: null };
    if (purchase.label) return purchase.label;
    const trackingNumber = `SIM${randomBytes(6).toString('hex').toUpperCase()}`;
    this.parcels.set(trackingNumber, { events: [], reference: request.reference });
    this.step(trackingNumber);
    const label: Label = {
      carrier: this.name,
      trackingNumber,
      format: request.format,
      content: request.format === 'ZPL' ? zpl(trackingNumber, request) : pdf(trackingNumber, request).toString('base64'),
      url: null,
      trackingUrl: `https://track.simulated-carrier.test/${trackingNumber}`,
    };
    this.purchases.set(purchaseId, { ...purchase, label });
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new CarrierUnavailableError('the simulated carrier bought the label, but its answer was lost');
    }
    return label;
  }

  /** Labels bought for a reference (a shipment's or return's id), however many purchases it took. */
  labelsBought(reference: string): number {
    return [...this.purchases.values()].filter((p) => p.reference === reference && p.label !== null).length;
  }

  async track(trackingNumber: string): Promise<TrackingEvent[]> {
    this.checkAvailable();
    const parcel = this.parcels.get(trackingNumber);
    if (!parcel) return [];
    if (!this.webhooks) this.step(trackingNumber);
    return [...parcel.events];
  }

  readWebhook(rawBody: string, headers: Readonly<Record<string, string | string[] | undefined>>): TrackingEvent[] {
    const header = headers[SIMULATED_SIGNATURE_HEADER];
    const match = typeof header === 'string' ? /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) : null;
    if (!match) throw new BadWebhookSignatureError('missing or malformed signature');
    const expected = createHmac('sha256', this.secret).update(`${match[1]}.${rawBody}`).digest();
    const given = Buffer.from(match[2], 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new BadWebhookSignatureError('signature does not match');
    const body = JSON.parse(rawBody) as { events: Array<Omit<TrackingEvent, 'occurredAt'> & { occurredAt: string }> };
    return body.events.map((event) => ({ ...event, occurredAt: new Date(event.occurredAt) }));
  }

  /** Moves the parcel one step on its script; the signed webhook telling of it (the body and headers a carrier would send). */
  advance(trackingNumber: string): { body: string; headers: Record<string, string> } {
    const event = this.step(trackingNumber);
    return this.signed([event]);
  }

  /** A signed webhook of any events (replays and out-of-order deliveries in tests). */
  signed(events: readonly TrackingEvent[]): { body: string; headers: Record<string, string> } {
    const body = JSON.stringify({ events });
    const t = Math.floor(this.clock.now().getTime() / 1000);
    const v1 = createHmac('sha256', this.secret).update(`${t}.${body}`).digest('hex');
    return { body, headers: { 'content-type': 'application/json', [SIMULATED_SIGNATURE_HEADER]: `t=${t},v1=${v1}` } };
  }

  private step(trackingNumber: string): TrackingEvent {
    const parcel = this.parcels.get(trackingNumber);
    if (!parcel) throw new Error(`unknown parcel ${trackingNumber}`);
    const next = SCRIPT[Math.min(parcel.events.length, SCRIPT.length - 1)];
    // Each step a second after the one before, so the order of events is also the order of their times.
    const last = parcel.events.at(-1)?.occurredAt.getTime() ?? this.clock.now().getTime();
    const event: TrackingEvent = { trackingNumber, ...next, occurredAt: new Date(Math.max(this.clock.now().getTime(), last + 1000)) };
    if (parcel.events.length < SCRIPT.length) parcel.events.push(event);
    return event;
  }

  private checkAvailable(): void {
    if (!this.available) throw new CarrierUnavailableError('the simulated carrier is down');
  }
}

function zpl(trackingNumber: string, request: LabelRequest): string {
  return [
    '^XA',
    `^FO50,50^A0N,40,40^FD${request.to.name}^FS`,
    `^FO50,100^A0N,30,30^FD${request.to.street1}^FS`,
    `^FO50,140^A0N,30,30^FD${request.to.zip} ${request.to.city} ${request.to.country}^FS`,
    `^FO50,220^BCN,120,Y,N,N^FD${trackingNumber}^FS`,
    '^XZ',
  ].join('\n');
}

/** A minimal valid one-page PDF naming the parcel. */
function pdf(trackingNumber: string, request: LabelRequest): Buffer {
  const text = `${trackingNumber} ${request.to.name} ${request.to.zip} ${request.to.city} ${request.to.country}`.replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 40 200 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
