import { systemClock } from '../../platform/clock';
import { EasyPostStandIn } from '../../test/support/easypost-stand-in';
import { EasyPostCarrier } from './carrier.easypost';
import { BadWebhookSignatureError, CarrierUnavailableError, type Carrier, type LabelRequest } from './carrier.port';
import { SimulatedCarrier } from './carrier.simulated';

/** What the suite needs of each adapter: the carrier, a way to move a parcel on (its signed webhook), and an outage. */
interface Fixture {
  readonly carrier: Carrier;
  advance(trackingNumber: string): { body: string; headers: Record<string, string> };
  setDown(down: boolean): void;
  /** Labels the carrier sold for a reference. */
  labelsBought(reference: string): number;
  stop(): Promise<void>;
}

const adapters: Array<[string, () => Promise<Fixture>]> = [
  [
    'simulated',
    async () => {
      const carrier = new SimulatedCarrier(systemClock, 'a-webhook-secret-of-at-least-32-characters');
      return { carrier, advance: (n) => carrier.advance(n), setDown: (down) => (carrier.available = !down), labelsBought: (r) => carrier.labelsBought(r), stop: async () => undefined };
    },
  ],
  [
    'easypost (local stand-in)',
    async () => {
      const standIn = await new EasyPostStandIn().start();
      const carrier = new EasyPostCarrier({ apiKey: standIn.apiKey, webhookSecret: standIn.webhookSecret, apiUrl: standIn.url, timeoutMs: 5000 });
      return {
        carrier,
        advance: (n) => standIn.advance(n),
        setDown: (down) => (standIn.down = down),
        labelsBought: (r) => standIn.purchases.filter((p) => p.reference === r).length,
        stop: () => standIn.stop(),
      };
    },
  ],
];

const request = (reference: string, format: 'PDF' | 'ZPL' = 'ZPL'): LabelRequest => ({
  reference,
  from: { name: 'Shop', street1: '12 rue de la Paix', street2: null, city: 'Paris', zip: '75002', country: 'FR', state: null },
  to: { name: 'Ada Lovelace', street1: '1 rue de Rivoli', street2: null, city: 'Paris', zip: '75001', country: 'FR', state: null },
  weightGrams: 800,
  format,
});

/** A purchase opened and bought at once. */
const buy = async (carrier: Carrier, label: LabelRequest) => carrier.buyLabel(await carrier.openPurchase(label), label);

describe.each(adapters)('carrier contract: %s', (_name, make) => {
  let f: Fixture;
  beforeEach(async () => {
    f = await make();
  });
  afterEach(() => f.stop());

  it('buys a label with a tracking number, a tracking link and the label in the format asked for', async () => {
    const label = await buy(f.carrier, request('shp-1', 'ZPL'));
    expect(label.trackingNumber).toMatch(/^[A-Z0-9]{8,}$/);
    expect(label.format).toBe('ZPL');
    expect(label.trackingUrl).toMatch(new RegExp(`^https://.*${label.trackingNumber}`));
    expect(label.content !== null || label.url !== null).toBe(true);
    const other = await buy(f.carrier, request('shp-2', 'PDF'));
    expect(other.trackingNumber).not.toBe(label.trackingNumber);
    expect(other.format).toBe('PDF');
  });

  it('tracks a parcel from its label to its delivery, oldest event first', async () => {
    const { trackingNumber } = await buy(f.carrier, request('shp-3'));
    expect((await f.carrier.track(trackingNumber)).map((e) => e.status)).toEqual(['LABEL_CREATED']);
    f.advance(trackingNumber);
    f.advance(trackingNumber);
    f.advance(trackingNumber);
    const events = await f.carrier.track(trackingNumber);
    expect(events.map((e) => e.status)).toEqual(['LABEL_CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    expect(events.map((e) => e.occurredAt.getTime())).toEqual([...events.map((e) => e.occurredAt.getTime())].sort((a, b) => a - b));
    expect(await f.carrier.track('UNKNOWN0000')).toEqual([]);
  });

  it('reads a signed webhook, and refuses one with a bad or missing signature', async () => {
    const { trackingNumber } = await buy(f.carrier, request('shp-4'));
    const webhook = f.advance(trackingNumber);
    const events = f.carrier.readWebhook(webhook.body, webhook.headers);
    expect(events.at(-1)).toMatchObject({ trackingNumber, status: 'IN_TRANSIT' });
    const tampered = webhook.body.replace('IN_TRANSIT', 'DELIVERED').replace('in_transit', 'delivered');
    expect(() => f.carrier.readWebhook(tampered, webhook.headers)).toThrow(BadWebhookSignatureError);
    expect(() => f.carrier.readWebhook(webhook.body, {})).toThrow(BadWebhookSignatureError);
  });

  it('sells one label per purchase: buying it again, or twice at once, returns that label and buys nothing more', async () => {
    const label = request('shp-again');
    const purchase = await f.carrier.openPurchase(label);
    const first = await f.carrier.buyLabel(purchase, label);
    expect((await f.carrier.buyLabel(purchase, label)).trackingNumber).toBe(first.trackingNumber);
    expect(f.labelsBought('shp-again')).toBe(1);
    const racing = request('shp-race');
    const raced = await f.carrier.openPurchase(racing);
    const [a, b] = await Promise.all([f.carrier.buyLabel(raced, racing), f.carrier.buyLabel(raced, racing)]);
    expect(a.trackingNumber).toBe(b.trackingNumber);
    expect(f.labelsBought('shp-race')).toBe(1);
  });

  it('fails as unavailable when the carrier is down, and works again once it is back', async () => {
    f.setDown(true);
    await expect(buy(f.carrier, request('shp-5'))).rejects.toBeInstanceOf(CarrierUnavailableError);
    await expect(f.carrier.track('ANY00000000')).rejects.toBeInstanceOf(CarrierUnavailableError);
    f.setDown(false);
    await expect(buy(f.carrier, request('shp-5'))).resolves.toMatchObject({ format: 'ZPL' });
  });
});

describe('the simulated carrier', () => {
  it('makes ZPL text and a PDF', async () => {
    const carrier = new SimulatedCarrier(systemClock, 'a-webhook-secret-of-at-least-32-characters');
    const zpl = await buy(carrier, request('shp-zpl', 'ZPL'));
    expect(zpl.content).toMatch(new RegExp(`^\\^XA[\\s\\S]*${zpl.trackingNumber}[\\s\\S]*\\^XZ$`));
    const pdf = await buy(carrier, request('shp-pdf', 'PDF'));
    const bytes = Buffer.from(pdf.content ?? '', 'base64').toString('latin1');
    expect(bytes.startsWith('%PDF-1.4')).toBe(true);
    expect(bytes).toContain(pdf.trackingNumber);
    expect(bytes.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('buys the label but loses the answer when told to, as a timeout after the purchase would; the retry gets that label', async () => {
    const carrier = new SimulatedCarrier(systemClock, 'a-webhook-secret-of-at-least-32-characters');
    const label = request('shp-lost');
    const purchase = await carrier.openPurchase(label);
    carrier.loseNextAnswer = true;
    await expect(carrier.buyLabel(purchase, label)).rejects.toBeInstanceOf(CarrierUnavailableError);
    expect(carrier.labelsBought('shp-lost')).toBe(1);
    await carrier.buyLabel(purchase, label);
    expect(carrier.labelsBought('shp-lost')).toBe(1);
  });
});
