import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { CACHE_HEADER } from '../gateway/response-cache.plugin';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import type { TestStack } from './support/stack';
import { startTwoGateways, type TwoGateways } from './support/two-gateways';
import { waitFor } from './support/wait-for';

const SharedListing = graphql(`
  query SharedCacheListing { products(first: 50, sort: NAME_ASC) { edges { node { id price { amount } } } } }
`);

const SharedSetPrice = graphql(`
  mutation SharedCacheSetPrice($id: ID!, $priceAmount: Int!) { updateProduct(id: $id, input: { priceAmount: $priceAmount }) { id } }
`);


async function ask<TData>(url: string, document: TypedDocumentNode<TData, Record<string, never>>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: print(document) }) });
  return { cache: response.headers.get(CACHE_HEADER), body: (await response.json()) as { data?: TData } };
}

describe('the response cache across gateway processes (Redis)', () => {
  let t: TestStack;
  let gateways: TwoGateways;
  let secondUrl: string;

  beforeAll(async () => {
    gateways = await startTwoGateways();
    ({ t, secondUrl } = gateways);
  });
  afterAll(() => gateways.stop());

  it('shares an answer one gateway cached with the other, and evicts it for both on a change notice', async () => {
    const product = DEMO_PRODUCTS[0];
    expect((await ask(t.url, SharedListing)).cache).toBe('miss');
    const shared = await ask(secondUrl, SharedListing);
    expect(shared.cache).toBe('hit');

    const agent = await t.token('shared-cache-agent', 'CUSTOMER', 'AGENT');
    expect((await execute(t.url, SharedSetPrice, { id: product.id, priceAmount: 54_321 }, { token: agent })).errors).toBeUndefined();

    const priceIn = (answer: Awaited<ReturnType<typeof ask<typeof shared.body.data>>>) =>
      answer.body.data?.products.edges.find((e) => e.node.id === product.id)?.node.price.amount;
    // The notice travels through Redis to both gateways; either evicts the shared entry.
    await waitFor(async () => priceIn(await ask(secondUrl, SharedListing)) === 54_321);
    expect(priceIn(await ask(t.url, SharedListing))).toBe(54_321);
  });
});
