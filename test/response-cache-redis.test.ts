import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { startGateway, type RunningGateway } from '../gateway/gateway';
import { CACHE_HEADER } from '../gateway/response-cache.plugin';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { createLogger } from '../platform/log';
import { RedisPubSub } from '../platform/messaging/pubsub.redis';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const SharedListing = graphql(`
  query SharedCacheListing { products(first: 50, sort: NAME_ASC) { edges { node { id price { amount } } } } }
`);

const SharedSetPrice = graphql(`
  mutation SharedCacheSetPrice($id: ID!, $priceAmount: Int!) { updateProduct(id: $id, input: { priceAmount: $priceAmount }) { id } }
`);

const quiet = createLogger('test', 'error', () => undefined);

async function ask<TData>(url: string, document: TypedDocumentNode<TData, Record<string, never>>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: print(document) }) });
  return { cache: response.headers.get(CACHE_HEADER), body: (await response.json()) as { data?: TData } };
}

describe('the response cache across gateway processes (Redis)', () => {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `test-${randomUUID()}`;
  let t: TestStack;
  let second: RunningGateway;
  let secondPubSub: RedisPubSub;

  beforeAll(async () => {
    t = await startTestStack({ env: { REDIS_URL: redisUrl, REDIS_PREFIX: prefix } });
    secondPubSub = await RedisPubSub.create({ url: redisUrl, prefix });
    second = await startGateway({
      config: t.config,
      log: quiet,
      port: 0,
      pubsub: secondPubSub,
      subgraphUrls: Object.fromEntries(Object.values(t.stack.subgraphs).map((s) => [s.name, s.url])),
    });
  });
  afterAll(async () => {
    await second.stop();
    await secondPubSub.close();
    await t.stop();
  });

  it('shares an answer one gateway cached with the other, and evicts it for both on a change notice', async () => {
    const product = DEMO_PRODUCTS[0];
    expect((await ask(t.url, SharedListing)).cache).toBe('miss');
    const shared = await ask(second.url, SharedListing);
    expect(shared.cache).toBe('hit');

    const agent = await t.token('shared-cache-agent', 'CUSTOMER', 'AGENT');
    expect((await execute(t.url, SharedSetPrice, { id: product.id, priceAmount: 54_321 }, { token: agent })).errors).toBeUndefined();

    const priceIn = (answer: Awaited<ReturnType<typeof ask<typeof shared.body.data>>>) =>
      answer.body.data?.products.edges.find((e) => e.node.id === product.id)?.node.price.amount;
    // The notice travels through Redis to both gateways; either evicts the shared entry.
    await waitFor(async () => priceIn(await ask(second.url, SharedListing)) === 54_321);
    expect(priceIn(await ask(t.url, SharedListing))).toBe(54_321);
  });
});
