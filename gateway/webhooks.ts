import { MAX_BODY_BYTES, readBody, sendJson, type Route } from '../platform/http';

/**
 * Stripe delivers its webhooks to the one public address, the gateway, which
 * passes them to payments unchanged: the exact bytes and the
 * `Stripe-Signature` header, since payments verifies the signature over the
 * raw body (subgraphs/payments/stripe-webhook.route.ts serves the same path).
 * Payments' answer (200, or 400 for a bad signature) goes back to Stripe,
 * which retries anything else.
 */
export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';

export function stripeWebhookProxy(paymentsGraphqlUrl: string, timeoutMs: number): Route {
  const target = new URL(STRIPE_WEBHOOK_PATH, paymentsGraphqlUrl).toString();
  return {
    method: 'POST',
    path: STRIPE_WEBHOOK_PATH,
    handler: async (req, res) => {
      const body = await readBody(req, MAX_BODY_BYTES);
      const headers: Record<string, string> = { 'content-type': String(req.headers['content-type'] ?? 'application/json') };
      const signature = req.headers['stripe-signature'];
      if (typeof signature === 'string') headers['stripe-signature'] = signature;
      let answer: Response;
      try {
        answer = await fetch(target, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      } catch {
        sendJson(res, 502, { error: 'Payments did not answer; Stripe will retry' });
        return;
      }
      const text = await answer.text();
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(text);
    },
  };
}
