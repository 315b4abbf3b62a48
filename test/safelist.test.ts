import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse, type GraphQLFormattedError } from 'graphql';
import { Metrics } from '../platform/metrics';
import { projectRoot } from '../platform/project';
import { connect } from './support/live';
import { gatewayFetches, startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

/**
 * Persisted operations through the real gateway: the manifest codegen writes
 * from client/operations is served by id, and with SAFELIST=true nothing
 * else runs, for anyone.
 */

const manifest = JSON.parse(readFileSync(path.join(projectRoot(), 'client', '__generated__', 'persisted-documents.json'), 'utf8')) as Record<string, string>;
const idOf = (name: string): string => {
  const entry = Object.entries(manifest).find(([, document]) => document.includes(` ${name}(`) || document.includes(` ${name} `));
  if (!entry) throw new Error(`${name} is not in the manifest`);
  return entry[0];
};
const PRODUCTS = idOf('StorefrontProducts');
const UNLISTED = '{ products(first: 1) { totalCount } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Answer {
  readonly status: number;
  readonly data?: unknown;
  readonly errors?: readonly GraphQLFormattedError[];
}

async function post(url: string, body: Record<string, unknown>, token?: string): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

const NOT_IN_LIST = {
  status: 400,
  errors: [
    {
      message: 'Only listed operations run here (SAFELIST=true): send the id of an operation in the persisted-operations manifest',
      extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' },
    },
  ],
};

describe('SAFELIST=true', () => {
  let t: TestStack;
  const metrics = new Metrics();
  beforeAll(async () => {
    t = await startTestStack({ env: { SAFELIST: 'true' }, metrics });
  });
  afterAll(() => t.stop());

  it('runs a listed operation sent by its id, as documentId or as Apollo\'s persistedQuery hash (POST and GET)', async () => {
    const byId = await post(t.url, { documentId: PRODUCTS, variables: { first: 1 } });
    expect(byId).toMatchObject({ status: 200, data: { products: { edges: [{ node: { id: expect.any(String) } }] } } });
    const byHash = await post(t.url, { extensions: { persistedQuery: { version: 1, sha256Hash: PRODUCTS.slice('sha256:'.length) } }, variables: { first: 1 } });
    expect(byHash).toEqual({ status: 200, data: byId.data });
    const get = await fetch(`${t.url}?documentId=${encodeURIComponent(PRODUCTS)}&variables=${encodeURIComponent('{"first":1}')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect({ status: get.status, ...((await get.json()) as object) }).toEqual({ status: 200, data: byId.data });
  });

  it('runs the exact text of a listed operation', async () => {
    expect(await post(t.url, { query: manifest[PRODUCTS], variables: { first: 1 } })).toMatchObject({ status: 200, data: { products: expect.any(Object) } });
  });

  it('refuses any other text, for staff too, before anything runs', async () => {
    const before = await gatewayFetches(metrics);
    expect(before).toBeGreaterThan(0);
    expect(await post(t.url, { query: UNLISTED })).toEqual(NOT_IN_LIST);
    expect(await post(t.url, { query: UNLISTED }, await t.token('safelist-admin', 'ADMIN'))).toEqual(NOT_IN_LIST);
    // Registering it as an automatic persisted query is refused the same way.
    expect(await post(t.url, { query: UNLISTED, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(UNLISTED) } } })).toEqual(NOT_IN_LIST);
    expect(await post(t.url, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(UNLISTED) } } })).toEqual(NOT_IN_LIST);
    const get = await fetch(`${t.url}?query=${encodeURIComponent(UNLISTED)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect({ status: get.status, ...((await get.json()) as object) }).toEqual(NOT_IN_LIST);
    expect(await gatewayFetches(metrics)).toBe(before);
  });

  it('refuses an unknown id', async () => {
    expect(await post(t.url, { documentId: `sha256:${'0'.repeat(64)}` })).toEqual(NOT_IN_LIST);
  });

  it('refuses an unlisted subscription over WebSocket, and runs a listed one', async () => {
    const live = connect(t.url);
    try {
      const unlisted = live.subscribe(parse('subscription Unlisted($ids: [ID!]!) { stockLevelChanged(productIds: $ids) { productId } }') as TypedDocumentNode<unknown, { ids: string[] }>, { ids: ['x'] });
      await unlisted.done();
      expect(unlisted.error).toEqual([{ message: NOT_IN_LIST.errors[0].message, extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } }]);
      const products = await post(t.url, { documentId: PRODUCTS, variables: { first: 1 } });
      const productId = (products.data as { products: { edges: Array<{ node: { id: string } }> } }).products.edges[0].node.id;
      // By id: the listed document's exact text is not needed over the socket either.
      const received: unknown[] = [];
      const stop = live.client.subscribe(
        { query: '', variables: { productIds: [productId] }, extensions: { persistedQuery: { version: 1, sha256Hash: idOf('StorefrontStock').slice('sha256:'.length) } } },
        { next: (message) => received.push(message), error: (error) => received.push({ error }), complete: () => undefined },
      );
      await waitFor(() => received.length > 0);
      stop();
      expect(received).toEqual([{ data: { stockLevelChanged: { productId, available: expect.any(Number) } } }]);
    } finally {
      await live.dispose();
    }
  });
});

describe('persisted operations without the safelist (development)', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(() => t.stop());

  it('serves listed operations by id and still runs any text', async () => {
    expect(await post(t.url, { documentId: PRODUCTS, variables: { first: 1 } })).toMatchObject({ status: 200, data: { products: expect.any(Object) } });
    expect(await post(t.url, { query: UNLISTED })).toMatchObject({ status: 200, data: { products: { totalCount: expect.any(Number) } } });
  });

  it('keeps automatic persisted queries: a hash unknown at first, then registered with its text', async () => {
    const persistedQuery = { version: 1, sha256Hash: sha256(UNLISTED) };
    expect(await post(t.url, { extensions: { persistedQuery } })).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
    expect(await post(t.url, { query: UNLISTED, extensions: { persistedQuery } })).toMatchObject({ status: 200 });
    expect(await post(t.url, { extensions: { persistedQuery } })).toMatchObject({ status: 200, data: { products: { totalCount: expect.any(Number) } } });
  });

  it('answers an unknown documentId with PERSISTED_QUERY_NOT_FOUND', async () => {
    expect(await post(t.url, { documentId: `sha256:${'0'.repeat(64)}` })).toMatchObject({ status: 400, errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
  });
});
