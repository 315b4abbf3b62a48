import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isObjectType } from 'graphql';
import { projectRoot } from '../platform/project';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';

const CreateProduct = graphql(`
  mutation ConnectionsCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) { id }
  }
`);

const Products = graphql(`
  query ConnectionsProducts($first: Int, $after: String, $last: Int, $before: String, $filter: ProductFilter) {
    products(first: $first, after: $after, last: $last, before: $before, filter: $filter, sort: NEWEST) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id } }
    }
  }
`);

const Users = graphql(`
  query ConnectionsUsers($last: Int, $before: String) {
    users(last: $last, before: $before) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { email } }
    }
  }
`);

describe('every connection in the schema', () => {
  const schema = buildSchema(readFileSync(path.join(projectRoot(), 'schema', 'api.graphql'), 'utf8'));

  it('pages both ways: first/after and last/before on every field returning a connection', () => {
    const connectionFields = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) => Object.values(type.getFields()).map((field) => ({ name: `${type.name}.${field.name}`, field })))
      .filter(({ field }) => getNamedType(field.type).name.endsWith('Connection'));
    expect(connectionFields.length).toBeGreaterThanOrEqual(10);
    for (const { name, field } of connectionFields) {
      expect([name, field.args.map((arg) => arg.name).filter((arg) => ['first', 'after', 'last', 'before'].includes(arg)).sort()]).toEqual([
        name,
        ['after', 'before', 'first', 'last'],
      ]);
    }
  });

  it('has a full PageInfo', () => {
    const pageInfo = schema.getType('PageInfo');
    if (!isObjectType(pageInfo)) throw new Error('PageInfo is not an object type');
    expect(Object.keys(pageInfo.getFields()).sort()).toEqual(['endCursor', 'hasNextPage', 'hasPreviousPage', 'startCursor']);
  });
});

describe('paging through the gateway', () => {
  let t: TestStack;
  let agent: string;
  const tag = `PAGE${randomUUID().slice(0, 6).toUpperCase()}`;
  const filter = { search: tag };
  const created: string[] = [];

  const create = async (n: number): Promise<string> => {
    const result = await execute(t.url, CreateProduct, { input: { sku: `${tag}-${n}`, name: `${tag} item ${n}`, priceAmount: 100 + n, currency: 'EUR' } }, { token: agent });
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.createProduct.id;
  };
  const page = async (variables: { first?: number; after?: string | null; last?: number; before?: string | null }) => {
    const result = await execute(t.url, Products, { ...variables, filter });
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.products;
  };
  const ids = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((edge) => edge.node.id);

  beforeAll(async () => {
    t = await startTestStack();
    agent = await t.token('paging-agent', 'AGENT');
    for (let n = 0; n < 7; n += 1) created.push(await create(n));
  });
  afterAll(() => t.stop());

  it('pages forward, then back from the end over the same items, with exact PageInfo at both ends despite inserts between pages', async () => {
    const newestFirst = [...created].reverse();
    const one = await page({ first: 3 });
    expect(ids(one)).toEqual(newestFirst.slice(0, 3));
    expect(one.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: one.edges[0].cursor, endCursor: one.edges[2].cursor });

    // A product created while the client pages sorts first (newest): it shifts nothing after the cursor.
    const inserted = await create(7);
    const two = await page({ first: 3, after: one.pageInfo.endCursor });
    expect(ids(two)).toEqual(newestFirst.slice(3, 6));
    expect(two.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const three = await page({ first: 3, after: two.pageInfo.endCursor });
    expect(ids(three)).toEqual(newestFirst.slice(6));
    expect(three.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(three.totalCount).toBe(8);

    const backTwo = await page({ last: 3, before: three.pageInfo.startCursor });
    expect(ids(backTwo)).toEqual(ids(two));
    expect(backTwo.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: two.pageInfo.startCursor, endCursor: two.pageInfo.endCursor });
    const backOne = await page({ last: 3, before: backTwo.pageInfo.startCursor });
    expect(ids(backOne)).toEqual(ids(one));
    // The inserted product now lies before the first page.
    expect(backOne.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const head = await page({ last: 3, before: backOne.pageInfo.startCursor });
    expect(ids(head)).toEqual([inserted]);
    expect(head.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('reads the last page with last alone, and an empty page with first: 0', async () => {
    const tail = await page({ last: 2 });
    expect(ids(tail)).toEqual(created.slice(0, 2).reverse());
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const empty = await page({ first: 0 });
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it('pages backward on the other connections too', async () => {
    const admin = await t.token('paging-admin', 'ADMIN');
    const everyone = await execute(t.url, Users, { last: 100 }, { token: admin });
    const emails = everyone.data?.users.edges.map((edge) => edge.node.email) ?? [];
    expect(emails.length).toBeGreaterThan(1);
    const tail = await execute(t.url, Users, { last: 1 }, { token: admin });
    expect(tail.data?.users.edges.map((edge) => edge.node.email)).toEqual(emails.slice(-1));
    expect(tail.data?.users.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it.each([
    ['first and last together', { first: 2, last: 2 }, 'last'],
    ['a negative first', { first: -1 }, 'first'],
    ['a last over the maximum', { last: 101 }, 'last'],
    ['a cursor this API did not make', { first: 2, before: 'not-a-cursor' }, 'before'],
    ['an after cursor of the wrong shape', { first: 2, after: Buffer.from('{"a":1}').toString('base64url') }, 'after'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_name, variables, field) => {
    const result = await execute(t.url, Products, { ...variables, filter });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
