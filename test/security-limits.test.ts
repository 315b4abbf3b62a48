import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { graphql } from './__generated__/index';
import { connect } from './support/live';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

/**
 * Issue 11, "one-request denial of service": documents and subscriptions that
 * made the gateway work for seconds (or overflow its stack) with one request
 * are refused before any subgraph is called, and a subscription's queued work
 * goes when it does.
 */

const WatchStock = graphql(`
  subscription SecurityWatchStock($productIds: [ID!]!) {
    stockLevelChanged(productIds: $productIds) { productId available }
  }
`);

interface Answer {
  readonly status: number;
  readonly errors?: readonly GraphQLFormattedError[];
  readonly data?: unknown;
}

/** `{ ...F0 }` and `length` fragments each spreading the next, the last selecting `me { id }`. */
const chain = (length: number) =>
  `{ ...F0 } ${Array.from({ length }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(' ')} fragment F${length} on Query { me { id } }`;

describe('one request cannot tie up the gateway', () => {
  let t: TestStack;
  beforeAll(async () => {
    // One federated fetch at a time, so the subscription below has fetches waiting for a slot.
    t = await startTestStack({ env: { WS_MAX_CONCURRENT_FETCHES: '1' } });
  });
  afterAll(() => t.stop());

  async function post(query: string): Promise<Answer> {
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
  }
  const codes = (answer: Answer) => (answer.errors ?? []).map((e) => e.extensions?.code);
  const limits = (answer: Answer) => (answer.errors ?? []).map((e) => e.extensions?.limit);

  it('refuses a chain of 4,000 fragment spreads with 400 at the parser, past the token limit', async () => {
    const answer = await post(chain(4_000));
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(answer.errors![0].message).toMatch(/more that 15000 tokens/);
  });

  it('refuses a chain short enough to parse, which the query planner would take seconds over', async () => {
    const answer = await post(chain(1_500));
    expect(answer.status).toBe(400);
    expect(limits(answer)).toEqual(['fragmentDepth']);
  });

  it('refuses a document nested thousands of levels deep before parsing it, without a stack overflow', async () => {
    const answer = await post(`{${'me {'.repeat(5_000)} id ${'}'.repeat(5_000)}}`);
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(answer.errors![0].message).toBe('Syntax Error: Document nests more than 100 levels. Parsing aborted.');
  });

  it('counts introspection against the limits: hundreds of aliased __schema selections are refused', async () => {
    const answer = await post(`{ ${Array.from({ length: 300 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`);
    expect(answer.status).toBe(400);
    expect(limits(answer)).toEqual(['aliases', 'rootFields']);
    expect(answer.data).toBeUndefined();
  });

  it('refuses a stockLevelChanged over more than 100 products, fetching nothing', async () => {
    const before = t.stack.gateway.subscriptionStats.fetches;
    const live = connect(t.url);
    try {
      const ids = Array.from({ length: 101 }, () => randomUUID());
      const watch = live.subscribe(WatchStock, { productIds: ids });
      await watch.done();
      expect(watch.messages.map((m) => m.errors?.map((e) => e.extensions?.code))).toEqual([['BAD_USER_INPUT']]);
      expect(watch.messages[0].errors![0].message).toBe('A subscription follows at most 100 ids; subscribe several times for more');
      expect(t.stack.gateway.subscriptionStats.fetches).toBe(before);
      // 100 are taken (and these, unknown, end in NOT_FOUND).
      const allowed = live.subscribe(WatchStock, { productIds: ids.slice(0, 100) });
      await allowed.done();
      expect(allowed.messages.map((m) => m.errors?.[0].extensions?.code)).toEqual(['NOT_FOUND']);
    } finally {
      await live.dispose();
    }
  });

  it("drops a subscription's fetches still waiting for a slot once it has ended", async () => {
    const before = t.stack.gateway.subscriptionStats.fetches;
    const live = connect(t.url);
    try {
      // The first fetch answers NOT_FOUND, which ends the subscription; 99 more were waiting behind it.
      const watch = live.subscribe(WatchStock, { productIds: Array.from({ length: 100 }, () => randomUUID()) });
      await watch.done();
      expect(watch.messages.map((m) => m.errors?.[0].extensions?.code)).toEqual(['NOT_FOUND']);
      await waitFor(() => t.stack.gateway.subscriptionStats.topics === 0);
    } finally {
      await live.dispose();
    }
    expect(t.stack.gateway.subscriptionStats.fetches - before).toBeLessThanOrEqual(2);
  });
});
