import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A local stand-in for the parts of Stripe's REST API (v1) this project
 * uses, so tests drive the real `stripe` SDK over real HTTP: PaymentIntents
 * (create, retrieve with `expand`, confirm, cancel) and refunds, with
 * form-encoded bodies, Bearer-key authentication, `Idempotency-Key` replay
 * and Stripe's JSON error bodies. It records the events Stripe would send and
 * delivers them signed with the SDK's own test-header helper.
 *
 * Confirmation is what Stripe.js does on the customer's device; `authenticate`
 * plays the customer's answer to a 3-D Secure challenge (no REST endpoint).
 */

type Json = Record<string, unknown>;

export interface StripeIntentJson extends Json {
  id: string;
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: string;
  latest_charge: string | null;
  last_payment_error: Json | null;
  metadata: Record<string, string>;
}

export interface StripeChargeJson extends Json {
  id: string;
  object: 'charge';
  amount: number;
  amount_refunded: number;
  payment_intent: string;
  refunded: boolean;
  status: 'succeeded' | 'failed';
}

export interface StripeEventJson extends Json {
  id: string;
  object: 'event';
  type: string;
  created: number;
  data: { object: Json };
}

export interface Delivery {
  readonly status: number;
  readonly body: string;
}

/** How Stripe would sign a delivery; tests vary it to forge bad ones. */
export interface SignOptions {
  readonly secret?: string;
  /** Unix seconds; defaults to now. */
  readonly timestamp?: number;
  /** `Stripe-Signature` header to send instead of the computed one (null: none at all). */
  readonly header?: string | null;
  /** Bytes to send instead of the ones signed. */
  readonly body?: string;
}

const CANCELABLE = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];
const SUCCEEDING = ['pm_card_visa', 'pm_card_mastercard', 'pm_card_amex'];
const DECLINES: Record<string, { decline_code: string; message: string }> = {
  pm_card_chargeDeclined: { decline_code: 'generic_decline', message: 'Your card was declined.' },
  pm_card_chargeDeclinedInsufficientFunds: { decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
};

class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: Json,
  ) {
    super(String(error.message));
  }
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const now = () => Math.floor(Date.now() / 1000);

export class StripeStandIn {
  static readonly API_KEY = 'sk_test_standIn4242';

  /** Every API call received, in order (the idempotency key as sent). */
  readonly requests: Array<{ method: string; path: string; idempotencyKey: string | null }> = [];
  /** Every event Stripe would have sent, in order. */
  readonly events: StripeEventJson[] = [];
  private readonly intents = new Map<string, StripeIntentJson>();
  private readonly charges = new Map<string, StripeChargeJson>();
  private readonly refunds = new Map<string, Json>();
  private readonly replies = new Map<string, { fingerprint: string; status: number; body: Json }>();
  private apiVersion: string = Stripe.API_VERSION;

  private constructor(
    private readonly server: http.Server,
    /** Give it to STRIPE_API_BASE. */
    readonly url: string,
    readonly apiKey: string,
  ) {}

