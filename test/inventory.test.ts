import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '../platform/messaging/event-bus';
import { COMMIT_RESERVATION, INVENTORY_EVENTS, RELEASE_RESERVATION, RESERVE_STOCK } from '../contracts/inventory-api';
import { OutboxEntryEntity } from '../platform/messaging/outbox';
import { channels, type ChangeNotice } from '../platform/messaging/pubsub';
import type { InventoryServices } from '../subgraphs/inventory/inventory.services';
import { StockMovementEntity, StockMovementKind } from '../subgraphs/inventory/stock-movement.entity';
import { StockLevelEntity } from '../subgraphs/inventory/stock.entity';
import { graphql } from './__generated__/index';
import { codesOf, execute } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';
import { callSubgraph } from './support/subgraph';
import { waitFor } from './support/wait-for';

const CreateProduct = graphql(`
  mutation InventoryCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) { id }
  }
`);

const SetStock = graphql(`
  mutation InventorySetStock($productId: ID!, $onHand: Int!) {
    setStock(productId: $productId, onHand: $onHand) { productId onHand reserved available lowStock lowStockThreshold }
  }
`);

const AdjustStock = graphql(`
  mutation InventoryAdjustStock($productId: ID!, $delta: Int!, $reason: String!) {
    adjustStock(productId: $productId, delta: $delta, reason: $reason) { onHand reserved available lowStock }
  }
`);

const SetThreshold = graphql(`
  mutation InventorySetThreshold($productId: ID!, $threshold: Int!) {
    setLowStockThreshold(productId: $productId, threshold: $threshold) { available lowStock lowStockThreshold }
  }
`);

const Movements = graphql(`
  query InventoryMovements($productId: ID!, $first: Int, $after: String) {
    stockMovements(productId: $productId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { kind onHandDelta reservedDelta onHandAfter reservedAfter orderId reason actorId version } }
    }
  }
`);

const ProductStock = graphql(`
  query InventoryProductStock($id: ID!) {
    product(id: $id) { id stock { onHand reserved available lowStock lowStockThreshold } }
  }
`);

const StockAudit = graphql(`
  query InventoryAudit($filter: AuditFilter) {
    auditLog(first: 50, filter: $filter) {
      edges { node { action service actorId actorRoles entityType entityId reason before after } }
    }
  }
`);

