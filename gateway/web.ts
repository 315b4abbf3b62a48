import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { STRIPE_JS_URL, type StripeElementsSettings } from '../platform/config';
import type { Route, RouteHandler } from '../platform/http';
import { sendJson } from '../platform/http';

/**
 * The web apps (web/, built by Vite into web/dist): the storefront at / and
 * the agent console at /admin. Hashed files under /assets/ never change, so
 * browsers keep them for a year; the HTML pages are revalidated every time so
 * a new build is picked up at once. Any other path a browser navigates to is
 * the app's own route (history API): its index.html answers it.
 */

const ASSETS = '/assets/';
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.txt']);
/** Below this, gzip's header costs more than it saves. */
const MIN_GZIP_BYTES = 1024;

/** Hosts as browsers send them (name or address, optional port): anything else is not echoed into the policy. */
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/i;

/** Where the apps read their run-time settings (not baked into the build, so one build serves every deployment). */
export const APP_CONFIG_PATH = '/app-config.json';

/** What the storefront reads at APP_CONFIG_PATH. */
export interface AppConfig {
  readonly stripe: StripeElementsSettings | null;
}

/** The origins a page using Stripe Elements must allow, by directive. */
interface StripeOrigins {
  readonly script: readonly string[];
  readonly frame: readonly string[];
  readonly connect: readonly string[];
}

/**
 * Stripe's published list for Stripe.js and Elements (docs.stripe.com,
 * "Content Security Policy"): its script, its card fields' frames and 3-D
 * Secure pages, and its API. A stand-in Stripe.js (tests) is one origin for all three.
 */
export function stripeOrigins(stripe: StripeElementsSettings): StripeOrigins {
  if (stripe.jsUrl === STRIPE_JS_URL) {
    return {
      script: ['https://js.stripe.com', 'https://*.js.stripe.com'],
      frame: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
      connect: ['https://api.stripe.com'],
    };
  }
  const origin = new URL(stripe.jsUrl).origin;
  return { script: [origin], frame: [origin], connect: [origin] };
}

/**
 * What a serious deployment sends with every page: scripts, styles and API
 * calls from this origin only (the build inlines nothing), no framing, no
 * sniffing, no referrer beyond the origin. The WebSocket address is named
 * because older browsers do not count ws: as 'self'. With Stripe Elements
 * configured, and only then, Stripe's origins are added for its script,
 * frames and API calls.
 */
export function securityHeaders(req: IncomingMessage, stripe: StripeElementsSettings | null = null): Record<string, string> {
  const host = req.headers.host ?? '';
  const sockets = HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  const extra = stripe ? stripeOrigins(stripe) : { script: [], frame: [], connect: [] };
  const plus = (origins: readonly string[]) => origins.map((origin) => ` ${origin}`).join('');
  const headers: Record<string, string> = {
    'content-security-policy': [
      "default-src 'self'",
      `script-src 'self'${plus(extra.script)}`,
      "style-src 'self'",
      // Product photos may live on a CDN.
      "img-src 'self' data: https:",
      `connect-src 'self'${sockets}${plus(extra.connect)}`,
      ...(stripe ? [`frame-src${plus(extra.frame)}`] : []),
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(self)',
  };
  // Behind TLS (the proxy says so), browsers are told to stay on HTTPS.
  if (req.headers['x-forwarded-proto'] === 'https') headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

interface Asset {
  readonly body: Buffer;
  readonly gzipped: Buffer | null;
}

/** The route serving `dir` (web/dist); the gateway lists it after its own, so /graphql, /health... come first. */
export function webRoutes(dir: string, stripe: StripeElementsSettings | null): Route[] {
  const appConfig = Buffer.from(JSON.stringify({ stripe } satisfies AppConfig));
  // Hashed assets are immutable: read and compressed once.
  const assets = new Map<string, Promise<Asset | null>>();
  const readAsset = (file: string) => {
    let cached = assets.get(file);
    if (!cached) {
      cached = readFile(file).then(
        (body) => ({ body, gzipped: COMPRESSIBLE.has(path.extname(file)) && body.length >= MIN_GZIP_BYTES ? gzipSync(body) : null }),
        () => null,
      );
      assets.set(file, cached);
    }
    return cached;
  };

  const handler: RouteHandler = async (req, res) => {
    const pathname = decodePath(req.url);
    if (pathname === null) return sendJson(res, 400, { error: 'Bad path' });
    if (pathname === APP_CONFIG_PATH) return send(req, res, 200, 'application/json; charset=utf-8', { body: appConfig, gzipped: null }, 'no-cache', stripe);
    if (pathname.startsWith(ASSETS)) {
      const name = pathname.slice(ASSETS.length);
      // Plain file names only: nothing outside the build's folder can be asked for.
      const type = CONTENT_TYPES[path.extname(name)];
      const asset = /^[\w.-]+$/.test(name) && !name.startsWith('.') && type ? await readAsset(path.join(dir, 'assets', name)) : null;
      if (!asset) return sendJson(res, 404, { error: 'Not found' });
      return send(req, res, 200, type, asset, 'public, max-age=31536000, immutable', stripe);
    }
    // A browser navigating: the app that owns the path answers with its page; other clients get a plain 404.
    if (!(req.headers.accept ?? '').includes('text/html')) return sendJson(res, 404, { error: 'Not found' });
    const app = pathname === '/admin' || pathname.startsWith('/admin/') ? 'admin' : '';
    const page = path.join(dir, app, 'index.html');
    const body = await readFile(page).catch(() => null);
    if (!body) return sendJson(res, 404, { error: 'The web apps are not built: run npm run build:web' });
    const modified = (await stat(page)).mtime.toUTCString();
    return send(req, res, 200, CONTENT_TYPES['.html'], { body, gzipped: gzipSync(body) }, 'no-cache', stripe, modified);
  };
  return [{ method: 'GET', path: '/', prefix: true, handler }];
}

function decodePath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return null;
  }
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  type: string,
  asset: Asset,
  cacheControl: string,
  stripe: StripeElementsSettings | null,
  lastModified?: string,
): void {
  const gzip = asset.gzipped !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip && asset.gzipped ? asset.gzipped : asset.body;
  const headers: Record<string, string | number> = {
    ...securityHeaders(req, stripe),
    'content-type': type,
    'content-length': body.length,
    'cache-control': cacheControl,
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    ...(lastModified ? { 'last-modified': lastModified } : {}),
  };
  if (lastModified && req.headers['if-modified-since'] === lastModified) {
    res.writeHead(304, { 'cache-control': cacheControl, 'last-modified': lastModified, vary: 'accept-encoding' }).end();
    return;
  }
  res.writeHead(status, headers);
  res.end(body);
}
