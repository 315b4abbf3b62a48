import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import { StripeStandIn } from '../../test/support/stripe-stand-in';
import { systemClock } from '../../platform/clock';
import { Db } from '../../platform/db';
import { openOrm } from '../../platform/orm';
import { PaymentProviderError, type PaymentProvider, type ProviderErrorKind } from './payment.provider';
import { SimulatedPaymentProvider } from './payment.provider.simulated';
import { StripePaymentProvider } from './payment.provider.stripe';
import { SimulatedIntentEntity, SimulatedRefundEntity } from './simulated-intent.entity';

/**
 * One suite, both adapters: the simulator, and Stripe through the real SDK
 * against the local stand-in of Stripe's REST API. `pay` and `authenticate`
 * are what the customer does: on our server in the simulator, on their own
 * device (Stripe.js) with Stripe.
 */
interface Harness {
  readonly provider: PaymentProvider;
  pay(ref: string, paymentMethod: string): Promise<void>;
  authenticate(ref: string, approve: boolean): Promise<void>;
  close(): Promise<void>;
}

async function simulated(): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'shop-sim-provider-'));
  const orm = await openOrm({ service: 'payments', entities: [SimulatedIntentEntity, SimulatedRefundEntity], config: { dataDir, mongo: null, logLevel: 'error' } });
  const provider = new SimulatedPaymentProvider(new Db(orm), systemClock);
  return {
    provider,
    pay: async (ref, paymentMethod) => void (await provider.confirm(ref, paymentMethod)),
    authenticate: async (ref, approve) => void (await provider.completeAuthentication(ref, approve)),
    close: async () => {
      await orm.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function stripe(): Promise<Harness> {
  const standIn = await StripeStandIn.start();
  const { port } = new URL(standIn.url);
  const provider = new StripePaymentProvider({ secretKey: standIn.apiKey, webhookSecret: 'whsec_contract', api: { protocol: 'http', host: '127.0.0.1', port: Number(port) } }, 5_000);
  const browser = standIn.client();
  return {
    provider,
    pay: async (ref, paymentMethod) => {
      // Stripe.js answers a decline with a card error; the intent records it.
      await browser.paymentIntents.confirm(ref, { payment_method: paymentMethod }).catch((error: unknown) => {
        if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
      });
    },
    authenticate: async (ref, approve) => void standIn.authenticate(ref, approve),
    close: () => standIn.stop(),
  };
}

const adapters: Array<[string, () => Promise<Harness>]> = [
  ['simulated', simulated],
  ['stripe (SDK against the stand-in)', stripe],
];

async function refusal(promise: Promise<unknown>): Promise<ProviderErrorKind> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PaymentProviderError) return error.kind;
    throw error;
  }
  throw new Error('expected the provider to refuse');
}

