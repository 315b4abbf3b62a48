import { readBody, sendJson, type Route } from '../../platform/http';
import { BadWebhookSignatureError } from './carrier.port';
import type { ShipmentService } from './shipment.service';

/** Where carriers deliver tracking: /webhooks/carrier/<name> (simulated, easypost). */
export const CARRIER_WEBHOOK_PATH = '/webhooks/carrier/';

/**
 * POST /webhooks/carrier/<name>: the raw body is verified against the
 * carrier's signature before anything is read. A bad or missing signature
 * answers 400 and changes nothing; a replay or a late event answers 200 and
 * changes nothing (shipment.rules.ts, applyTracking); an unknown carrier 404.
 */
export function carrierWebhookRoute(shipments: ShipmentService): Route {
  return {
    method: 'POST',
    path: CARRIER_WEBHOOK_PATH,
    prefix: true,
    handler: async (req, res) => {
      const name = new URL(req.url ?? '/', 'http://localhost').pathname.slice(CARRIER_WEBHOOK_PATH.length);
      try {
        const changed = await shipments.receiveWebhook(name, (await readBody(req)).toString('utf8'), req.headers);
        if (changed === null) sendJson(res, 404, { error: `Unknown carrier ${name}` });
        else sendJson(res, 200, { received: true, changed });
      } catch (error) {
        if (!(error instanceof BadWebhookSignatureError) && !(error instanceof SyntaxError)) throw error;
        sendJson(res, 400, { error: 'Webhook signature verification failed' });
      }
    },
  };
}
