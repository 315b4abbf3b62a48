import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { readAll, type Delivery, type StripeStandIn } from './stripe-stand-in';

/**
 * A local stand-in for Stripe.js (https://js.stripe.com/v3/), for browser
 * tests that cannot reach Stripe: the part the storefront calls
 * (`Stripe(key)`, `elements({ clientSecret })`, `create('payment')`,
 * `mount`, `destroy`, `confirmPayment`, `confirmCardPayment`). Its element is
 * a card-number field in the page (Stripe's is a frame); Stripe's test card
 * numbers map to the test payment methods the API stand-in knows.
 *
 * Confirming goes, as with Stripe, from the browser to "Stripe" with the
 * publishable key and the intent's client secret: here this server, which
 * confirms the intent on the API stand-in with the real SDK and then, as
 * Stripe does, posts the resulting events to the shop's webhook endpoint,
 * signed by the SDK's own test helper (StripeStandIn.deliver).
 */

/** Stripe's test card numbers (docs.stripe.com/testing) and the test payment method each stands for. */
export const TEST_CARDS: Readonly<Record<string, string>> = {
  '4242424242424242': 'pm_card_visa',
  '5555555555554444': 'pm_card_mastercard',
  '4000000000000002': 'pm_card_chargeDeclined',
  '4000000000009995': 'pm_card_chargeDeclinedInsufficientFunds',
};

function script(origin: string): string {
  return `(() => {
  'use strict';
  const CARDS = ${JSON.stringify(TEST_CARDS)};
  const confirm = (key, clientSecret, field) => {
    const method = CARDS[(field && field.value || '').replace(/\\s/g, '')];
    if (!method) return Promise.resolve({ error: { type: 'validation_error', code: 'incomplete_number', message: 'Your card number is invalid.' } });
    const intent = clientSecret.split('_secret_')[0];
    return fetch(${JSON.stringify(origin)} + '/v1/payment_intents/' + encodeURIComponent(intent) + '/confirm', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key, client_secret: clientSecret, payment_method: method }),
    }).then((response) => response.json()).then((body) => (body.error ? { error: body.error } : { paymentIntent: body }));
  };
  const makeElement = () => {
    const element = {
      field: null,
      mount(target) {
        const node = typeof target === 'string' ? document.querySelector(target) : target;
        const label = document.createElement('label');
        label.htmlFor = 'stripe-stand-in-card-number';
        label.textContent = 'Card number';
        const field = document.createElement('input');
        field.id = 'stripe-stand-in-card-number';
        field.inputMode = 'numeric';
        field.autocomplete = 'cc-number';
        const wrapper = document.createElement('div');
        wrapper.className = 'field';
        wrapper.append(label, field);
        node.append(wrapper);
        element.field = field;
        element.node = wrapper;
      },
      destroy() {
        if (element.node) element.node.remove();
        element.field = null;
      },
      on() { return element; },
    };
    return element;
  };
  window.Stripe = (key) => {
    if (!/^pk_(test|live)_/.test(key)) throw new Error('IntegrationError: Invalid API Key provided: ' + key);
    return {
      elements(options) {
        const made = [];
        return {
          clientSecret: options.clientSecret,
          create(type) {
            if (type !== 'payment' && type !== 'card') throw new Error('IntegrationError: this stand-in makes payment and card elements only');
            const element = makeElement();
            made.push(element);
            return element;
          },
          field: () => (made.find((element) => element.field) || {}).field,
        };
      },
      confirmPayment({ elements }) {
        return confirm(key, elements.clientSecret, elements.field());
      },
      confirmCardPayment(clientSecret, data) {
        return confirm(key, clientSecret, data && data.payment_method && data.payment_method.card && data.payment_method.card.field);
      },
    };
  };
})();
`;
}

export class StripeJsStandIn {
  /** The webhook deliveries made after confirmations, in order. */
  readonly deliveries: Delivery[] = [];
  private webhook: { endpoint: string; secret: string } | null = null;
  private readonly pending = new Set<Promise<void>>();

  private constructor(
    private readonly server: http.Server,
    private readonly origin: string,
    private readonly api: StripeStandIn,
    readonly publishableKey: string,
  ) {}

  /** Give `url` to STRIPE_JS_URL and `publishableKey` to STRIPE_PUBLISHABLE_KEY. */
  get url(): string {
    return `${this.origin}/v3/`;
  }

  static async start(api: StripeStandIn, publishableKey: string): Promise<StripeJsStandIn> {
    let standIn: StripeJsStandIn | null = null;
    const server = http.createServer((req, res) => void standIn?.serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    standIn = new StripeJsStandIn(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, api, publishableKey);
    return standIn;
  }

  /** Where Stripe would post events (the shop's /webhooks/stripe), and the endpoint's signing secret. */
  deliverTo(endpoint: string, secret: string): void {
    this.webhook = { endpoint, secret };
  }

  async stop(): Promise<void> {
    await Promise.all(this.pending);
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    // Stripe answers the page's cross-origin calls.
    const cors = { 'access-control-allow-origin': '*' };
    if (req.method === 'GET' && url.pathname === '/v3/') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', ...cors }).end(script(this.origin));
      return;
    }
    const match = /^\/v1\/payment_intents\/([^/]+)\/confirm$/.exec(url.pathname);
    if (req.method !== 'POST' || !match) {
      res.writeHead(404, { 'content-type': 'application/json', ...cors }).end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } }));
      return;
    }
    const form = new URLSearchParams(await readAll(req));
    const [status, body] = await this.confirm(decodeURIComponent(match[1]), form);
    res.writeHead(status, { 'content-type': 'application/json', ...cors }).end(JSON.stringify(body));
  }

  /** As Stripe checks a browser's confirmation: the publishable key, then the client secret of that very intent. */
  private async confirm(intentId: string, form: URLSearchParams): Promise<[number, object]> {
    if (form.get('key') !== this.publishableKey) return [401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } }];
    let secret: string;
    try {
      secret = this.api.intent(intentId).client_secret as string;
    } catch {
      return [404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such payment_intent: '${intentId}'` } }];
    }
    if (form.get('client_secret') !== secret) return [400, { error: { type: 'invalid_request_error', message: 'The client_secret provided does not match this PaymentIntent.' } }];
    const from = this.api.events.length;
    let answer: [number, object];
    try {
      answer = [200, await this.api.client().paymentIntents.confirm(intentId, { payment_method: form.get('payment_method') ?? '' })];
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeError)) throw error;
      answer = [error.statusCode ?? 400, { error: { type: error.rawType ?? 'api_error', code: error.code, decline_code: error.decline_code, message: error.message } }];
    }
    this.deliverSince(from, intentId);
    return answer;
  }

  /** After answering the page, as Stripe does: the events about the intent, one by one, in order. */
  private deliverSince(from: number, intentId: string): void {
    const webhook = this.webhook;
    if (!webhook) return;
    const events = this.api.events.slice(from).filter((event) => event.data.object.id === intentId || event.data.object.payment_intent === intentId);
    const run = (async () => {
      for (const event of events) this.deliveries.push(await this.api.deliver(webhook.endpoint, event, webhook.secret));
    })();
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }
}