describe('stock levels managed by agents', () => {
  const events: DomainEvent[] = [];
  let t: TestStack;
  let agent: string;

  const db = () => t.stack.subgraphs.inventory.orm.em.fork();
  const service = (query: string, variables: Record<string, unknown>) => callSubgraph(t.stack.subgraphs.inventory.url, t.config.auth.internalSecret, query, variables);

  async function newProduct(): Promise<string> {
    const sku = `INV-${randomUUID().slice(0, 8).toUpperCase()}`;
    const result = await execute(t.url, CreateProduct, { input: { sku, name: 'Stocked thing', priceAmount: 990, currency: 'EUR' } }, { token: agent });
    expect(result.errors).toBeUndefined();
    return result.data!.createProduct.id;
  }

  /** Everything a refused change must leave as it was. */
  async function snapshot(productId: string) {
    const em = db();
    const row = await em.findOne(StockLevelEntity, { productId });
    return {
      level: row && { onHand: row.onHand, reserved: row.reserved, threshold: row.lowStockThreshold, version: row.version },
      movements: await em.count(StockMovementEntity, { productId }),
      outbox: await em.count(OutboxEntryEntity, {}),
    };
  }

  beforeAll(async () => {
    t = await startTestStack();
    agent = await t.token('stock-agent', 'CUSTOMER', 'AGENT');
    await t.stack.messaging.events.consume({ group: 'inventory-test' }, async (event) => {
      events.push(event);
    });
  });
  afterAll(() => t.stop());

  it('stocks a catalog product for the first time, and shows the level on the product', async () => {
    const productId = await newProduct();
    const set = await execute(t.url, SetStock, { productId, onHand: 12 }, { token: agent });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setStock).toEqual({ productId, onHand: 12, reserved: 0, available: 12, lowStock: false, lowStockThreshold: 5 });
    const read = await execute(t.url, ProductStock, { id: productId });
    expect(read.data!.product!.stock).toEqual({ onHand: 12, reserved: 0, available: 12, lowStock: false, lowStockThreshold: 5 });
  });

  it('records every change in the product\'s history, newest first: set, adjust, reserve, release, commit', async () => {
    const productId = await newProduct();
    await execute(t.url, SetStock, { productId, onHand: 10 }, { token: agent });
    const adjusted = await execute(t.url, AdjustStock, { productId, delta: 5, reason: 'delivery #4411' }, { token: agent });
    expect(adjusted.data!.adjustStock).toEqual({ onHand: 15, reserved: 0, available: 15, lowStock: false });
    await service(RESERVE_STOCK, { orderId: 'history-1', lines: [{ productId, quantity: 4 }] });
    await service(RELEASE_RESERVATION, { orderId: 'history-1', reason: 'cancelled' });
    await service(RESERVE_STOCK, { orderId: 'history-2', lines: [{ productId, quantity: 2 }] });
    await service(COMMIT_RESERVATION, { orderId: 'history-2' });

    const page = await execute(t.url, Movements, { productId, first: 10 }, { token: agent });
    expect(page.errors).toBeUndefined();
    expect(page.data!.stockMovements.totalCount).toBe(6);
    expect(page.data!.stockMovements.edges.map((e) => e.node)).toEqual([
      { kind: 'COMMIT', onHandDelta: -2, reservedDelta: -2, onHandAfter: 13, reservedAfter: 0, orderId: 'history-2', reason: null, actorId: 'service:test', version: 6 },
      { kind: 'RESERVE', onHandDelta: 0, reservedDelta: 2, onHandAfter: 15, reservedAfter: 2, orderId: 'history-2', reason: null, actorId: 'service:test', version: 5 },
      { kind: 'RELEASE', onHandDelta: 0, reservedDelta: -4, onHandAfter: 15, reservedAfter: 0, orderId: 'history-1', reason: 'cancelled', actorId: 'service:test', version: 4 },
      { kind: 'RESERVE', onHandDelta: 0, reservedDelta: 4, onHandAfter: 15, reservedAfter: 4, orderId: 'history-1', reason: null, actorId: 'service:test', version: 3 },
      { kind: 'ADJUST', onHandDelta: 5, reservedDelta: 0, onHandAfter: 15, reservedAfter: 0, orderId: null, reason: 'delivery #4411', actorId: 'stock-agent', version: 2 },
      { kind: 'SET', onHandDelta: 10, reservedDelta: 0, onHandAfter: 10, reservedAfter: 0, orderId: null, reason: null, actorId: 'stock-agent', version: 1 },
    ]);
    const second = await execute(t.url, Movements, { productId, first: 4, after: (await execute(t.url, Movements, { productId, first: 2 }, { token: agent })).data!.stockMovements.pageInfo.endCursor }, { token: agent });
    expect(second.data!.stockMovements.edges.map((e) => e.node.version)).toEqual([4, 3, 2, 1]);
  });

  describe('refuses bad changes with a code and the field, writing nothing', () => {
    let productId: string;
    beforeAll(async () => {
      productId = await newProduct();
      await execute(t.url, SetStock, { productId, onHand: 10 }, { token: agent });
      await service(RESERVE_STOCK, { orderId: `held-${randomUUID()}`, lines: [{ productId, quantity: 6 }] });
    });

    it.each([
      ['a negative stock', () => execute(t.url, SetStock, { productId, onHand: -1 }, { token: agent }), 'onHand', /onHand must be a whole number from 0/],
      ['stock below what is reserved', () => execute(t.url, SetStock, { productId, onHand: 5 }, { token: agent }), 'onHand', /below the 6 units reserved/],
      ['an adjustment taking onHand below reserved', () => execute(t.url, AdjustStock, { productId, delta: -5, reason: 'breakage' }, { token: agent }), 'delta', /below the 6 units reserved/],
      ['an adjustment taking onHand below zero', () => execute(t.url, AdjustStock, { productId, delta: -11, reason: 'breakage' }, { token: agent }), 'delta', /below 0/],
      ['an adjustment of zero', () => execute(t.url, AdjustStock, { productId, delta: 0, reason: 'nothing' }, { token: agent }), 'delta', /other than 0/],
      ['an adjustment without a reason', () => execute(t.url, AdjustStock, { productId, delta: 1, reason: '  ' }, { token: agent }), 'reason', /reason must be 1 to 200/],
      ['a negative threshold', () => execute(t.url, SetThreshold, { productId, threshold: -1 }, { token: agent }), 'threshold', /threshold must be/],
    ])('%s', async (_case, run, field, message) => {
      const before = await snapshot(productId);
      const result = await run();
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions!.field).toBe(field);
      expect(result.errors![0].message).toMatch(message);
      expect(await snapshot(productId)).toEqual(before);
    });
  });

  it('answers NOT_FOUND for a product catalog does not know, creating no stock for it', async () => {
    const result = await execute(t.url, SetStock, { productId: 'no-such-product', onHand: 3 }, { token: agent });
    expect(codesOf(result)).toEqual(['NOT_FOUND']);
    expect(await snapshot('no-such-product')).toMatchObject({ level: null, movements: 0 });
    expect(codesOf(await execute(t.url, AdjustStock, { productId: 'no-such-product', delta: 1, reason: 'x' }, { token: agent }))).toEqual(['NOT_FOUND']);
  });

  it('lets only agents and admins change stock or read its history', async () => {
    const productId = await newProduct();
    const customer = await t.token('shopper', 'CUSTOMER');
    expect(codesOf(await execute(t.url, SetStock, { productId, onHand: 1 }, { token: customer }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await execute(t.url, SetStock, { productId, onHand: 1 }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await execute(t.url, AdjustStock, { productId, delta: 1, reason: 'x' }, { token: customer }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await execute(t.url, Movements, { productId }, { token: customer }))).toEqual(['FORBIDDEN']);
    expect(await snapshot(productId)).toMatchObject({ level: null, movements: 0 });
    const admin = await t.token('stock-admin', 'ADMIN');
    expect((await execute(t.url, SetStock, { productId, onHand: 1 }, { token: admin })).data!.setStock.onHand).toBe(1);
  });

  it('publishes a change notice with a higher version after every stock change', async () => {
    const productId = await newProduct();
    const notices: ChangeNotice[] = [];
    const unsubscribe = await t.stack.messaging.pubsub.subscribe(channels.stock(productId), (notice) => notices.push(notice));
    try {
      await execute(t.url, SetStock, { productId, onHand: 8 }, { token: agent });
      await execute(t.url, AdjustStock, { productId, delta: -1, reason: 'sample' }, { token: agent });
      await service(RESERVE_STOCK, { orderId: `notice-${randomUUID()}`, lines: [{ productId, quantity: 2 }] });
      await execute(t.url, SetThreshold, { productId, threshold: 1 }, { token: agent });
      await waitFor(() => notices.length === 4);
      expect(notices).toEqual([1, 2, 3, 4].map((version) => ({ id: productId, version })));
      const row = await db().findOneOrFail(StockLevelEntity, { productId });
      expect(row.version).toBe(4);
    } finally {
      await unsubscribe();
    }
  });

  it('emits stock.low when available falls to the threshold, once, and stock.replenished when it rises above', async () => {
    const productId = await newProduct();
    const alerts = () => events.filter((e) => e.payload.productId === productId && (e.type === INVENTORY_EVENTS.low || e.type === INVENTORY_EVENTS.replenished));
    await execute(t.url, SetStock, { productId, onHand: 10 }, { token: agent });
    await waitFor(() => alerts().length === 1);
    await execute(t.url, AdjustStock, { productId, delta: -4, reason: 'damaged' }, { token: agent });
    await service(RESERVE_STOCK, { orderId: `low-${randomUUID()}`, lines: [{ productId, quantity: 1 }] });
    await execute(t.url, AdjustStock, { productId, delta: -1, reason: 'damaged' }, { token: agent });
    await execute(t.url, AdjustStock, { productId, delta: 20, reason: 'delivery' }, { token: agent });
    await waitFor(() => alerts().length === 3);
    expect(alerts().map((e) => [e.type, e.payload.available])).toEqual([
      // A never-stocked product counts as low, so the first delivery lifts it above the threshold.
      ['stock.replenished', 10],
      ['stock.low', 5],
      ['stock.replenished', 24],
    ]);
    expect(alerts()[1].payload).toEqual({ productId, onHand: 6, reserved: 1, available: 5, threshold: 5 });
  });

  it('loses no change when compare-and-sets race without a transaction around them (as on MongoDB)', async () => {
    const productId = await newProduct();
    await execute(t.url, SetStock, { productId, onHand: 1000 }, { token: agent });
    const { ledger } = t.stack.subgraphs.inventory.services as InventoryServices;
    // Each on its own EntityManager and outside any transaction, so reads and writes interleave and versions go stale.
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        ledger.apply(db(), productId, (levels) => ({ ...levels, reserved: levels.reserved + 1 }), { kind: StockMovementKind.RESERVE, actorId: 'race', orderId: `race-${i}` }),
      ),
    );
    const row = await db().findOneOrFail(StockLevelEntity, { productId });
    expect([row.reserved, row.version]).toEqual([50, 51]);
    const movements = await db().find(StockMovementEntity, { productId, kind: StockMovementKind.RESERVE }, { orderBy: { version: 'asc' } });
    expect(movements.map((m) => m.reservedAfter)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('audits every stock change, stored by catalog from inventory\'s events and readable by admins', async () => {
    const productId = await newProduct();
    await execute(t.url, SetStock, { productId, onHand: 7 }, { token: agent });
    await execute(t.url, AdjustStock, { productId, delta: -2, reason: 'stolen' }, { token: agent });
    const admin = await t.token('auditor', 'ADMIN');
    const entries = await waitFor(async () => {
      const result = await execute(t.url, StockAudit, { filter: { entityType: 'StockLevel', entityId: productId } }, { token: admin });
      const edges = result.data?.auditLog.edges ?? [];
      return edges.length === 2 ? edges.map((e) => e.node) : null;
    });
    // Staff changes without a warehouse go to the default one; the entry shows its levels beside the product's.
    const inDefaultWarehouse = (onHand: number) => ({ warehouseId: 'warehouse-default', onHand, reserved: 0, available: onHand, lowStockThreshold: 0 });
    expect(entries).toEqual([
      {
        action: 'stock.adjusted',
        service: 'inventory',
        actorId: 'stock-agent',
        actorRoles: ['CUSTOMER', 'AGENT'],
        entityType: 'StockLevel',
        entityId: productId,
        reason: 'stolen',
        before: { onHand: 7, reserved: 0, available: 7, lowStockThreshold: 5, warehouse: inDefaultWarehouse(7) },
        after: { onHand: 5, reserved: 0, available: 5, lowStockThreshold: 5, warehouse: inDefaultWarehouse(5) },
      },
      {
        action: 'stock.set',
        service: 'inventory',
        actorId: 'stock-agent',
        actorRoles: ['CUSTOMER', 'AGENT'],
        entityType: 'StockLevel',
        entityId: productId,
        reason: null,
        before: { onHand: 0, reserved: 0, available: 0, lowStockThreshold: 5, warehouse: inDefaultWarehouse(0) },
        after: { onHand: 7, reserved: 0, available: 7, lowStockThreshold: 5, warehouse: inDefaultWarehouse(7) },
      },
    ]);
  });
});
