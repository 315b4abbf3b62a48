import { DEMO_ACCOUNTS, DEMO_PRODUCTS } from '../contracts/demo';
import { channels } from '../platform/messaging/pubsub';
import { StockLevelEntity } from '../subgraphs/inventory/stock.entity';
import { graphql } from './__generated__/index';
import { TestClock } from './support/clock';
import { connect } from './support/live';
import { RawSocket } from './support/raw-socket';
import { startTestStack, type TestStack } from './support/stack';

const WatchOneStock = graphql(`
  subscription WatchOneStock($productIds: [ID!]!) {
    stockLevelChanged(productIds: $productIds) { productId available }
  }
`);

const subscribeMessage = (id: string) => ({
  id,
  type: 'subscribe',
  payload: { query: 'subscription S($p: [ID!]!) { stockLevelChanged(productIds: $p) { available } }', variables: { p: [DEMO_PRODUCTS[0].id] } },
});

describe('graphql-ws protocol and limits at the gateway', () => {
  let t: TestStack;
  const sockets: RawSocket[] = [];
  const raw = (headers?: Record<string, string>) => {
    const socket = new RawSocket(t.url, headers);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await startTestStack({
      env: {
        WS_INIT_TIMEOUT_MS: '300',
        WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '2',
        WS_MAX_CONNECTIONS_PER_ADDRESS: '20',
        CORS_ORIGINS: 'https://shop.example',
      },
    });
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t.stop());

  it('closes with 4408 when connection_init does not come in time', async () => {
    expect(await raw().closedWith()).toBe(4408);
  });

  it('closes with 4429 on a second connection_init', async () => {
    const socket = raw();
    await socket.send({ type: 'connection_init' });
    await socket.message('connection_ack');
    await socket.send({ type: 'connection_init' });
    expect(await socket.closedWith()).toBe(4429);
  });

  it('closes with 4409 when a subscription id is used twice', async () => {
    const socket = raw();
    await socket.send({ type: 'connection_init' });
    await socket.message('connection_ack');
    await socket.send(subscribeMessage('same'));
    await socket.message('next');
    await socket.send(subscribeMessage('same'));
    expect(await socket.closedWith()).toBe(4409);
  });

  it('closes with 4400 on a message that is not graphql-transport-ws', async () => {
    const socket = raw();
    await socket.send({ type: 'connection_init' });
    await socket.message('connection_ack');
    await socket.send('{"type":"wat"}');
    expect(await socket.closedWith()).toBe(4400);
  });

  it.each([
    ['a tampered token', { authorization: 'Bearer not.a.token' }],
    ['a token signed with another key', { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' }],
    ['a malformed authorization', { authorization: 'Basic abc' }],
  ])('closes with 4403 for %s in connection_init', async (_what, payload) => {
    const socket = raw();
    await socket.send({ type: 'connection_init', payload });
    expect(await socket.closedWith()).toBe(4403);
  });

  it('refuses subscriptions beyond the per-connection limit and keeps the others', async () => {
    const socket = raw();
    await socket.send({ type: 'connection_init' });
    await socket.message('connection_ack');
    for (const id of ['1', '2', '3']) await socket.send(subscribeMessage(id));
    const refused = await socket.message('error');
    expect(refused.id).toBe('3');
    expect(refused.payload).toEqual([expect.objectContaining({ message: 'Too many subscriptions on this connection (limit 2)' })]);
    expect(socket.closeCode).toBeNull();
  });

  it('refuses browser connections from origins outside the allow-list, and allows listed ones', async () => {
    expect(await raw({ origin: 'https://evil.example' }).opened()).toBe(403);
    expect(await raw({ origin: 'https://shop.example' }).opened()).toBe(101);
  });

  it('refuses connections beyond the per-address limit with 429', async () => {
    const opened = await Promise.all(Array.from({ length: 20 }, () => raw().opened()));
    expect(opened.every((status) => status === 101)).toBe(true);
    expect(await raw().opened()).toBe(429);
  });
});

describe('subscriptions and token expiry', () => {
  const clock = new TestClock();
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack({ clock });
  });
  afterAll(() => t.stop());

  it('ends a subscription with UNAUTHENTICATED once the access token has expired', async () => {
    const [mug] = DEMO_PRODUCTS;
    const live = connect(t.url, { authorization: `Bearer ${await t.token(DEMO_ACCOUNTS[0].id)}` });
    try {
      const watch = live.subscribe(WatchOneStock, { productIds: [mug.id] });
      await watch.count(1);
      clock.advance((t.config.auth.accessTokenTtlSeconds + 1) * 1000);
      const em = t.stack.subgraphs.inventory.orm.em.fork();
      const level = await em.findOneOrFail(StockLevelEntity, { productId: mug.id });
      level.onHand += 1;
      level.version += 1;
      await em.flush();
      await t.stack.messaging.pubsub.publish(channels.stock(mug.id), { id: mug.id, version: level.version });
      await watch.done();
      expect(watch.data).toHaveLength(1);
      expect(watch.messages.at(-1)?.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    } finally {
      await live.dispose();
    }
  });
});