describe.each(adapters)('PaymentProvider contract: %s', (_name, open) => {
  let h: Harness;
  const key = () => `test-${randomBytes(8).toString('hex')}`;
  const newIntent = (amount = 2_500) => h.provider.createIntent({ orderId: `order-${randomBytes(4).toString('hex')}`, amount, currency: 'EUR', idempotencyKey: key(), metadata: {} });

  beforeAll(async () => {
    h = await open();
  });

  afterAll(() => h.close());

  it('creates an intent waiting for payment, for the amount and currency asked', async () => {
    const intent = await newIntent(1_999);
    expect(intent).toMatchObject({ state: 'requires_payment', amount: 1_999, currency: 'EUR', amountRefunded: 0, reason: null });
    expect(await h.provider.retrieve(intent.ref)).toMatchObject({ ref: intent.ref, state: 'requires_payment', amount: 1_999 });
  });

  it('answers the same intent for a repeated idempotency key, and refuses the key with other input', async () => {
    const input = { orderId: 'order-idem', amount: 1_000, currency: 'EUR', idempotencyKey: key(), metadata: {} };
    const [first, second] = await Promise.all([h.provider.createIntent(input), h.provider.createIntent(input)]);
    expect(second.ref).toBe(first.ref);
    expect(await refusal(h.provider.createIntent({ ...input, amount: 1_001 }))).toBe('idempotency');
  });

  it('reports a payment with pm_card_visa as succeeded', async () => {
    const intent = await newIntent();
    await h.pay(intent.ref, 'pm_card_visa');
    expect(await h.provider.retrieve(intent.ref)).toMatchObject({ state: 'succeeded', amountRefunded: 0 });
  });

  it('reports a declined card as failed, with the reason', async () => {
    const intent = await newIntent();
    await h.pay(intent.ref, 'pm_card_chargeDeclined');
    expect(await h.provider.retrieve(intent.ref)).toMatchObject({ state: 'failed', reason: 'Your card was declined.' });
  });

  it('holds a payment that needs authentication until the customer answers the challenge', async () => {
    const approved = await newIntent();
    await h.pay(approved.ref, 'pm_card_authenticationRequired');
    expect((await h.provider.retrieve(approved.ref)).state).toBe('requires_action');
    await h.authenticate(approved.ref, true);
    expect((await h.provider.retrieve(approved.ref)).state).toBe('succeeded');

    const rejected = await newIntent();
    await h.pay(rejected.ref, 'pm_card_authenticationRequired');
    await h.authenticate(rejected.ref, false);
    expect((await h.provider.retrieve(rejected.ref)).state).toBe('failed');
  });

  it('cancels an intent waiting for payment, and refuses to cancel a succeeded one', async () => {
    const open = await newIntent();
    expect((await h.provider.cancel(open.ref)).state).toBe('canceled');
    expect(await refusal(h.provider.cancel(open.ref))).toBe('invalid_state');

    const paid = await newIntent();
    await h.pay(paid.ref, 'pm_card_visa');
    expect(await refusal(h.provider.cancel(paid.ref))).toBe('invalid_state');
    expect((await h.provider.retrieve(paid.ref)).state).toBe('succeeded');
  });

  it('lets a declined intent be paid again with another method, and reads one canceled after a decline as canceled', async () => {
    const retried = await newIntent();
    await h.pay(retried.ref, 'pm_card_chargeDeclined');
    expect(await h.provider.retrieve(retried.ref)).toMatchObject({ state: 'failed', reason: 'Your card was declined.' });
    await h.pay(retried.ref, 'pm_card_visa');
    expect(await h.provider.retrieve(retried.ref)).toMatchObject({ state: 'succeeded', reason: null, amountRefunded: 0 });

    const closed = await newIntent();
    await h.pay(closed.ref, 'pm_card_chargeDeclined');
    expect((await h.provider.cancel(closed.ref)).state).toBe('canceled');
    await expect(h.pay(closed.ref, 'pm_card_visa')).rejects.toThrow(/cannot confirm/i);
    expect(await h.provider.retrieve(closed.ref)).toMatchObject({ state: 'canceled', amountRefunded: 0 });
  });

  it('refunds in parts up to the amount paid, once per idempotency key', async () => {
    const intent = await newIntent(3_000);
    await h.pay(intent.ref, 'pm_card_visa');
    const first = key();
    const [a, b] = await Promise.all([h.provider.refund(intent.ref, 1_000, first), h.provider.refund(intent.ref, 1_000, first)]);
    expect(b.ref).toBe(a.ref);
    expect((await h.provider.retrieve(intent.ref)).amountRefunded).toBe(1_000);

    expect(await refusal(h.provider.refund(intent.ref, 2_001, key()))).toBe('invalid_request');
    await h.provider.refund(intent.ref, 2_000, key());
    expect(await h.provider.retrieve(intent.ref)).toMatchObject({ state: 'succeeded', amountRefunded: 3_000 });
    expect(await refusal(h.provider.refund(intent.ref, 1, key()))).toBe('invalid_state');
  });

  it('refuses to refund an intent that has not succeeded', async () => {
    const intent = await newIntent();
    expect(await refusal(h.provider.refund(intent.ref, 100, key()))).toBe('invalid_state');
  });

  it('reports an unknown intent as not_found', async () => {
    expect(await refusal(h.provider.retrieve(`pi_unknown${randomBytes(4).toString('hex')}`))).toBe('not_found');
  });
});
