import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { DEMO_ACCOUNTS, DEMO_PRODUCTS } from '../contracts/demo';
import { channels, type PublicEntityType } from '../platform/messaging/pubsub';
import { CACHE_HEADER } from '../gateway/response-cache.plugin';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const CachedListing = graphql(`
  query CachedListing($first: Int) {
    products(first: $first, sort: NAME_ASC) {
      totalCount
      edges { node { id name status price { amount currency } stock { available } } }
    }
  }
`);

const CachedProductPage = graphql(`
  query CachedProductPage($id: ID!) {
    product(id: $id) { name price { amount } stock { available } }
  }
`);

const PersonalDocument = graphql(`
  query CachePersonalDocument { me { id email } }
`);

const SetPrice = graphql(`
  mutation CacheSetPrice($id: ID!, $priceAmount: Int!) { updateProduct(id: $id, input: { priceAmount: $priceAmount }) { id } }
`);

const SetStock = graphql(`
  mutation CacheSetStock($productId: ID!, $onHand: Int!) { setStock(productId: $productId, onHand: $onHand) { available } }
`);

const Archive = graphql(`
  mutation CacheArchive($id: ID!) { archiveProduct(id: $id) { id } }
`);

/** POSTs over real HTTP and returns the answer with the cache's verdict header. */
async function ask<TData, TVariables>(url: string, document: TypedDocumentNode<TData, TVariables>, variables: TVariables, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TData; errors?: unknown[] };
  return { cache: response.headers.get(CACHE_HEADER), data: body.data, errors: body.errors };
}

describe('response caching of public reads', () => {
  let t: TestStack;
  let agent: string;
  const notices: Array<{ type: PublicEntityType; id: string }> = [];

  beforeAll(async () => {
    t = await startTestStack();
    agent = await t.token('cache-agent', 'CUSTOMER', 'AGENT');
    for (const type of ['Product', 'StockLevel'] as const) {
      await t.stack.messaging.pubsub.subscribe(channels.changes(type), (notice) => notices.push({ type, id: notice.id }));
    }
  });
  afterAll(() => t?.stop());

  /** Runs `change` and resolves once its notice reached this process (and, subscribed earlier, the gateway). */
  async function changeAndWaitForNotice(type: PublicEntityType, id: string, change: () => Promise<unknown>): Promise<void> {
    const seen = notices.length;
    await change();
    await waitFor(() => notices.slice(seen).some((n) => n.type === type && n.id === id));
  }

  const listing = () => ask(t.url, CachedListing, { first: 50 });
  const nodeOf = (answer: Awaited<ReturnType<typeof listing>>, id: string) => answer.data?.products.edges.find((e) => e.node.id === id)?.node;

  it('answers a repeated anonymous listing from the cache', async () => {
    const first = await listing();
    expect(first.errors).toBeUndefined();
    const second = await listing();
    expect(second.cache).toBe('hit');
    expect(second.data).toEqual(first.data);
  });

  it('shows a new price in the cached listing and product page as soon as the notice arrives', async () => {
    const product = DEMO_PRODUCTS[0];
    await listing();
    await ask(t.url, CachedProductPage, { id: product.id });
    expect((await listing()).cache).toBe('hit');
    expect((await ask(t.url, CachedProductPage, { id: product.id })).cache).toBe('hit');

    await changeAndWaitForNotice('Product', product.id, () => execute(t.url, SetPrice, { id: product.id, priceAmount: 12_345 }, { token: agent }));

    const after = await listing();
    expect(after.cache).toBe('miss');
    expect(nodeOf(after, product.id)?.price.amount).toBe(12_345);
    const page = await ask(t.url, CachedProductPage, { id: product.id });
    expect(page.cache).toBe('miss');
    expect(page.data?.product?.price.amount).toBe(12_345);
  });

  it('shows a new stock level in the cached listing as soon as the notice arrives', async () => {
    const product = DEMO_PRODUCTS[1];
    await listing();
    expect((await listing()).cache).toBe('hit');

    await changeAndWaitForNotice('StockLevel', product.id, () => execute(t.url, SetStock, { productId: product.id, onHand: 777 }, { token: agent }));

    const after = await listing();
    expect(after.cache).toBe('miss');
    expect(nodeOf(after, product.id)?.stock.available).toBe(777);
  });

  it('drops an archived product from the cached anonymous listing as soon as the notice arrives', async () => {
    const product = DEMO_PRODUCTS[2];
    const before = await listing();
    expect(nodeOf(before, product.id)).toBeDefined();
    expect((await listing()).cache).toBe('hit');

    await changeAndWaitForNotice('Product', product.id, () => execute(t.url, Archive, { id: product.id }, { token: agent }));

    const after = await listing();
    expect(nodeOf(after, product.id)).toBeUndefined();
    expect(after.data?.products.totalCount).toBe(before.data!.products.totalCount - 1);
  });

  it('never caches for a caller: a logged-in listing is computed every time', async () => {
    const customer = await t.token('cache-customer');
    await ask(t.url, CachedListing, { first: 50 }, customer);
    const again = await ask(t.url, CachedListing, { first: 50 }, customer);
    expect(again.cache).toBeNull();
    expect(again.errors).toBeUndefined();
  });

  it('never mixes two users identical personal documents sent concurrently', async () => {
    const tokens = await Promise.all(DEMO_ACCOUNTS.map((account) => t.token(account.id, ...account.roles)));
    const answers = await Promise.all(Array.from({ length: 40 }, (_, n) => ask(t.url, PersonalDocument, {}, tokens[n % tokens.length])));
    answers.forEach((answer, n) => {
      expect(answer.cache).toBeNull();
      expect(answer.data?.me).toEqual({ id: DEMO_ACCOUNTS[n % tokens.length].id, email: DEMO_ACCOUNTS[n % tokens.length].email });
    });
  });
});
