import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse, type GraphQLFormattedError } from 'graphql';
import { createLogger } from '../platform/log';
import { Metrics } from '../platform/metrics';
import { TestClock } from './support/clock';
import { connect } from './support/live';
import { ThrowawayRedis } from './support/redis-server';
import { gatewayFetches, startTestStack, type TestStack } from './support/stack';
import { startTwoGateways, type TwoGateways } from './support/two-gateways';
import { waitFor } from './support/wait-for';

/**
 * Rate limiting through the real gateway: a token bucket per client (the
 * signed-in user, else the address), each operation costing the fields it
 * selects. Here a bucket holds 20 fields and regains 1 a second, on a clock
 * the test moves, so refills happen only when the test says so.
 */

const WatchStock = parse(`
  subscription RateLimitWatchStock($productIds: [ID!]!) {
    stockLevelChanged(productIds: $productIds) { productId available }
  }
`) as TypedDocumentNode<{ stockLevelChanged: { productId: string; available: number } }, { productIds: string[] }>;

/** 5 fields: products, edges, node, id, name. */
const FIVE_FIELDS = '{ products(first: 2) { edges { node { id name } } } }';
/** 2 fields: products, totalCount. */
const TWO_FIELDS = '{ products(first: 1) { totalCount } }';

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly errors?: readonly GraphQLFormattedError[];
  readonly data?: unknown;
}

/** An operation from `address` as the trusted proxy (TRUST_PROXY_HOPS=1) reports it in X-Forwarded-For. */
async function postTo(url: string, query: string, address: string, token?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ...((await response.json()) as Omit<Answer, 'status' | 'retryAfter'>) };
}

/** Bucket of 20 fields regaining 1 a second, so four FIVE_FIELDS queries spend it. */
const LIMITS = { RATE_LIMIT: 'true', RATE_LIMIT_BURST: '20', RATE_LIMIT_PER_SECOND: '1', TRUST_PROXY_HOPS: '1' };

describe('rate limits per client, weighted by fields', () => {
  let t: TestStack;
  const clock = new TestClock();
  const metrics = new Metrics();
  const lines: Array<Record<string, unknown>> = [];
  let productId: string;
  beforeAll(async () => {
    t = await startTestStack({
      clock,
      log: createLogger('shop', 'info', (line) => lines.push(JSON.parse(line) as Record<string, unknown>)),
      env: LIMITS,
      metrics,
    });
    const answer = await post('{ products(first: 1) { edges { node { id } } } }', '10.0.0.1');
    productId = (answer.data as { products: { edges: Array<{ node: { id: string } }> } }).products.edges[0].node.id;
  });
  afterAll(() => t.stop());

  /** Each test is its own client address (the trusted proxy's X-Forwarded-For), so buckets never carry over. */
  const post = (query: string, address: string, token?: string) => postTo(t.url, query, address, token);

  it('answers 429 with Retry-After once a client spent its burst, and nothing reaches a subgraph', async () => {
    for (let i = 0; i < 4; i++) expect(await post(FIVE_FIELDS, '203.0.113.1')).toMatchObject({ status: 200, data: { products: expect.any(Object) } });
    const before = await gatewayFetches(metrics);
    expect(before).toBeGreaterThan(0);
    const refused = await post(FIVE_FIELDS, '203.0.113.1');
    expect(refused).toMatchObject({ status: 429, retryAfter: '5' });
    expect(refused.data).toBeUndefined();
    expect(refused.errors).toEqual([
      { message: 'Rate limit exceeded: this operation costs 5 (its fields); try again in 5 s', extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 5 } },
    ]);
    expect(await gatewayFetches(metrics)).toBe(before);
    expect(lines.filter((line) => line.message === 'operation' && line.clientIp === '203.0.113.1').map((line) => [line.status, line.errorCodes])).toEqual([
      ...Array.from({ length: 4 }, () => [200, []]),
      [429, ['TOO_MANY_REQUESTS']],
    ]);
  });

  it('charges by fields: after a 2-second refill a 2-field query passes where a 5-field one does not', async () => {
    for (let i = 0; i < 4; i++) await post(FIVE_FIELDS, '203.0.113.2');
    clock.advance(2_000);
    expect(await post(FIVE_FIELDS, '203.0.113.2')).toMatchObject({ status: 429, retryAfter: '3' });
    expect(await post(TWO_FIELDS, '203.0.113.2')).toMatchObject({ status: 200, data: { products: { totalCount: expect.any(Number) } } });
    expect(await post('{ __typename }', '203.0.113.2')).toMatchObject({ status: 429 });
  });

  it('keeps one bucket per client: another address, and a signed-in user, are not held back by a spent one', async () => {
    for (let i = 0; i < 4; i++) await post(FIVE_FIELDS, '203.0.113.3');
    expect((await post(FIVE_FIELDS, '203.0.113.3')).status).toBe(429);
    expect((await post(FIVE_FIELDS, '203.0.113.4')).status).toBe(200);
    const token = await t.token('user-rate-1', 'CUSTOMER');
    expect((await post(FIVE_FIELDS, '203.0.113.3', token)).status).toBe(200);
  });

  it('charges a signed-in user wherever they call from', async () => {
    const token = await t.token('user-rate-2', 'CUSTOMER');
    for (let i = 0; i < 4; i++) await post(FIVE_FIELDS, `198.51.100.${i}`, token);
    expect(await post(FIVE_FIELDS, '198.51.100.9', token)).toMatchObject({ status: 429, errors: [{ extensions: { code: 'TOO_MANY_REQUESTS' } }] });
  });

  it('refuses a subscription over WebSocket with TOO_MANY_REQUESTS once the bucket is spent, and its events are not charged', async () => {
    const token = await t.token('user-rate-3', 'CUSTOMER');
    const live = connect(t.url, { authorization: `Bearer ${token}` });
    try {
      // 3 fields: a subscription is charged once, when it starts.
      const first = live.subscribe(WatchStock, { productIds: [productId] });
      expect(await first.count(1)).toEqual([{ data: { stockLevelChanged: { productId, available: expect.any(Number) } } }]);
      for (let i = 0; i < 3; i++) await post(FIVE_FIELDS, '192.0.2.1', token);
      const refused = live.subscribe(WatchStock, { productIds: [productId] });
      await refused.done();
      expect(refused.error).toEqual([
        { message: 'Rate limit exceeded: this operation costs 3 (its fields); try again in 1 s', extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 1 } },
      ]);
    } finally {
      await live.dispose();
    }
  });

  it('is off when RATE_LIMIT=false', async () => {
    const open = await startTestStack({ env: { RATE_LIMIT: 'false', RATE_LIMIT_BURST: '10', RATE_LIMIT_PER_SECOND: '1' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await fetch(open.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: FIVE_FIELDS }) })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
    } finally {
      await open.stop();
    }
  }, 60_000);
});