  static async start(apiKey: string = StripeStandIn.API_KEY): Promise<StripeStandIn> {
    let standIn: StripeStandIn | null = null;
    const server = http.createServer((req, res) => void standIn?.serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    standIn = new StripeStandIn(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey);
    return standIn;
  }

  stop(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  /** The real SDK, pointed here (as Stripe.js or the dashboard would act on the account). */
  client(): Stripe {
    const { hostname, port } = new URL(this.url);
    return new Stripe(this.apiKey, { host: hostname, port: Number(port), protocol: 'http', maxNetworkRetries: 0, telemetry: false });
  }

  intent(intentId: string): StripeIntentJson {
    return structuredClone(this.requireIntent(intentId));
  }

  /** The PaymentIntents made for an order (by the metadata payments gives them), oldest first. */
  intentsFor(orderId: string): StripeIntentJson[] {
    return [...this.intents.values()].filter((intent) => intent.metadata.orderId === orderId).map((intent) => structuredClone(intent));
  }

  charge(chargeId: string): StripeChargeJson {
    const charge = this.charges.get(chargeId);
    if (!charge) throw new Error(`no charge ${chargeId}`);
    return structuredClone(charge);
  }

  /** The latest event of `type` about `objectId` (an intent, or the intent of a charge). */
  lastEvent(type: string, objectId: string): StripeEventJson {
    const event = [...this.events].reverse().find((e) => e.type === type && (e.data.object.id === objectId || e.data.object.payment_intent === objectId));
    if (!event) throw new Error(`no ${type} event about ${objectId}`);
    return structuredClone(event);
  }

  /** The customer's answer to the 3-D Secure challenge of an intent in requires_action. */
  authenticate(intentId: string, approve: boolean): StripeIntentJson {
    const intent = this.requireIntent(intentId);
    if (intent.status !== 'requires_action') throw new Error(`intent ${intentId} is ${intent.status}`);
    if (approve) this.succeed(intent, String(intent.payment_method), null);
    else {
      this.fail(intent, {
        type: 'invalid_request_error',
        code: 'payment_intent_authentication_failure',
        message: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
      });
    }
    return this.intent(intentId);
  }

  /**
   * POSTs an event to a webhook endpoint as Stripe does: pretty-printed JSON,
   * signed with `Stripe.webhooks.generateTestHeaderString` unless `options`
   * forge something else.
   */
  async deliver(endpoint: string, event: StripeEventJson, secret: string, options: SignOptions = {}): Promise<Delivery> {
    const payload = JSON.stringify(event, null, 2);
    const header =
      options.header !== undefined
        ? options.header
        : Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? secret, timestamp: options.timestamp ?? now() });
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)', ...(header === null ? {} : { 'stripe-signature': header }) },
      body: options.body ?? payload,
    });
    return { status: response.status, body: await response.text() };
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const raw = await readAll(req);
    const key = header(req, 'idempotency-key');
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, idempotencyKey: key });
    this.apiVersion = header(req, 'stripe-version') ?? this.apiVersion;
    if (header(req, 'authorization') !== `Bearer ${this.apiKey}`) {
      send(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_****' } });
      return;
    }
    if (req.method === 'POST' && key) {
      const fingerprint = `${url.pathname} ${raw}`;
      const earlier = this.replies.get(key);
      if (earlier && earlier.fingerprint !== fingerprint) {
        send(res, 400, {
          error: {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          },
        });
        return;
      }
      if (earlier) {
        send(res, earlier.status, earlier.body, { 'idempotent-replayed': 'true' });
        return;
      }
      const [status, body] = this.route(req.method, url, parseForm(raw), key);
      this.replies.set(key, { fingerprint, status, body });
      send(res, status, body);
      return;
    }
    const [status, body] = this.route(req.method ?? 'GET', url, parseForm(req.method === 'GET' ? url.search.slice(1) : raw), key);
    send(res, status, body);
  }

  private route(method: string, url: URL, params: Json, key: string | null): [number, Json] {
    try {
      const path = url.pathname;
      let match: RegExpExecArray | null;
      if (method === 'POST' && path === '/v1/payment_intents') return [200, this.create(params)];
      if (method === 'GET' && (match = /^\/v1\/payment_intents\/([^/]+)$/.exec(path))) return [200, this.view(this.requireIntent(match[1]), params)];
      if (method === 'POST' && (match = /^\/v1\/payment_intents\/([^/]+)\/confirm$/.exec(path))) return [200, this.confirm(match[1], params, key)];
      if (method === 'POST' && (match = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(path))) return [200, this.cancel(match[1], params, key)];
      if (method === 'POST' && path === '/v1/refunds') return [200, this.refund(params, key)];
      throw new StripeApiError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` });
    } catch (error) {
      if (error instanceof StripeApiError) return [error.status, { error: error.error }];
      throw error;
    }
  }

  private create(params: Json): StripeIntentJson {
    const amount = Number(params.amount);
    if (!Number.isSafeInteger(amount) || amount < 1) throw invalid('amount', 'Missing required param: amount.', 'parameter_missing');
    if (typeof params.currency !== 'string') throw invalid('currency', 'Missing required param: currency.', 'parameter_missing');
    const intentId = id('pi');
    const intent: StripeIntentJson = {
      id: intentId,
      object: 'payment_intent',
      amount,
      amount_capturable: 0,
      amount_received: 0,
      application: null,
      application_fee_amount: null,
      automatic_payment_methods: params.automatic_payment_methods ? { allow_redirects: 'always', enabled: true } : null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic_async',
      client_secret: `${intentId}_secret_${randomBytes(12).toString('hex')}`,
      confirmation_method: 'automatic',
      created: now(),
      currency: params.currency,
      customer: null,
      description: typeof params.description === 'string' ? params.description : null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: (params.metadata as Record<string, string> | undefined) ?? {},
      next_action: null,
      on_behalf_of: null,
      payment_method: null,
      payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
      payment_method_types: ['card'],
      processing: null,
      receipt_email: null,
      review: null,
      setup_future_usage: null,
      shipping: null,
      source: null,
      statement_descriptor: null,
      statement_descriptor_suffix: null,
      status: 'requires_payment_method',
      transfer_data: null,
      transfer_group: null,
    };
    this.intents.set(intentId, intent);
    this.emit('payment_intent.created', intent, null);
    return structuredClone(intent);
  }

  private confirm(intentId: string, params: Json, key: string | null): Json {
    const intent = this.requireIntent(intentId);
    if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') {
      throw unexpectedState(intent, 'confirm', ['requires_payment_method', 'requires_confirmation']);
    }
    const method = String(params.payment_method ?? '');
    if (SUCCEEDING.includes(method)) {
      this.succeed(intent, id('pm'), key);
    } else if (method in DECLINES) {
      const chargeId = this.newCharge(intent, 'failed');
      const decline = DECLINES[method];
      const error = { type: 'card_error', code: 'card_declined', decline_code: decline.decline_code, message: decline.message, charge: chargeId };
      this.fail(intent, error, key);
      throw new StripeApiError(402, { ...error, doc_url: 'https://stripe.com/docs/error-codes/card-declined', payment_intent: this.intent(intentId) });
    } else if (method === 'pm_card_authenticationRequired') {
      Object.assign(intent, {
        status: 'requires_action',
        payment_method: id('pm'),
        next_action: { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: 'https://hooks.stripe.com/3d_secure_2/hosted', source: id('src') } },
      });
      this.emit('payment_intent.requires_action', intent, key);
    } else {
      throw new StripeApiError(400, { type: 'invalid_request_error', code: 'resource_missing', param: 'payment_method', message: `No such PaymentMethod: '${method}'` });
    }
    return structuredClone(intent);
  }

  private cancel(intentId: string, params: Json, key: string | null): Json {
    const intent = this.requireIntent(intentId);
    if (!CANCELABLE.includes(intent.status)) throw unexpectedState(intent, 'cancel', CANCELABLE);
    Object.assign(intent, { status: 'canceled', canceled_at: now(), cancellation_reason: params.cancellation_reason ?? null, next_action: null });
    this.emit('payment_intent.canceled', intent, key);
    return structuredClone(intent);
  }

  private refund(params: Json, key: string | null): Json {
    const intent = this.requireIntent(String(params.payment_intent ?? ''));
    const charge = intent.latest_charge ? this.charges.get(intent.latest_charge) : undefined;
    if (intent.status !== 'succeeded' || !charge || charge.status !== 'succeeded') {
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
      });
    }
    if (charge.refunded) throw new StripeApiError(400, { type: 'invalid_request_error', code: 'charge_already_refunded', message: `Charge ${charge.id} has already been refunded.` });
    const left = charge.amount - charge.amount_refunded;
    const amount = params.amount === undefined ? left : Number(params.amount);
    if (!Number.isSafeInteger(amount) || amount < 1) throw invalid('amount', 'Invalid positive integer', 'parameter_invalid_integer');
    if (amount > left) {
      throw invalid('amount', `Refund amount (${amount} ${intent.currency}) is greater than unrefunded amount on charge (${left} ${intent.currency})`, 'amount_too_large');
    }
    const refund: Json = {
      id: id('re'),
      object: 'refund',
      amount,
      balance_transaction: id('txn'),
      charge: charge.id,
      created: now(),
      currency: intent.currency,
      destination_details: { card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' }, type: 'card' },
      metadata: (params.metadata as Json | undefined) ?? {},
      payment_intent: intent.id,
      reason: params.reason ?? null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: 'succeeded',
      transfer_reversal: null,
    };
    this.refunds.set(String(refund.id), refund);
    Object.assign(charge, { amount_refunded: charge.amount_refunded + amount, refunded: charge.amount_refunded + amount === charge.amount });
    this.emit('refund.created', refund, key);
    this.emit('charge.refunded', charge, key);
    return structuredClone(refund);
  }

  private succeed(intent: StripeIntentJson, paymentMethod: string, key: string | null): void {
    const chargeId = this.newCharge(intent, 'succeeded');
    Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, latest_charge: chargeId, payment_method: paymentMethod, next_action: null, last_payment_error: null });
    this.emit('charge.succeeded', this.charges.get(chargeId) as Json, key);
    this.emit('payment_intent.succeeded', intent, key);
  }

  private fail(intent: StripeIntentJson, error: Json, key: string | null = null): void {
    Object.assign(intent, { status: 'requires_payment_method', next_action: null, payment_method: null, last_payment_error: error });
    this.emit('payment_intent.payment_failed', intent, key);
  }

  private newCharge(intent: StripeIntentJson, status: 'succeeded' | 'failed'): string {
    const charge: StripeChargeJson = {
      id: id('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_captured: status === 'succeeded' ? intent.amount : 0,
      amount_refunded: 0,
      captured: status === 'succeeded',
      created: now(),
      currency: intent.currency,
      failure_code: status === 'failed' ? 'card_declined' : null,
      livemode: false,
      metadata: intent.metadata,
      paid: status === 'succeeded',
      payment_intent: intent.id,
      refunded: false,
      status,
    };
    this.charges.set(charge.id, charge);
    intent.latest_charge = charge.id;
    return charge.id;
  }

  /** With `expand[]=latest_charge`, the charge object instead of its id, as Stripe does. */
  private view(intent: StripeIntentJson, params: Json): Json {
    const expand = Array.isArray(params.expand) ? params.expand : [];
    const copy: Json = structuredClone(intent);
    if (expand.includes('latest_charge') && intent.latest_charge) copy.latest_charge = this.charge(intent.latest_charge);
    return copy;
  }

  private emit(type: string, object: Json, idempotencyKey: string | null): void {
    this.events.push({
      id: id('evt'),
      object: 'event',
      api_version: this.apiVersion,
      created: now(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: id('req'), idempotency_key: idempotencyKey },
      type,
    });
  }

  private requireIntent(intentId: string): StripeIntentJson {
    const intent = this.intents.get(intentId);
    if (!intent) throw new StripeApiError(404, { type: 'invalid_request_error', code: 'resource_missing', param: 'intent', message: `No such payment_intent: '${intentId}'` });
    return intent;
  }
}

function unexpectedState(intent: StripeIntentJson, action: string, allowed: string[]): StripeApiError {
  return new StripeApiError(400, {
    type: 'invalid_request_error',
    code: 'payment_intent_unexpected_state',
    message: `You cannot ${action} this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be ${action === 'cancel' ? 'canceled' : 'confirmed'}: ${allowed.join(', ')}.`,
    payment_intent: structuredClone(intent),
  });
}

function invalid(param: string, message: string, code: string): StripeApiError {
  return new StripeApiError(400, { type: 'invalid_request_error', code, param, message });
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

function send(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req'), ...headers });
  res.end(text);
}

/** A request's body as text. */
export function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Stripe's form encoding: `metadata[orderId]=x`, `expand[0]=latest_charge`, `automatic_payment_methods[enabled]=true`. */
function parseForm(text: string): Json {
  const root: Json = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const path = name.replace(/\]/g, '').split('[');
    let node: Json = root;
    path.forEach((segment, i) => {
      if (i === path.length - 1) {
        if (Array.isArray(node) && segment === '') node.push(value);
        else node[segment] = value;
        return;
      }
      const nextIsIndex = /^\d*$/.test(path[i + 1]);
      node[segment] ??= nextIsIndex ? [] : {};
      node = node[segment] as Json;
    });
  }
  return root;
}
