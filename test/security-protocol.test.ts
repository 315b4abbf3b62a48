import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { loadConfig } from '../platform/config';
import { LIMITS, MAX_UPSERT_ITEMS } from '../subgraphs/catalog/product.rules';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { RawSocket } from './support/raw-socket';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

/**
 * Issue 11, "protocol": requests that are not what GraphQL expects get a
 * GraphQL answer with the right HTTP status, and one failed operation over
 * graphql-ws never takes the socket's other subscriptions down.
 */

const Upsert = graphql(`
  mutation SecurityUpsert($input: [UpsertProductInput!]!) {
    upsertProducts(input: $input) { index status error { code message field } }
  }
`);

const SetStock = graphql(`
  mutation SecuritySetStock($productId: ID!, $onHand: Int!) {
    setStock(productId: $productId, onHand: $onHand) { onHand }
  }
`);

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { data?: unknown; errors?: readonly GraphQLFormattedError[] };
}

const UPSERT_DOCUMENT = 'mutation ($input: [UpsertProductInput!]!) { upsertProducts(input: $input) { index status } }';

/** An upsertProducts item with every text at its longest (plain letters), the heaviest the rules allow. */
function longestItem(index: number) {
  const text = (length: number) => 'x'.repeat(length);
  return {
    sku: `MAX-${index}`.padEnd(64, 'X'),
    name: text(LIMITS.name),
    description: text(LIMITS.description),
    priceAmount: 99_999_999,
    currency: 'EUR',
    status: 'ACTIVE',
    categoryIds: Array.from({ length: LIMITS.categories }, () => text(100)),
    attributes: Array.from({ length: LIMITS.attributes }, (_, i) => ({ key: `${i}`.padEnd(LIMITS.attributeKey, 'k'), value: text(LIMITS.attributeValue) })),
    media: Array.from({ length: LIMITS.media }, (_, i) => ({ url: `https://${text(LIMITS.mediaUrl - 8)}`, alt: text(LIMITS.mediaAlt), position: i })),
  };
}

describe('HTTP requests GraphQL cannot use', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(() => t.stop());

  async function post(body: string): Promise<Answer> {
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
  }
  const codes = (answer: Answer) => (answer.body.errors ?? []).map((e) => e.extensions?.code);

  it('answers an operationName the document does not define with 400, not 500', async () => {
    const unknown = await post(JSON.stringify({ query: 'query A { me { id } } query B { __typename }', operationName: 'C' }));
    expect([unknown.status, codes(unknown)]).toEqual([400, ['OPERATION_RESOLUTION_FAILURE']]);
    expect(unknown.body.errors![0].message).toBe('Unknown operation named "C".');
    const unnamed = await post(JSON.stringify({ query: 'query A { me { id } } query B { __typename }' }));
    expect([unnamed.status, codes(unnamed)]).toEqual([400, ['OPERATION_RESOLUTION_FAILURE']]);
    const named = await post(JSON.stringify({ query: 'query A { me { id } } query B { __typename }', operationName: 'B' }));
    expect(named).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('answers malformed JSON with a GraphQL error body and 400', async () => {
    const answer = await post('{"query": "{ me { id } }"');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('fits the largest legal upsertProducts (every field of 500 items at its longest) under the default body limit', () => {
    const body = JSON.stringify({ query: UPSERT_DOCUMENT, variables: { input: Array.from({ length: MAX_UPSERT_ITEMS }, (_, i) => longestItem(i)) } });
    expect(Buffer.byteLength(body)).toBeLessThan(loadConfig({}).graphql.maxRequestBytes);
  });

  it('takes a 500-item upsertProducts of several megabytes, which the old 1 MB limit cut off', async () => {
    const run = randomUUID().slice(0, 8).toUpperCase();
    const input = Array.from({ length: MAX_UPSERT_ITEMS }, (_, i) => ({
      sku: `BULK-${run}-${i}`,
      name: `Bulk item ${i}`,
      description: 'd'.repeat(LIMITS.description),
      priceAmount: 100 + i,
      currency: 'EUR',
    }));
    expect(Buffer.byteLength(JSON.stringify(input))).toBeGreaterThan(2_000_000);
    const result = await execute(t.url, Upsert, { input }, { token: await t.token('bulk-agent', 'CUSTOMER', 'AGENT') });
    expect(result.status).toBe(200);
    expect(result.data!.upsertProducts.map((r) => r.status)).toEqual(Array.from({ length: MAX_UPSERT_ITEMS }, () => 'CREATED'));
  });

  it('answers a body over the limit with 413 and a GraphQL error, instead of resetting the connection', async () => {
    const over = t.config.graphql.maxRequestBytes + 1;
    const answer = await post(JSON.stringify({ query: '{ me { id } }', variables: { padding: 'p'.repeat(over) } }));
    expect(answer.status).toBe(413);
    expect(answer.headers.get('connection')).toBe('close');
    expect(answer.body).toEqual({ errors: [{ message: `Request body exceeds ${t.config.graphql.maxRequestBytes} bytes`, extensions: { code: 'BAD_REQUEST' } }] });
  });
});

describe('graphql-ws: a result with errors', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(() => t.stop());

  it("arrives as a next message, and the socket's other subscriptions carry on", async () => {
    const mug = DEMO_PRODUCTS[0];
    const socket = new RawSocket(t.url);
    try {
      await socket.send({ type: 'connection_init' });
      await socket.message('connection_ack');
      await socket.send({ id: 'stock', type: 'subscribe', payload: { query: 'subscription ($p: [ID!]!) { stockLevelChanged(productIds: $p) { onHand } }', variables: { p: [mug.id] } } });
      await socket.message('next');

      // Anonymous: `order` answers UNAUTHENTICATED, so the result carries an error.
      await socket.send({ id: 'query', type: 'subscribe', payload: { query: '{ order(id: "someone-elses") { id } }' } });
      await waitFor(() => socket.messages.some((m) => m.id === 'query' && m.type === 'complete'));
      const answer = socket.messages.filter((m) => m.id === 'query');
      expect(answer.map((m) => m.type)).toEqual(['next', 'complete']);
      expect(answer[0].payload).toMatchObject({ data: { order: null }, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });

      const agent = await t.token('ws-agent', 'CUSTOMER', 'AGENT');
      await execute(t.url, SetStock, { productId: mug.id, onHand: 77 }, { token: agent });
      await waitFor(() => socket.messages.some((m) => m.id === 'stock' && (m.payload as { data?: { stockLevelChanged?: { onHand: number } } }).data?.stockLevelChanged?.onHand === 77));
      expect(socket.closeCode).toBeNull();
    } finally {
      socket.close();
    }
  });
});
