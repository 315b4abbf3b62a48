import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { projectRoot } from '../platform/project';
import { newClient, newEmail } from './support/accounts';
import { startTestStack, type TestStack } from './support/stack';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { waitFor } from './support/wait-for';

/** The package as a frontend team installs it: built by its own build, loaded from its `main`. */
type ClientPackage = typeof import('../client/src/index');

const root = projectRoot();
const clientDir = path.join(root, 'client');
const manifest = JSON.parse(readFileSync(path.join(clientDir, 'package.json'), 'utf8')) as { name: string; version: string; main: string; types: string; files: string[] };

describe('the client package', () => {
  let pkg: ClientPackage;
  let t: TestStack;
  let proxy: TcpProxy;
  const disposers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(clientDir, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
    pkg = require(clientDir) as ClientPackage;
    // TRUST_PROXY_HOPS: each test's registration counts as its own client address (newClient), never throttled by another's.
    t = await startTestStack({ env: { TRUST_PROXY_HOPS: '1' } });
    proxy = await startTcpProxy(t.url);
  }, 60_000);
  afterAll(async () => {
    for (const dispose of disposers) await dispose();
    await proxy.close();
    await t.stop();
  });

  /** A client of the package against the stack; its fetch counts the requests by operation. */
  function shopClient(options: Partial<Parameters<ClientPackage['createShopClient']>[0]> = {}) {
    const sent: string[] = [];
    const headers = newClient().headers;
    const client = pkg.createShopClient({
      url: t.url,
      webSocketImpl: WebSocket,
      reconnectDelayMs: () => 20,
      fetch: (input, init) => {
        const body = JSON.parse(String(init?.body)) as { documentId?: string; query?: string };
        sent.push(body.documentId ?? body.query ?? '');
        return fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } });
      },
      ...options,
    });
    disposers.push(() => client.dispose());
    return { client, sent };
  }

  const idOf = (document: unknown): string => (document as { __meta__: { hash: string } }).__meta__.hash;

  it('is publishable: its own name and version, and main, types, schema and manifest in its files', () => {
    expect(manifest.name).toBe('@shop/client');
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    for (const file of [manifest.main, manifest.types, 'schema.graphql', '__generated__/persisted-documents.json']) {
      expect([file, existsSync(path.join(clientDir, file))]).toEqual([file, true]);
      expect(manifest.files.some((entry) => file === entry || file.startsWith(`${entry}/`))).toBe(true);
    }
    expect(readFileSync(path.join(clientDir, 'schema.graphql'), 'utf8')).toBe(readFileSync(path.join(root, 'schema', 'api.graphql'), 'utf8'));
  });

  it('sends typed documents by their persisted id and pages both ways', async () => {
    const { client, sent } = shopClient();
    const first = await client.request(pkg.StorefrontProductsDocument, { first: 2 });
    expect(first.products.edges).toHaveLength(2);
    expect(first.products.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const next = await client.request(pkg.StorefrontProductsDocument, { first: 2, after: first.products.pageInfo.endCursor });
    const back = await client.request(pkg.StorefrontProductsDocument, { last: 2, before: next.products.pageInfo.startCursor });
    expect(back.products.edges.map((edge) => edge.node.id)).toEqual(first.products.edges.map((edge) => edge.node.id));
    expect(sent).toEqual([idOf(pkg.StorefrontProductsDocument), idOf(pkg.StorefrontProductsDocument), idOf(pkg.StorefrontProductsDocument)]);
  });

  it('throws the error code and field of a refusal', async () => {
    const { client } = shopClient();
    const refused = await client.request(pkg.StorefrontProductsDocument, { first: 1, last: 1 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(pkg.ShopClientError);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
  });

  it('renews an access token the gateway refuses (HTTP 401) once, shared by concurrent requests, then ends the session when renewal fails', async () => {
    const { client: signUp } = shopClient();
    const email = newEmail();
    const session = (await signUp.request(pkg.ClientRegisterDocument, { input: { email, password: 'correct horse battery', name: 'Client' } })).register;
    const told: Array<unknown> = [];
    const { client, sent } = shopClient({ tokens: { accessToken: 'not-a-token', refreshToken: session.refreshToken }, onTokens: (tokens) => told.push(tokens) });

    const [a, b] = await Promise.all([client.request(pkg.ClientMeDocument), client.request(pkg.ClientMeDocument)]);
    expect([a.me?.email, b.me?.email]).toEqual([email, email]);
    expect(sent.filter((operation) => operation === idOf(pkg.ClientRefreshTokenDocument))).toHaveLength(1);
    expect(told).toEqual([{ accessToken: expect.any(String), refreshToken: expect.any(String) }]);
    expect(client.tokens?.refreshToken).not.toBe(session.refreshToken);

    // The first refresh token was spent by the renewal: a second renewal with it fails, and the session ends.
    client.setTokens({ accessToken: 'not-a-token', refreshToken: session.refreshToken });
    const refused = await client.request(pkg.ClientMeDocument).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(told.at(-1)).toBeNull();
    expect(client.tokens).toBeNull();
  });

  it('resubscribes after the socket drops, telling its connection state, and goes on receiving changes', async () => {
    const product = DEMO_PRODUCTS[0];
    const states: string[] = [];
    const { client } = shopClient({ wsUrl: proxy.url.replace(/^http/, 'ws'), onConnection: (state) => states.push(state) });
    const received: Array<{ productId: string; available: number }> = [];
    const errors: unknown[] = [];
    client.subscribe(pkg.StorefrontStockDocument, { productIds: [product.id] }, { next: (data) => received.push(data.stockLevelChanged), error: (error) => errors.push(error) });
    await waitFor(() => received.length === 1);
    const before = received[0].available;

    const accepted = proxy.accepted();
    proxy.dropAll();
    // The current levels come again on the new socket: the subscription is back.
    await waitFor(() => received.length === 2 && proxy.accepted() > accepted);
    expect(states).toEqual(['connecting', 'connected', 'closed', 'connecting', 'connected']);

    const agent = pkg.createShopClient({ url: t.url, tokens: { accessToken: await t.token('client-agent', 'AGENT'), refreshToken: 'unused' } });
    disposers.push(() => agent.dispose());
    const results = await agent.request(pkg.ConsoleSetStockLevelsDocument, { items: [{ sku: product.sku, onHand: product.onHand + 7 }, { sku: 'NO-SUCH-SKU', onHand: 1 }] });
    expect(results.setStockLevels.map((result) => [result.status, result.error?.code ?? null, result.error?.field ?? null])).toEqual([
      ['UPDATED', null, null],
      ['ERROR', 'NOT_FOUND', 'sku'],
    ]);
    await waitFor(() => received.some((level) => level.available === before + 7));
    expect(errors).toEqual([]);
  });
});
