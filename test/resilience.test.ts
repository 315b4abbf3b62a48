import net from 'node:net';
import { startGateway } from '../gateway/gateway';
import { systemClock } from '../platform/clock';
import { signCallerHeader } from '../platform/caller';
import { createLogger } from '../platform/log';
import { startSubgraph } from '../platform/subgraph';
import { SUBGRAPHS } from '../subgraphs/modules';
import { graphql } from './__generated__/index';
import { codesOf, execute } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const quiet = createLogger('test', 'error', () => undefined);

const ProductNames = graphql(`
  query ProductNames {
    products(first: 2) { edges { node { name } } }
  }
`);

const ProductNamesAndStock = graphql(`
  query ProductNamesAndStock {
    products(first: 2) { edges { node { name stock { available } } } }
  }
`);

const MeId = graphql(`
  query MeId {
    me { id }
  }
`);

async function readiness(url: string): Promise<{ status: number; body: { status: string; subgraphs: Record<string, string> } }> {
  const response = await fetch(url.replace(/\/graphql$/, '/ready'));
  return { status: response.status, body: (await response.json()) as { status: string; subgraphs: Record<string, string> } };
}

describe('a subgraph that goes down', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack({ env: { SUBGRAPH_TIMEOUT_MS: '300', HEALTH_TIMEOUT_MS: '300' } });
  });
  afterAll(() => t.stop());

  it('turns /ready to 503 naming the subgraph, fails only the fields it owns, and recovers when it comes back', async () => {
    expect((await readiness(t.url)).status).toBe(200);
    const catalog = t.stack.subgraphs.catalog;
    await catalog.stop();

    const down = await readiness(t.url);
    expect(down.status).toBe(503);
    expect(down.body.subgraphs).toMatchObject({ catalog: 'unreachable', users: 'ok', inventory: 'ok', orders: 'ok', payments: 'ok' });

    const failing = await execute(t.url, ProductNames);
    expect(codesOf(failing)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(failing.errors![0].message).toBe('Subgraph "catalog" is unavailable: it cannot be reached');
    const token = await t.token('demo-user-customer');
    expect((await execute(t.url, MeId, undefined, { token })).data).toEqual({ me: { id: 'demo-user-customer' } });

    // Same port and data, no gateway restart.
    const restarted = await startSubgraph(SUBGRAPHS.catalog, {
      config: t.config,
      log: quiet,
      clock: systemClock,
      pubsub: t.stack.messaging.pubsub,
      events: t.stack.messaging.events,
      port: catalog.port,
    });
    try {
      await waitFor(async () => (await readiness(t.url)).status === 200);
      const recovered = await execute(t.url, ProductNames);
      expect(recovered.errors).toBeUndefined();
      expect(recovered.data!.products.edges).toHaveLength(2);
    } finally {
      await restarted.stop();
    }
  });

});

describe('a subgraph that hangs', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack({ env: { SUBGRAPH_TIMEOUT_MS: '300', HEALTH_TIMEOUT_MS: '300' } });
  });
  afterAll(() => t.stop());

  it('answers within the configured timeout with an error naming a subgraph that never responds', async () => {
    const sockets = new Set<net.Socket>();
    const hanging = net.createServer((socket) => sockets.add(socket)); // accepts, never answers
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const { port } = hanging.address() as net.AddressInfo;
    const gateway = await startGateway({
      config: t.config,
      log: quiet,
      pubsub: t.stack.messaging.pubsub,
      port: 0,
      subgraphUrls: {
        ...Object.fromEntries(Object.values(t.stack.subgraphs).map((s) => [s.name, s.url])),
        inventory: `http://127.0.0.1:${port}/graphql`,
      },
    });
    try {
      const touching = await execute(gateway.url, ProductNamesAndStock);
      expect(codesOf(touching)).toEqual(['TRY_AGAIN']);
      expect(touching.errors![0].message).toBe('Subgraph "inventory" did not answer within 300 ms; anything it did late is undone: try again');
      expect(touching.errors![0].extensions).toMatchObject({ serviceName: 'inventory', retryAfterSeconds: 1 });
      const notTouching = await execute(gateway.url, ProductNames);
      expect(notTouching.errors).toBeUndefined();
      const report = await readiness(gateway.url);
      expect(report.status).toBe(503);
      expect(report.body.subgraphs.inventory).toBe('no answer within 300 ms');
    } finally {
      await gateway.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => hanging.close(resolve));
    }
  });
});

describe('subgraphs called directly', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(() => t.stop());

  const post = (url: string, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ me { id } }' }) });

  it('refuses a caller header not signed with the gateway secret, and nothing is answered', async () => {
    const forged = signCallerHeader({ userId: 'demo-user-customer', roles: ['ADMIN'], sessionId: null }, 'a-guessed-secret-that-is-not-the-real-one');
    const response = await post(t.stack.subgraphs.users.url, { 'x-shop-caller': forged });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { data?: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired caller header, even with a valid signature', async () => {
    const stale = signCallerHeader({ userId: 'demo-user-customer', roles: ['CUSTOMER'], sessionId: null }, t.config.auth.internalSecret, Date.now() - 120_000);
    expect((await post(t.stack.subgraphs.users.url, { 'x-shop-caller': stale })).status).toBe(401);
  });

  it('accepts a header the gateway signed', async () => {
    const genuine = signCallerHeader({ userId: 'demo-user-customer', roles: ['CUSTOMER'], sessionId: null }, t.config.auth.internalSecret);
    const response = await post(t.stack.subgraphs.users.url, { 'x-shop-caller': genuine });
    expect(await response.json()).toEqual({ data: { me: { id: 'demo-user-customer' } } });
  });
});
