import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RELEASE_RESERVATION, RETURN_RESERVATION } from '../contracts/inventory-api';
import { loadConfig } from '../platform/config';
import { createLogger } from '../platform/log';
import { openMessaging } from '../platform/messaging/messaging';
import { startSubgraph } from '../platform/subgraph';
import { inventory as inventoryModule } from '../subgraphs/inventory/inventory.module';
import { StockMovementEntity } from '../subgraphs/inventory/stock-movement.entity';
import { StockLevelEntity } from '../subgraphs/inventory/stock.entity';
import { DEFAULT_WAREHOUSE, WarehouseEntity, WarehouseStockEntity } from '../subgraphs/inventory/warehouse.entity';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { TestClock } from './support/clock';
import { startTestStack, type TestStack } from './support/stack';
import { callSubgraph } from './support/subgraph';

/**
 * test/fixtures/inventory-before-warehouses.sqlite was written by the
 * inventory subgraph as it was before warehouses (commit 988d5ea), through
 * the gateway and the internal API, with the clock at 2030-01-01T00:00Z:
 * demo stock seeded, demo-product-0001 set to 30 on hand, order
 * "legacy-active" holding 3 of 0001 and 2 of 0002 (ACTIVE), order
 * "legacy-committed" holding 4 of 0003, committed.
 */
const FIXTURE = path.join(__dirname, 'fixtures', 'inventory-before-warehouses.sqlite');
const WRITTEN_AT = Date.UTC(2030, 0, 1);

describe('start-up migration of stock from before warehouses', () => {
  let dataDir: string;
  let t: TestStack;
  const clock = new TestClock(new Date(WRITTEN_AT + 60_000));
  const inventory = () => t.stack.subgraphs.inventory.orm.em.fork();
  const service = (query: string, variables: Record<string, unknown>) => callSubgraph(t.stack.subgraphs.inventory.url, t.config.auth.internalSecret, query, variables);

  const seededVariants = DEMO_PRODUCTS.flatMap((product) => product.variants ?? [])
    .map((variant) => [variant.id, variant.onHand, 0])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
  const totals = async () => (await inventory().find(StockLevelEntity, {}, { orderBy: { productId: 'asc' } })).map((r) => [r.productId, r.onHand, r.reserved]);
  const shelves = async () => (await inventory().find(WarehouseStockEntity, {}, { orderBy: { productId: 'asc' } })).map((r) => [r.warehouseId, r.productId, r.onHand, r.reserved]);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'warehouse-migration-'));
    await copyFile(FIXTURE, path.join(dataDir, 'inventory.sqlite'));
    t = await startTestStack({ dataDir, clock });
  });
  afterAll(async () => {
    await t.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates the default warehouse and moves every product\'s stock into it without loss', async () => {
    expect(await inventory().findOneOrFail(WarehouseEntity, { id: DEFAULT_WAREHOUSE.id })).toMatchObject({ code: 'DEFAULT', active: true });
    expect(await totals()).toEqual([
      ['demo-product-0001', 30, 3],
      ['demo-product-0002', 25, 2],
      ['demo-product-0003', 8, 0],
      ['demo-product-0004', 8, 0],
      ['demo-product-0005', 3, 0],
      ['demo-product-0006', 0, 0],
      // Not in the old file: the demo seed stocks the hoodie's variants at this start.
      ...seededVariants,
    ]);
    expect(await shelves()).toEqual((await totals()).map(([productId, onHand, reserved]) => [DEFAULT_WAREHOUSE.id, productId, onHand, reserved]));
  });

  it('names the default warehouse on the movements written before it existed', async () => {
    const movements = await inventory().find(StockMovementEntity, {});
    expect(movements.length).toBe(5);
    expect(movements.every((m) => m.warehouseId === DEFAULT_WAREHOUSE.id)).toBe(true);
  });

  it('releases an old reservation into the default warehouse, and returns an old sale there', async () => {
    expect((await service(RELEASE_RESERVATION, { orderId: 'legacy-active', reason: 'cancelled after the upgrade' })).errors).toBeUndefined();
    expect((await service(RETURN_RESERVATION, { orderId: 'legacy-committed', reason: 'refunded after the upgrade' })).errors).toBeUndefined();
    const rows = await shelves();
    expect(rows.filter(([, productId]) => ['demo-product-0001', 'demo-product-0002', 'demo-product-0003'].includes(productId as string))).toEqual([
      [DEFAULT_WAREHOUSE.id, 'demo-product-0001', 30, 0],
      [DEFAULT_WAREHOUSE.id, 'demo-product-0002', 25, 0],
      [DEFAULT_WAREHOUSE.id, 'demo-product-0003', 12, 0],
    ]);
    expect((await totals()).slice(0, 3)).toEqual([
      ['demo-product-0001', 30, 0],
      ['demo-product-0002', 25, 0],
      ['demo-product-0003', 12, 0],
    ]);
  });

  it('changes nothing when it runs again at the next start', async () => {
    const [before, beforeShelves] = [await totals(), await shelves()];
    await t.stop();
    t = await startTestStack({ dataDir, clock });
    expect(await totals()).toEqual(before);
    expect(await shelves()).toEqual(beforeShelves);
    expect(await inventory().count(WarehouseEntity, {})).toBe(1);
  });
});

describe('start-up migration with several processes starting at once', () => {
  it('moves the old stock once when three inventory processes open the old database at the same moment', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'warehouse-migration-race-'));
    await copyFile(FIXTURE, path.join(dataDir, 'inventory.sqlite'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: 'false' });
    const messaging = await openMessaging(config);
    const clock = new TestClock(new Date(WRITTEN_AT + 60_000));
    const started = await Promise.all(
      [1, 2, 3].map((n) =>
        startSubgraph(inventoryModule, { config, pubsub: messaging.pubsub, events: messaging.events, clock, log: createLogger(`inventory-${n}`, 'error', () => undefined), port: 0 }),
      ),
    );
    try {
      const em = started[0].orm.em.fork();
      expect(await em.count(WarehouseEntity, {})).toBe(1);
      const shelves = await em.find(WarehouseStockEntity, {}, { orderBy: { productId: 'asc' } });
      const totals = await em.find(StockLevelEntity, {}, { orderBy: { productId: 'asc' } });
      expect(shelves.map((r) => [r.warehouseId, r.productId, r.onHand, r.reserved])).toEqual(totals.map((r) => [DEFAULT_WAREHOUSE.id, r.productId, r.onHand, r.reserved]));
    } finally {
      await Promise.all(started.map((s) => s.stop()));
      await messaging.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