describe('rate limits shared by gateway replicas (Redis)', () => {
  let gateways: TwoGateways;
  const clock = new TestClock();
  beforeAll(async () => {
    gateways = await startTwoGateways({ env: { ...LIMITS, RESPONSE_CACHE: 'false' }, clock });
  });
  afterAll(() => gateways.stop());

  it('refuses on gateway B, with 429 and Retry-After, a client whose budget was spent on gateway A', async () => {
    for (let i = 0; i < 4; i++) expect((await postTo(gateways.t.url, FIVE_FIELDS, '203.0.113.21')).status).toBe(200);
    expect(await postTo(gateways.secondUrl, FIVE_FIELDS, '203.0.113.21')).toMatchObject({
      status: 429,
      retryAfter: '5',
      errors: [{ extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 5 } }],
    });
    // B refuses only the spent client, and A sees what B charged.
    expect((await postTo(gateways.secondUrl, FIVE_FIELDS, '203.0.113.22')).status).toBe(200);
    clock.advance(3_000);
    expect((await postTo(gateways.secondUrl, TWO_FIELDS, '203.0.113.21')).status).toBe(200);
    expect(await postTo(gateways.t.url, TWO_FIELDS, '203.0.113.21')).toMatchObject({ status: 429, retryAfter: '1' });
  });
});

describe('rate limits when Redis fails', () => {
  let redis: ThrowawayRedis;
  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
  });
  afterAll(() => redis.stop());

  // Killing and restarting Redis and reconnecting takes seconds on a loaded machine: a longer timeout.
  it('lets operations through unlimited while Redis is down, logs that once, and limits again once it is back', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const t = await startTestStack({
      clock: new TestClock(),
      log: createLogger('shop', 'info', (line) => lines.push(JSON.parse(line) as Record<string, unknown>)),
      env: { ...LIMITS, RESPONSE_CACHE: 'false', REDIS_URL: redis.url, REDIS_PREFIX: 'rate-limit-outage' },
    });
    const said = (message: string) => lines.filter((line) => line.message === message).length;
    try {
      for (let i = 0; i < 4; i++) await postTo(t.url, FIVE_FIELDS, '203.0.113.31');
      expect((await postTo(t.url, FIVE_FIELDS, '203.0.113.31')).status).toBe(429);

      await redis.stop();
      // Fail open: the spent client passes, again and again, and the outage is logged once.
      for (let i = 0; i < 3; i++) expect(await postTo(t.url, FIVE_FIELDS, '203.0.113.31')).toMatchObject({ status: 200, data: { products: expect.any(Object) } });
      expect(said('rate limiter unavailable; operations pass unlimited')).toBe(1);
      expect(lines.find((line) => line.message === 'rate limiter unavailable; operations pass unlimited')).toMatchObject({ level: 'warn' });

      await redis.start();
      await waitFor(async () => (await postTo(t.url, TWO_FIELDS, '203.0.113.32')).status === 200 && said('rate limiter available again') === 1, { timeout: 30_000 });
      // The restarted Redis is empty: a new client's bucket is full, and spending it is refused again.
      for (let i = 0; i < 4; i++) expect((await postTo(t.url, FIVE_FIELDS, '203.0.113.33')).status).toBe(200);
      expect(await postTo(t.url, FIVE_FIELDS, '203.0.113.33')).toMatchObject({ status: 429, errors: [{ extensions: { code: 'TOO_MANY_REQUESTS' } }] });
      expect(said('rate limiter unavailable; operations pass unlimited')).toBe(1);
    } finally {
      await t.stop();
    }
  }, 120_000);
});
