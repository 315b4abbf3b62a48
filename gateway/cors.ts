import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsSettings } from '../platform/config';

/**
 * Which browser origins may call the gateway: one allow-list for CORS over
 * HTTP and for the WebSocket Origin check. A request from an origin not on
 * it gets no CORS headers at all, so the browser keeps the answer from the
 * page; clients that send no Origin (servers, curl, mobile apps) are not
 * browsers and are not concerned.
 */

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** What a GraphQL client sends: JSON, the token, a request id, Apollo's CSRF-preflight and client-identity headers. */
const ALLOWED_HEADERS =
  'content-type, authorization, x-request-id, apollo-require-preflight, x-apollo-operation-name, apollographql-client-name, apollographql-client-version';
/** Response headers a page may read: the request id to quote in a bug report, when to retry. */
const EXPOSED_HEADERS = 'x-request-id, retry-after';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function originAllowed(settings: CorsSettings, origin: string): boolean {
  if (settings.origins === '*' || settings.origins.includes(origin)) return true;
  if (!settings.allowLocalhost) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.has(url.hostname) && url.origin === origin;
  } catch {
    return false;
  }
}

/**
 * Adds the CORS headers a request from an allowed origin needs, and answers
 * preflights (`OPTIONS` with Access-Control-Request-Method) itself. Returns
 * true when the request was answered here.
 */
export function applyCors(settings: CorsSettings, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  const preflight = req.method === 'OPTIONS';
  // Answers differ by Origin, so caches must keep them apart.
  res.setHeader('vary', 'Origin');
  if (!origin || !originAllowed(settings, origin)) {
    if (!preflight) return false;
    // Not an allowed browser: no CORS headers, so the browser refuses to send the real request.
    res.writeHead(origin ? 403 : 204, { allow: ALLOWED_METHODS }).end();
    return true;
  }
  res.setHeader('access-control-allow-origin', origin);
  if (settings.credentials) res.setHeader('access-control-allow-credentials', 'true');
  if (!preflight) {
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    return false;
  }
  res.writeHead(204, {
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': String(settings.maxAgeSeconds),
  });
  res.end();
  return true;
}
