import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { ruruHTML } from 'ruru/server';
import type { Route, RouteHandler } from '../platform/http';
import { sendJson } from '../platform/http';

/**
 * The offline IDE: Ruru (GraphiQL with schema docs, and subscriptions over
 * graphql-ws) at GET /graphql for a browser, its scripts and styles served
 * from the installed package, never from a CDN. On in development or with
 * IDE=true; never in production.
 */

const STATIC_PATH = '/ide/';
/** The package's prebuilt bundle (scripts, styles, a font, web workers). */
const STATIC_DIR = path.join(path.dirname(require.resolve('ruru')), '..', 'static');
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** A browser navigating to the endpoint, as opposed to a GraphQL GET request. */
export function wantsIde(req: IncomingMessage): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  return !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html');
}

export const idePage: RouteHandler = (req, res) => {
  // The page talks back to whichever address the browser used; behind TLS the proxy says so.
  const secure = req.headers['x-forwarded-proto'] === 'https';
  const host = req.headers.host ?? 'localhost';
  const html = ruruHTML({
    staticPath: STATIC_PATH,
    endpoint: '/graphql',
    subscriptionEndpoint: `${secure ? 'wss' : 'ws'}://${host}/graphql`,
    subscriptions: true,
    htmlParts: { titleTag: '<title>Shop supergraph</title>' },
  });
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
};

export const ideAssets: Route = {
  method: 'GET',
  path: STATIC_PATH,
  prefix: true,
  handler: async (req, res) => {
    const name = new URL(req.url ?? '/', 'http://localhost').pathname.slice(STATIC_PATH.length);
    const type = CONTENT_TYPES[path.extname(name)];
    // Plain file names only: nothing outside the bundle's folder can be asked for.
    if (!/^[\w-]+(\.[\w-]+)+$/.test(name) || type === undefined) return sendJson(res, 404, { error: 'Not found' });
    const content = await readFile(path.join(STATIC_DIR, name)).catch(() => null);
    if (!content) return sendJson(res, 404, { error: 'Not found' });
    res.writeHead(200, { 'content-type': type, 'content-length': content.length, 'cache-control': 'public, max-age=3600' }).end(content);
  },
};
