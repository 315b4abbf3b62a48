import type { ResultOf } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_ACCOUNTS, DEMO_PRODUCTS } from '../contracts/demo';
import { startGateway } from '../gateway/gateway';
import { closeServer, createHttpServer, listen, sendJson } from '../platform/http';
import { createLogger } from '../platform/log';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { CancelOrder, PlaceOrder } from './support/orders';
import { ThrowawayRedis } from './support/redis-server';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const WatchOrderStatus = graphql(`
  subscription ShutdownWatchOrderStatus($orderId: ID!) {
    orderStatusChanged(orderId: $orderId) { id status }
  }
`);

const customer = DEMO_ACCOUNTS[0];
const probe = async (url: string, path: '/health' | '/ready') => {
  const response = await fetch(url.replace(/\/graphql$/, path));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('probes and shutdown', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack({ env: { SHUTDOWN_GRACE_MS: '2000' } });
  });
  afterAll(() => t.stop());

  it('answers liveness without asking anyone, and readiness after checking subgraphs and databases', async () => {
    expect(await probe(t.url, '/health')).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await probe(t.url, '/ready');
    expect(ready.status).toBe(200);
    const everySubgraph = Object.fromEntries(Object.keys(t.stack.subgraphs).map((name) => [name, 'ok']));
    expect(Object.keys(everySubgraph)).toContain('payments');
    expect(ready.body).toEqual({ status: 'ok', subgraphs: everySubgraph });
    expect(await probe(t.stack.subgraphs.orders.url, '/ready')).toEqual({ status: 200, body: { service: 'orders', status: 'ok', database: 'ok' } });
    expect(await probe(t.stack.subgraphs.orders.url, '/health')).toEqual({ status: 200, body: { service: 'orders', status: 'ok' } });
  });

  it('closes a gateway WebSocket with 1001 and no `complete`, so the client subscribes again to the next gateway and sees the next status', async () => {
    const token = await t.token(customer.id);
    const placed = await execute(t.url, PlaceOrder, { input: { lines: [{ productId: DEMO_PRODUCTS[0].id, quantity: 1 }] } }, { token });
    const orderId = placed.data!.placeOrder.id;
    const first = t.stack.gateway;
    const closes: number[] = [];
    const statuses: string[] = [];
    let completed = false;
    let failure: unknown = null;
    const client = createClient({
      url: first.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      // As README "Operating it" advises: retry on any failure (a refused connection while no gateway listens
      // is an error, not a close), well past the time a new gateway takes to start on a busy machine.
      shouldRetry: () => true,
      retryAttempts: 200,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 100)),
      on: { closed: (event) => closes.push((event as { code: number }).code) },
    });
    try {
      client.subscribe(
        { query: print(WatchOrderStatus), variables: { orderId } },
        {
          next: (message) => statuses.push((message.data as ResultOf<typeof WatchOrderStatus>).orderStatusChanged.status),
          error: (error) => (failure = error),
          complete: () => (completed = true),
        },
      );
      await waitFor(() => statuses.length >= 1);

      first.drain();
      expect((await probe(first.url, '/ready')).body).toEqual({ status: 'draining' });
      await first.stop();
      await waitFor(() => closes.includes(1001));
      expect(completed).toBe(false);

      // A new gateway where the old one was: the client reconnects on its own and subscribes again.
      const second = await startGateway({
        config: t.config,
        log: createLogger('test', 'error', () => undefined),
        pubsub: t.stack.messaging.pubsub,
        port: first.port,
        subgraphUrls: Object.fromEntries(Object.values(t.stack.subgraphs).map((s) => [s.name, s.url])),
      });
      try {
        const before = statuses.length;
        await waitFor(() => statuses.length > before, { timeout: 10_000 });
        const cancelled = await execute(second.url, CancelOrder, { id: orderId, reason: 'changed my mind' }, { token });
        expect(cancelled.errors).toBeUndefined();
        await waitFor(() => statuses.at(-1) === 'CANCELLED', { timeout: 10_000 });
        expect(completed).toBe(false);
        expect(failure).toBeNull();
      } finally {
        await client.dispose();
        await second.stop();
      }
    } finally {
      await client.dispose();
    }
  });
});

describe('stopping an HTTP server', () => {
  it('lets a request already running finish, and takes no new connection meanwhile', async () => {
    let release = () => undefined as void;
    let arrived = false;
    const server = createHttpServer([
      {
        method: 'GET',
        path: '/slow',
        handler: async (_req, res) => {
          arrived = true;
          await new Promise<void>((resolve) => (release = resolve));
          sendJson(res, 200, { finished: true });
        },
      },
    ]);
    const port = await listen(server, 0, '127.0.0.1', 'test');
    const running = fetch(`http://127.0.0.1:${port}/slow`);
    await waitFor(() => arrived);
    const stopped = closeServer(server, 5_000);
    await expect(fetch(`http://127.0.0.1:${port}/slow`)).rejects.toThrow();
    release();
    const response = await running;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await stopped;
  });
});

describe('readiness with Redis', () => {
  let redis: ThrowawayRedis;
  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
  });
  afterAll(() => redis.stop());

  it('turns /ready to 503 naming Redis while it is unreachable, on the gateway and every subgraph, and back when it returns', async () => {
    const t = await startTestStack({ env: { REDIS_URL: redis.url, REDIS_PREFIX: 'ready-test' } });
    try {
      expect(await probe(t.url, '/ready')).toMatchObject({ status: 200, body: { redis: 'ok' } });
      expect(await probe(t.stack.subgraphs.inventory.url, '/ready')).toMatchObject({ status: 200, body: { database: 'ok', redis: 'ok' } });
      await redis.stop();
      await waitFor(async () => (await probe(t.url, '/ready')).status === 503);
      expect((await probe(t.url, '/ready')).body).toMatchObject({ status: 'not ready', redis: 'disconnected' });
      expect(await probe(t.stack.subgraphs.inventory.url, '/ready')).toMatchObject({ status: 503, body: { service: 'inventory', redis: 'disconnected' } });
      expect((await probe(t.url, '/health')).status).toBe(200);
      await redis.start();
      await waitFor(async () => (await probe(t.url, '/ready')).status === 200 && (await probe(t.stack.subgraphs.inventory.url, '/ready')).status === 200, { timeout: 30_000 });
    } finally {
      await t.stop();
    }
  }, 60_000);
});
