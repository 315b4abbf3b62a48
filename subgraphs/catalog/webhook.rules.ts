import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import { badInput } from '../../platform/errors';

/** Event types partners can subscribe to, each with what triggers it. */
export const WEBHOOK_EVENT_TYPES = {
  'order.placed': 'An order was placed and awaits payment.',
  'order.paid': 'An order was paid.',
  'order.shipped': 'An order was shipped.',
  'order.delivered': 'An order was delivered.',
  'order.cancelled': 'An order was cancelled.',
  'order.refunded': 'An order was refunded in full.',
  'order.payment_failed': 'The payment of an order failed.',
  'stock.low': "A product's available stock fell to its low-stock threshold or below.",
  'stock.replenished': "A product's available stock rose above its low-stock threshold again.",
  'product.created': 'A product was created.',
  'product.updated': 'A product was changed (its changed fields, before and after).',
  'product.archived': 'A product was archived.',
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;

export const isWebhookEventType = (value: string): value is WebhookEventType => Object.hasOwn(WEBHOOK_EVENT_TYPES, value);

export const MAX_URL_LENGTH = 2_000;

/**
 * An endpoint URL: absolute http(s), no credentials in it. Unless private URLs
 * are allowed (development, tests), https only and no literal loopback,
 * private or link-local address, nor localhost, so the shop cannot be aimed
 * at its own network (names resolving to such addresses are not checked here).
 */
export function checkEndpointUrl(value: string, allowPrivate: boolean): string {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw badInput('url must be an absolute http or https URL', 'url');
  }
  if (trimmed.length > MAX_URL_LENGTH) throw badInput(`url must be at most ${MAX_URL_LENGTH} characters`, 'url');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badInput('url must be an absolute http or https URL', 'url');
  if (url.username || url.password) throw badInput('url must not carry credentials', 'url');
  if (!allowPrivate) {
    if (url.protocol !== 'https:') throw badInput('url must use https', 'url');
    if (isPrivateHost(url.hostname)) throw badInput('url must not point to a loopback, private or link-local address', 'url');
  }
  return url.toString();
}

function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) {
    const [a, b] = host.split('.').map(Number);
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (isIP(host) === 6) return host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:');
  return false;
}

/** At least one known event type; repeats count once. */
export function checkEventTypes(types: readonly string[]): WebhookEventType[] {
  if (types.length === 0) throw badInput('eventTypes must name at least one event type', 'eventTypes');
  const unknown = types.find((type) => !isWebhookEventType(type));
  if (unknown !== undefined) throw badInput(`eventTypes has "${unknown}"; known types are ${Object.keys(WEBHOOK_EVENT_TYPES).join(', ')}`, 'eventTypes');
  return [...new Set(types as WebhookEventType[])];
}

/** Pause before try `attempt + 1` after `attempt` failed ones: doubling from `baseMs`, capped at `maxMs`. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
}

/**
 * The Shop-Signature header, Stripe's scheme: `t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>">`. The timestamp inside the signed text lets a
 * receiver refuse replays older than its tolerance.
 */
export function signatureHeader(body: string, secret: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}
