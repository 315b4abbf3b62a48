import { DEMO_PRODUCTS } from '../contracts/demo';
import { channels } from '../platform/messaging/pubsub';
import { StockLevelEntity } from '../subgraphs/inventory/stock.entity';
import { graphql } from './__generated__/index';
import { connect, type LiveClient } from './support/live';
import { ThrowawayRedis } from './support/redis-server';
import { startTestStack, type TestStack } from './support/stack';
import { startTwoGateways, type TwoGateways } from './support/two-gateways';
import { waitFor } from './support/wait-for';

const WatchMugStock = graphql(`
  subscription WatchMugStock($productIds: [ID!]!) {
    stockLevelChanged(productIds: $productIds) { productId onHand }
  }
`);

const [mug] = DEMO_PRODUCTS;

/** Changes stock as inventory does; `announce: false` simulates a notice lost while Redis is down. */
async function setOnHand(t: TestStack, onHand: number, announce: boolean): Promise<void> {
  const em = t.stack.subgraphs.inventory.orm.em.fork();
  const level = await em.findOneOrFail(StockLevelEntity, { productId: mug.id });
  level.onHand = onHand;
  level.version += 1;
  await em.flush();
  if (announce) await t.stack.messaging.pubsub.publish(channels.stock(mug.id), { id: mug.id, version: level.version });
}

describe('subscriptions across gateway processes (Redis)', () => {
  let t: TestStack;
  let gateways: TwoGateways;
  let secondUrl: string;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    gateways = await startTwoGateways();
    ({ t, secondUrl } = gateways);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await gateways.stop();
  });

  it('delivers one change to the clients of both gateways', async () => {
    const first = connect(t.url);
    const other = connect(secondUrl);
    clients.push(first, other);
    const a = first.subscribe(WatchMugStock, { productIds: [mug.id] });
    const b = other.subscribe(WatchMugStock, { productIds: [mug.id] });
    await a.count(1);
    await b.count(1);
    await setOnHand(t, 77, true);
    await a.count(2);
    await b.count(2);
    expect(a.data[1].stockLevelChanged.onHand).toBe(77);
    expect(b.data[1].stockLevelChanged.onHand).toBe(77);
  });
});

describe('subscriptions when Redis restarts', () => {
  let redis: ThrowawayRedis;
  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
  });
  afterAll(() => redis.stop());

  // Restarting a server and reconnecting takes seconds, more on a loaded 2-core machine: a longer timeout.
  it('keeps clients connected and sends the current state again after Redis comes back', async () => {
    const t = await startTestStack({ env: { REDIS_URL: redis.url, REDIS_PREFIX: 'restart-test' } });
    const live = connect(t.url);
    try {
      const watch = live.subscribe(WatchMugStock, { productIds: [mug.id] });
      await watch.count(1);
      await redis.stop();
      // The change happens while Redis is down: its notice never reaches the gateway.
      await setOnHand(t, 5, false);
      await redis.start();
      await waitFor(() => watch.data.some((d) => d.stockLevelChanged.onHand === 5), { timeout: 60_000 });
      expect(watch.completed).toBe(false);
      expect(watch.error).toBeNull();
      expect(watch.data.map((d) => d.stockLevelChanged.onHand)).toEqual([mug.onHand, 5]);
    } finally {
      await live.dispose();
      await t.stop();
    }
  }, 120_000);
});
