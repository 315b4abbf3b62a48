import { randomUUID } from 'node:crypto';
import { UserEntity } from '../subgraphs/users/user.entity';
import { graphql } from './__generated__/index';
import type { OrderFilter, OrderSort } from './__generated__/graphql';
import { codesOf, execute } from './support/graphql';
import { connect, type LiveClient } from './support/live';
import { orderTools, PlaceOrder } from './support/orders';
import { paidOrder } from './support/shopping';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const StaffOrders = graphql(`
  query StaffOrders($first: Int, $after: String, $filter: OrderFilter, $sort: OrderSort) {
    orders(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id status total { amount } customer { id email } lines { product { id sku } } } }
    }
  }
`);

const StaffUsers = graphql(`
  query StaffUsers($first: Int, $after: String, $search: String) {
    users(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id email name roles } }
    }
  }
`);

const StaffUser = graphql(`
  query StaffUser($id: ID!) {
    user(id: $id) { id email roles orders(first: 5) { totalCount } }
  }
`);

const Board = graphql(`
  subscription StaffBoard($filter: OrderChangeFilter) {
    ordersChanged(filter: $filter) { id status total { amount } customer { id email } }
  }
`);

describe('staff queries', () => {
  let t: TestStack;
  const tools = orderTools(() => t);
  const tag = randomUUID().slice(0, 8);
  let agent: string;
  let admin: string;
  let cheap: string;
  let dear: string;
  let alice: string;
  let bob: string;
  let aliceUnpaid: string;
  let alicePaid: string;
  let bobPaid: string;

  const customer = async (name: string): Promise<string> => {
    const id = `customer-${randomUUID()}`;
    await t.stack.subgraphs.users.orm.em.fork().persist(
      Object.assign(new UserEntity(), { id, email: `${name.split(' ')[0].toLowerCase()}-${tag}@example.test`, name, passwordHash: 'not-used' }),
    ).flush();
    return id;
  };
  const ids = async (filter: OrderFilter, sort?: OrderSort, token = agent) => {
    const result = await execute(t.url, StaffOrders, { first: 50, filter, sort }, { token });
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.orders.edges.map((e) => e.node.id);
  };

  beforeAll(async () => {
    t = await startTestStack();
    agent = await t.token('demo-user-agent', 'CUSTOMER', 'AGENT');
    admin = await t.token('demo-user-admin', 'CUSTOMER', 'AGENT', 'ADMIN');
    cheap = await tools.product({ priceAmount: 1000 });
    dear = await tools.product({ priceAmount: 3000 });
    alice = await customer(`Alice Zephyr${tag}`);
    bob = await customer(`Bob Quill${tag}`);
    const placed = await execute(t.url, PlaceOrder, { input: { lines: [{ productId: cheap, quantity: 1 }] } }, { token: await t.token(alice) });
    aliceUnpaid = placed.data!.placeOrder.id;
    alicePaid = await paidOrder(t, tools, alice, [dear]);
    bobPaid = await paidOrder(t, tools, bob, [cheap, dear]);
  }, 60_000);
  afterAll(() => t?.stop());

  describe('orders', () => {
    it("lists every customer's orders to staff, newest first, with the customer and lines from other subgraphs", async () => {
      const result = await execute(t.url, StaffOrders, { first: 50, filter: { search: tag } }, { token: agent });
      expect(result.data!.orders.edges.map((e) => e.node.id)).toEqual([bobPaid, alicePaid, aliceUnpaid]);
      expect(result.data!.orders.edges[0].node).toMatchObject({ status: 'PAID', total: { amount: 4000 }, customer: { id: bob, email: `bob-${tag}@example.test` } });
      expect(result.data!.orders.totalCount).toBe(3);
    });

    it('filters by customer, status, product, placing time and search, all together', async () => {
      expect(await ids({ customer: alice })).toEqual([alicePaid, aliceUnpaid]);
      expect(await ids({ customer: alice, status: ['PAID'] })).toEqual([alicePaid]);
      expect(await ids({ productId: cheap })).toEqual([bobPaid, aliceUnpaid]);
      expect(await ids({ productId: cheap, status: ['PAID', 'SHIPPED'] })).toEqual([bobPaid]);
      expect(await ids({ search: `zephyr${tag}` })).toEqual([alicePaid, aliceUnpaid]);
      expect(await ids({ search: `BOB-${tag}`.toUpperCase() })).toEqual([bobPaid]);
      expect(await ids({ search: bobPaid.slice(-12) })).toEqual([bobPaid]);
      const placedAt = (await tools.order(alicePaid)).createdAt;
      expect(await ids({ search: tag, placedBetween: { from: placedAt.toISOString() } })).toEqual([bobPaid, alicePaid]);
      expect(await ids({ search: tag, placedBetween: { to: placedAt.toISOString() } })).toEqual([aliceUnpaid]);
      expect(await ids({ search: `nobody-${tag}` })).toEqual([]);
    });

    it('sorts and pages stably', async () => {
      expect(await ids({ search: tag }, 'TOTAL_DESC')).toEqual([bobPaid, alicePaid, aliceUnpaid]);
      expect(await ids({ search: tag }, 'OLDEST')).toEqual([aliceUnpaid, alicePaid, bobPaid]);
      const first = await execute(t.url, StaffOrders, { first: 2, filter: { search: tag }, sort: 'TOTAL_ASC' }, { token: agent });
      expect(first.data!.orders.pageInfo.hasNextPage).toBe(true);
      const next = await execute(t.url, StaffOrders, { first: 2, after: first.data!.orders.pageInfo.endCursor, filter: { search: tag }, sort: 'TOTAL_ASC' }, { token: agent });
      expect([...first.data!.orders.edges, ...next.data!.orders.edges].map((e) => e.node.id)).toEqual([aliceUnpaid, alicePaid, bobPaid]);
      expect(next.data!.orders.pageInfo.hasNextPage).toBe(false);
    });

    it('refuses customers and anonymous callers, and bad filters with the field named', async () => {
      expect(codesOf(await execute(t.url, StaffOrders, { filter: {} }, { token: await t.token(alice) }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await execute(t.url, StaffOrders, { filter: {} }))).toEqual(['UNAUTHENTICATED']);
      const backwards = await execute(t.url, StaffOrders, { filter: { placedBetween: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } } }, { token: agent });
      expect(backwards.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.placedBetween' } });
      const wildcard = await execute(t.url, StaffOrders, { filter: { productId: '%' } }, { token: agent });
      expect(wildcard.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.productId' } });
      const long = await execute(t.url, StaffOrders, { filter: { search: 's'.repeat(101) } }, { token: agent });
      expect(long.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.search' } });
      expect(codesOf(await execute(t.url, StaffOrders, { first: 101 }, { token: agent }))).toEqual(['BAD_USER_INPUT']);
    });

    it('refuses a search naming more than 1,000 customers rather than cutting it short', async () => {
      const crowd = `crowd${randomUUID().slice(0, 8)}`;
      const em = t.stack.subgraphs.users.orm.em.fork();
      for (let i = 0; i < 1_001; i += 1) {
        em.persist(Object.assign(new UserEntity(), { email: `${crowd}-${i}@example.test`, name: 'Crowd', passwordHash: 'not-used' }));
      }
      await em.flush();
      const broad = await execute(t.url, StaffOrders, { filter: { search: crowd } }, { token: agent });
      expect(broad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.search' } });
      expect(broad.errors?.[0]?.message).toMatch(/names more than 1000 customers/);
    });
  });

  describe('users', () => {
    it('lets an ADMIN find accounts by email or name and read one by id, with their orders', async () => {
      const found = await execute(t.url, StaffUsers, { search: tag }, { token: admin });
      expect(found.data!.users.edges.map((e) => e.node.id)).toEqual([alice, bob]);
      expect(found.data!.users.edges[0].node).toMatchObject({ email: `alice-${tag}@example.test`, roles: ['CUSTOMER'] });
      expect((await execute(t.url, StaffUsers, { search: `QUILL${tag}` }, { token: admin })).data!.users.edges.map((e) => e.node.id)).toEqual([bob]);

      const page = await execute(t.url, StaffUsers, { first: 1, search: tag }, { token: admin });
      const next = await execute(t.url, StaffUsers, { first: 1, search: tag, after: page.data!.users.pageInfo.endCursor }, { token: admin });
      expect(next.data!.users.edges.map((e) => e.node.id)).toEqual([bob]);

      const one = await execute(t.url, StaffUser, { id: alice }, { token: admin });
      expect(one.data!.user).toEqual({ id: alice, email: `alice-${tag}@example.test`, roles: ['CUSTOMER'], orders: { totalCount: 2 } });
      expect((await execute(t.url, StaffUser, { id: 'no-such-user' }, { token: admin })).data!.user).toBeNull();
    });

    it('refuses agents and customers', async () => {
      expect(codesOf(await execute(t.url, StaffUsers, { search: tag }, { token: agent }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await execute(t.url, StaffUser, { id: alice }, { token: await t.token(alice) }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await execute(t.url, StaffUsers, { search: 's'.repeat(101) }, { token: admin }))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('the live order board', () => {
    const clients: LiveClient[] = [];
    const live = async (token: string) => {
      const client = connect(t.url, { authorization: `Bearer ${token}` });
      clients.push(client);
      return client;
    };
    afterAll(async () => {
      await Promise.all(clients.map((client) => client.dispose()));
    });

    it('pushes every matching order change to staff, with fields from other subgraphs, and refuses customers', async () => {
      const paidBoard = (await live(agent)).subscribe(Board, { filter: { status: ['PAID'] } });
      const aliceBoard = (await live(agent)).subscribe(Board, { filter: { customer: alice } });
      const productBoard = (await live(admin)).subscribe(Board, { filter: { productId: dear, status: ['AWAITING_PAYMENT'] } });
      const refused = (await live(await t.token(alice))).subscribe(Board, {});
      await refused.done();
      expect(refused.messages.map((m) => m.errors?.map((e) => e.extensions?.code))).toEqual([['FORBIDDEN']]);
      expect(refused.data).toEqual([]);
      // Nothing is pushed before a change: a board queries orders first for the current state.
      await waitFor(() => t.stack.gateway.subscriptionStats.subscribers >= 3);

      const alicesNext = await paidOrder(t, tools, alice, [dear]);
      const bobsNext = await paidOrder(t, tools, bob, [cheap]);
      await waitFor(() => paidBoard.data.length >= 2 && aliceBoard.data.some((d) => d.ordersChanged.status === 'PAID'));
      expect(paidBoard.data.map((d) => [d.ordersChanged.id, d.ordersChanged.status])).toEqual([
        [alicesNext, 'PAID'],
        [bobsNext, 'PAID'],
      ]);
      expect(paidBoard.data[1].ordersChanged.customer).toEqual({ id: bob, email: `bob-${tag}@example.test` });
      expect(aliceBoard.data.map((d) => [d.ordersChanged.id, d.ordersChanged.status])).toEqual([
        [alicesNext, 'AWAITING_PAYMENT'],
        [alicesNext, 'PAID'],
      ]);
      await waitFor(() => productBoard.data.length >= 1);
      expect(productBoard.data.map((d) => d.ordersChanged.id)).toEqual([alicesNext]);
    });
  });
});
