import { readBody, sendJson, type Route } from '../../platform/http';
import type { StripeWebhookService } from './stripe-webhook.service';

/** Where Stripe delivers events to the payments service (register it in the Stripe dashboard). */
export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';

/**
 * POST /webhooks/stripe: the raw body is verified against the
 * `Stripe-Signature` header before anything is parsed or written. A bad or
 * missing signature, a stale timestamp, or a body that is not the exact
 * signed bytes (re-serialized JSON) answers 400 and writes nothing; every
 * verified delivery, duplicates and ignored events included, answers 200.
 */
export function stripeWebhookRoute(webhooks: StripeWebhookService): Route {
  return {
    method: 'POST',
    path: STRIPE_WEBHOOK_PATH,
    handler: async (req, res) => {
      const signature = req.headers['stripe-signature'];
      const event = webhooks.verify(await readBody(req), typeof signature === 'string' ? signature : undefined);
      if (!event) {
        sendJson(res, 400, { error: 'Webhook signature verification failed' });
        return;
      }
      sendJson(res, 200, { received: true, outcome: await webhooks.handle(event) });
    },
  };
}
