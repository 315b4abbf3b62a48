import type { GraphQLFormattedError } from 'graphql';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { RawSocket } from './support/raw-socket';
import { startTestStack, type TestStack } from './support/stack';

/**
 * Issue 11 in production (NODE_ENV=production): errors say what went wrong
 * without describing the schema or the deployment, introspection is off, and
 * browsers on other sites cannot open a WebSocket.
 */

const CancelSomeOrder = graphql(`
  mutation SecurityCancelSomeOrder($id: ID!) {
    cancelOrder(id: $id) { id }
  }
`);

const ProductStock = graphql(`
  query SecurityProductStock($id: ID!) {
    product(id: $id) { name stock { available } }
  }
`);

interface Answer {
  readonly status: number;
  readonly body: { data?: unknown; errors?: readonly GraphQLFormattedError[] };
}

describe('the supergraph in production', () => {
  let t: TestStack;
  const sockets: RawSocket[] = [];
  beforeAll(async () => {
    t = await startTestStack({
      env: { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40), INTERNAL_SECRET: 'i'.repeat(40), PAYMENT_PROVIDER: 'simulated' },
    });
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));
  afterAll(() => t.stop());

  async function post(body: Record<string, unknown>): Promise<Answer> {
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }
  const messages = (answer: Answer) => (answer.body.errors ?? []).map((e) => e.message);
  function socket(headers?: Record<string, string>): RawSocket {
    const opened = new RawSocket(t.url, headers);
    sockets.push(opened);
    return opened;
  }

  it('suggests no field or value names ("Did you mean ...?")', async () => {
    expect(messages(await post({ query: '{ produc(id: "1") { id } }' }))).toEqual(['Cannot query field "produc" on type "Query".']);
    const badSort = await post({ query: 'query ($s: ProductSort) { products(sort: $s) { totalCount } }', variables: { s: 'NEWES' } });
    expect(messages(badSort)).toEqual(['Variable "$s" got invalid value "NEWES"; Value "NEWES" does not exist in "ProductSort" enum.']);
  });

  it('suggests none over graphql-ws either', async () => {
    const live = socket();
    await live.send({ type: 'connection_init' });
    await live.message('connection_ack');
    await live.send({ id: 's', type: 'subscribe', payload: { query: `subscription { stockLevelChanged(productIds: ["${DEMO_PRODUCTS[0].id}"]) { availabl } }` } });
    const error = await live.message('error');
    expect(error.payload).toMatchObject([{ message: 'Cannot query field "availabl" on type "StockLevel".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  });

  it("names no subgraph in a subgraph's refusal", async () => {
    const result = await execute(t.url, CancelSomeOrder, { id: 'no-such-order' }, { token: await t.token('prod-customer') });
    expect(result.errors).toEqual([{ message: 'Order no-such-order was not found', path: ['cancelOrder'], extensions: { code: 'NOT_FOUND', id: 'no-such-order' } }]);
  });

  it('answers a document nested too deep to parse without a stack overflow message', async () => {
    const answer = await post({ query: `{${'a {'.repeat(5_000)} b ${'}'.repeat(5_000)}}` });
    expect(answer.status).toBe(400);
    expect(messages(answer).join(' ')).not.toMatch(/call stack/i);
  });

  it('turns introspection off by default, but still answers __typename', async () => {
    const schema = await post({ query: '{ __schema { queryType { name } } }' });
    expect(schema.status).toBe(400);
    expect(schema.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(schema.body.data).toBeUndefined();
    expect((await post({ query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });

    const live = socket();
    await live.send({ type: 'connection_init' });
    await live.message('connection_ack');
    await live.send({ id: 'i', type: 'subscribe', payload: { query: '{ __type(name: "Order") { name } }' } });
    expect((await live.message('error')).payload).toMatchObject([{ message: expect.stringContaining('introspection has been disabled'), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  });

  it('refuses a WebSocket from a browser Origin by default, and takes clients that send none', async () => {
    expect(await socket({ origin: 'https://evil.example' }).opened()).toBe(403);
    expect(await socket().opened()).toBe(101);
  });

  it('names no subgraph when one is down', async () => {
    await t.stack.subgraphs.inventory.stop();
    const result = await execute(t.url, ProductStock, { id: DEMO_PRODUCTS[0].id });
    expect(result.errors).toEqual([
      { message: 'A service this operation needs is unavailable; try again later', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } },
    ]);
  });
});
