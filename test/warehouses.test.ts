import { randomUUID } from 'node:crypto';
import { OutboxEntryEntity } from '../platform/messaging/outbox';
import { StockMovementEntity } from '../subgraphs/inventory/stock-movement.entity';
import { StockTransferEntity, WarehouseEntity, WarehouseStockEntity } from '../subgraphs/inventory/warehouse.entity';
import { graphql } from './__generated__/index';
import { codesOf, execute } from './support/graphql';
import { CancelOrder, ConfirmPayment, PlaceOrder, orderTools } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const CreateWarehouse = graphql(`
  mutation WarehousesCreate($input: CreateWarehouseInput!) {
    createWarehouse(input: $input) { id code name country region city priority active }
  }
`);

const UpdateWarehouse = graphql(`
  mutation WarehousesUpdate($id: ID!, $input: UpdateWarehouseInput!) {
    updateWarehouse(id: $id, input: $input) { id active priority }
  }
`);

const ListWarehouses = graphql(`
  query WarehousesList {
    warehouses { id code priority active }
  }
`);

const SetStockIn = graphql(`
  mutation WarehousesSetStock($productId: ID!, $onHand: Int!, $warehouseId: ID) {
    setStock(productId: $productId, onHand: $onHand, warehouseId: $warehouseId) { onHand reserved available }
  }
`);

const StockByWarehouse = graphql(`
  query WarehousesProductStock($id: ID!) {
    product(id: $id) {
      stock { onHand reserved available }
      stockByWarehouse { warehouse { code } onHand reserved available lowStock lowStockThreshold }
    }
  }
`);

const Transfer = graphql(`
  mutation WarehousesTransfer($input: TransferStockInput!) {
    transferStock(input: $input) { id productId fromWarehouseId toWarehouseId quantity reason stock { warehouse { code } onHand reserved } }
  }
`);

const WarehouseLowStock = graphql(`
  query WarehousesLowStock($warehouseId: ID!) {
    warehouseLowStock(warehouseId: $warehouseId, first: 100) { totalCount edges { node { productId available lowStockThreshold product { id } } } }
  }
`);

const SetWarehouseThreshold = graphql(`
  mutation WarehousesSetThreshold($warehouseId: ID!, $productId: ID!, $threshold: Int!) {
    setWarehouseLowStockThreshold(warehouseId: $warehouseId, productId: $productId, threshold: $threshold) { available lowStock lowStockThreshold }
  }
`);

const Movements = graphql(`
  query WarehousesMovements($productId: ID!) {
    stockMovements(productId: $productId, first: 50) { edges { node { kind warehouseId onHandDelta reservedDelta onHandAfter reservedAfter warehouseOnHandAfter warehouseReservedAfter orderId } } }
  }
`);

const Audit = graphql(`
  query WarehousesAudit($filter: AuditFilter) {
    auditLog(first: 50, filter: $filter) { edges { node { action entityType entityId reason before after } } }
  }
`);

describe('warehouses', () => {
  let t: TestStack;
  let admin: string;
  let agent: string;
  const tools = orderTools(() => t);
  const inventory = () => t.stack.subgraphs.inventory.orm.em.fork();
  let berlin: string;
  let hamburg: string;

  /** The product's stock per warehouse code, as staff read it through the gateway. */
  async function shelves(productId: string) {
    const result = await execute(t.url, StockByWarehouse, { id: productId }, { token: agent });
    expect(result.errors).toBeUndefined();
    const product = result.data!.product!;
    return { total: product.stock, ...Object.fromEntries(product.stockByWarehouse!.map((s) => [s.warehouse.code, { onHand: s.onHand, reserved: s.reserved }])) };
  }

  /** Everything a refused warehouse operation must leave as it was. */
  async function snapshot(productId: string) {
    const em = inventory();
    return {
      shelves: (await em.find(WarehouseStockEntity, { productId }, { orderBy: { warehouseId: 'asc' } })).map((r) => [r.warehouseId, r.onHand, r.reserved, r.version]),
      movements: await em.count(StockMovementEntity, { productId }),
      transfers: await em.count(StockTransferEntity, { productId }),
      warehouses: await em.count(WarehouseEntity, {}),
      outbox: await em.count(OutboxEntryEntity, {}),
    };
  }

  async function stocked(units: Record<string, number>): Promise<string> {
    const productId = await tools.product({ onHand: 0 });
    for (const [warehouseId, onHand] of Object.entries(units)) {
      const set = await execute(t.url, SetStockIn, { productId, onHand, warehouseId }, { token: agent });
      expect(set.errors).toBeUndefined();
    }
    return productId;
  }

  beforeAll(async () => {
    t = await startTestStack();
    admin = await t.token('warehouse-admin', 'ADMIN');
    agent = await t.token('warehouse-agent', 'CUSTOMER', 'AGENT');
    const create = async (code: string, priority: number) => {
      const result = await execute(t.url, CreateWarehouse, { input: { code, name: `${code} hub`, country: 'de', city: code, priority } }, { token: admin });
      expect(result.errors).toBeUndefined();
      return result.data!.createWarehouse.id;
    };
    berlin = await create('ber', 10);
    hamburg = await create('ham', 5);
  });
  afterAll(() => t.stop());

  it('lists the default warehouse and the new ones, highest priority first, to staff only', async () => {
    const listed = await execute(t.url, ListWarehouses, {}, { token: agent });
    expect(listed.data!.warehouses.map((w) => [w.code, w.priority, w.active])).toEqual([
      ['BER', 10, true],
      ['HAM', 5, true],
      ['DEFAULT', 0, true],
    ]);
    const customer = await t.token('warehouse-shopper', 'CUSTOMER');
    expect(codesOf(await execute(t.url, ListWarehouses, {}, { token: customer }))).toEqual(['FORBIDDEN']);
    const productId = await stocked({ [berlin]: 1 });
    const peek = await execute(t.url, StockByWarehouse, { id: productId }, { token: customer });
    expect(codesOf(peek)).toEqual(['FORBIDDEN']);
    expect(peek.data?.product?.stock).toEqual({ onHand: 1, reserved: 0, available: 1 });
  });

  it.each([
    ['a duplicate code', { code: 'BER', name: 'Again', country: 'DE', city: 'Berlin' }, 'CONFLICT', 'code'],
    ['a country that is not a code', { code: 'NEW-1', name: 'New', country: 'Germany', city: 'Berlin' }, 'BAD_USER_INPUT', 'country'],
    ['a blank name', { code: 'NEW-2', name: ' ', country: 'DE', city: 'Berlin' }, 'BAD_USER_INPUT', 'name'],
  ])('refuses a warehouse with %s, creating nothing', async (_case, input, code, field) => {
    const before = await inventory().count(WarehouseEntity, {});
    const result = await execute(t.url, CreateWarehouse, { input }, { token: admin });
    expect(codesOf(result)).toEqual([code]);
    expect(result.errors![0].extensions!.field).toBe(field);
    expect(await inventory().count(WarehouseEntity, {})).toBe(before);
  });

  it('keeps the product total as the sum of its warehouses', async () => {
    const productId = await stocked({ [berlin]: 3, [hamburg]: 5 });
    expect(await shelves(productId)).toMatchObject({ total: { onHand: 8, reserved: 0, available: 8 }, BER: { onHand: 3, reserved: 0 }, HAM: { onHand: 5, reserved: 0 } });
  });

  it('refuses stock for an unknown warehouse with NOT_FOUND, writing nothing', async () => {
    const productId = await stocked({ [berlin]: 2 });
    const before = await snapshot(productId);
    const result = await execute(t.url, SetStockIn, { productId, onHand: 4, warehouseId: 'no-such-warehouse' }, { token: agent });
    expect(codesOf(result)).toEqual(['NOT_FOUND']);
    expect(result.errors![0].extensions!.field).toBe('warehouseId');
    expect(await snapshot(productId)).toEqual(before);
  });

  it('splits an order over warehouses by priority, and payment commits exactly the units each gave', async () => {
    const productId = await stocked({ [berlin]: 3, [hamburg]: 5 });
    const customer = await tools.customer();
    const token = await t.token(customer);
    const placed = await execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 6 }] } }, { token });
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data!.placeOrder.id;
    expect(await shelves(productId)).toMatchObject({ total: { onHand: 8, reserved: 6, available: 2 }, BER: { onHand: 3, reserved: 3 }, HAM: { onHand: 5, reserved: 3 } });
    expect((await tools.reservation(orderId))!.allocations).toEqual(
      [
        { productId, warehouseId: berlin, quantity: 3 },
        { productId, warehouseId: hamburg, quantity: 3 },
      ].sort((a, b) => a.warehouseId.localeCompare(b.warehouseId)),
    );

    const paid = await execute(t.url, ConfirmPayment, { orderId, paymentMethod: 'pm_card_visa' }, { token });
    expect(paid.data!.confirmPayment.status).toBe('SUCCEEDED');
    await waitFor(async () => (await tools.reservation(orderId))?.status === 'COMMITTED');
    expect(await shelves(productId)).toMatchObject({ total: { onHand: 2, reserved: 0, available: 2 }, BER: { onHand: 0, reserved: 0 }, HAM: { onHand: 2, reserved: 0 } });

    const moves = await execute(t.url, Movements, { productId }, { token: agent });
    const ofOrder = moves.data!.stockMovements.edges.map((e) => e.node).filter((m) => m.orderId === orderId);
    expect(ofOrder.map((m) => [m.kind, m.warehouseId, m.onHandDelta, m.reservedDelta, m.warehouseOnHandAfter, m.warehouseReservedAfter]).sort()).toEqual(
      [
        ['COMMIT', berlin, -3, -3, 0, 0],
        ['COMMIT', hamburg, -3, -3, 2, 0],
        ['RESERVE', berlin, 0, 3, 3, 3],
        ['RESERVE', hamburg, 0, 3, 5, 3],
      ].sort(),
    );
  });

  it('releases a cancelled order into the warehouses it was taken from', async () => {
    const productId = await stocked({ [berlin]: 1, [hamburg]: 4 });
    const customer = await tools.customer();
    const token = await t.token(customer);
    const placed = await execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 3 }] } }, { token });
    expect(placed.errors).toBeUndefined();
    expect(await shelves(productId)).toMatchObject({ BER: { onHand: 1, reserved: 1 }, HAM: { onHand: 4, reserved: 2 } });
    // Stock moved meanwhile must not change what the release gives back, nor where.
    await execute(t.url, SetStockIn, { productId, onHand: 9, warehouseId: hamburg }, { token: agent });
    const cancelled = await execute(t.url, CancelOrder, { id: placed.data!.placeOrder.id, reason: 'changed my mind' }, { token });
    expect(cancelled.errors).toBeUndefined();
    await waitFor(async () => (await tools.reservation(placed.data!.placeOrder.id))?.status === 'RELEASED');
    expect(await shelves(productId)).toMatchObject({ total: { onHand: 10, reserved: 0, available: 10 }, BER: { onHand: 1, reserved: 0 }, HAM: { onHand: 9, reserved: 0 } });
  });

  it('refuses an order no warehouse combination can fill with INSUFFICIENT_STOCK, holding nothing', async () => {
    const productId = await stocked({ [berlin]: 2, [hamburg]: 2 });
    const customer = await tools.customer();
    const before = await snapshot(productId);
    const refused = await execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 5 }] } }, { token: await t.token(customer) });
    expect(codesOf(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0].extensions).toMatchObject({ reason: 'INSUFFICIENT_STOCK', shortages: [{ productId, requested: 5, available: 4 }] });
    expect(await snapshot(productId)).toMatchObject({ shelves: before.shelves, movements: before.movements });
    expect(await tools.traces(customer, [productId])).toMatchObject({ orders: 0, reservations: 0, reserved: 0 });
  });

  it('transfers available units between warehouses, in the ledger and the audit log, once per idempotency key', async () => {
    const productId = await stocked({ [hamburg]: 6 });
    const input = { fromWarehouseId: hamburg, toWarehouseId: berlin, productId, quantity: 4, reason: 'rebalance for the weekend', idempotencyKey: `t-${randomUUID()}` };
    const moved = await execute(t.url, Transfer, { input }, { token: agent });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.transferStock).toMatchObject({ productId, quantity: 4, fromWarehouseId: hamburg, toWarehouseId: berlin });
    expect(moved.data!.transferStock.stock.map((s) => [s.warehouse.code, s.onHand]).sort()).toEqual([['BER', 4], ['HAM', 2]]);
    expect(await shelves(productId)).toMatchObject({ total: { onHand: 6, reserved: 0, available: 6 }, BER: { onHand: 4, reserved: 0 }, HAM: { onHand: 2, reserved: 0 } });

    const again = await execute(t.url, Transfer, { input }, { token: agent });
    expect(again.data!.transferStock.id).toBe(moved.data!.transferStock.id);
    expect(await shelves(productId)).toMatchObject({ BER: { onHand: 4 }, HAM: { onHand: 2 } });

    const moves = await execute(t.url, Movements, { productId }, { token: agent });
    const transfers = moves.data!.stockMovements.edges.map((e) => e.node).filter((m) => m.kind === 'TRANSFER');
    expect(transfers.map((m) => [m.warehouseId, m.onHandDelta, m.onHandAfter, m.warehouseOnHandAfter])).toEqual([
      // Newest first: out of Hamburg (the total briefly 2), then into Berlin (6 again).
      [berlin, 4, 6, 4],
      [hamburg, -4, 2, 2],
    ]);
    const entries = await waitFor(async () => {
      const result = await execute(t.url, Audit, { filter: { entityType: 'StockTransfer', entityId: moved.data!.transferStock.id } }, { token: admin });
      const edges = result.data?.auditLog.edges ?? [];
      return edges.length === 1 ? edges.map((e) => e.node) : null;
    });
    expect(entries![0]).toMatchObject({
      action: 'stock.transferred',
      reason: 'rebalance for the weekend',
      before: { productId, quantity: 4, from: { warehouseId: hamburg, onHand: 6 }, to: { warehouseId: berlin, onHand: 0 } },
      after: { productId, quantity: 4, from: { warehouseId: hamburg, onHand: 2 }, to: { warehouseId: berlin, onHand: 4 } },
    });
  });

  it('refuses the same idempotency key for another transfer, moving nothing', async () => {
    const productId = await stocked({ [hamburg]: 5 });
    const idempotencyKey = `t-${randomUUID()}`;
    const first = await execute(t.url, Transfer, { input: { fromWarehouseId: hamburg, toWarehouseId: berlin, productId, quantity: 1, reason: 'rebalance', idempotencyKey } }, { token: agent });
    expect(first.errors).toBeUndefined();
    const before = await snapshot(productId);
    const reused = await execute(t.url, Transfer, { input: { fromWarehouseId: hamburg, toWarehouseId: berlin, productId, quantity: 2, reason: 'rebalance', idempotencyKey } }, { token: agent });
    expect(codesOf(reused)).toEqual(['CONFLICT']);
    expect(reused.errors![0].extensions).toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
    expect(await snapshot(productId)).toEqual(before);
  });

  it('refuses a negative warehouse threshold, writing nothing', async () => {
    const productId = await stocked({ [berlin]: 2 });
    const before = await snapshot(productId);
    const refused = await execute(t.url, SetWarehouseThreshold, { warehouseId: berlin, productId, threshold: -1 }, { token: agent });
    expect(codesOf(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].extensions!.field).toBe('threshold');
    expect(await snapshot(productId)).toEqual(before);
  });

  it('refuses a transfer of more than the source has available (reserved units stay), writing nothing', async () => {
    const productId = await stocked({ [hamburg]: 5 });
    const customer = await tools.customer();
    expect((await execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 3 }] } }, { token: await t.token(customer) })).errors).toBeUndefined();
    const before = await snapshot(productId);
    const refused = await execute(
      t.url,
      Transfer,
      { input: { fromWarehouseId: hamburg, toWarehouseId: berlin, productId, quantity: 3, reason: 'rebalance', idempotencyKey: `t-${randomUUID()}` } },
      { token: agent },
    );
    expect(codesOf(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0].extensions).toMatchObject({ reason: 'INSUFFICIENT_STOCK', field: 'quantity', shortages: [{ productId, warehouseId: hamburg, requested: 3, available: 2 }] });
    expect(await snapshot(productId)).toEqual(before);
  });

  it.each([
    ['the same warehouse twice', (p: string, from: string) => ({ toWarehouseId: from, productId: p, quantity: 1 }), 'BAD_USER_INPUT', 'toWarehouseId'],
    ['no units', (p: string) => ({ productId: p, quantity: 0 }), 'BAD_USER_INPUT', 'quantity'],
    ['an unknown destination', (p: string) => ({ toWarehouseId: 'nowhere', productId: p, quantity: 1 }), 'NOT_FOUND', 'warehouseId'],
    ['a product never stocked at the source', () => ({ productId: `never-${randomUUID()}`, quantity: 1 }), 'CONFLICT', 'quantity'],
  ])('refuses a transfer of %s, writing nothing', async (_case, change, code, field) => {
    const productId = await stocked({ [hamburg]: 5 });
    const input = { fromWarehouseId: hamburg, toWarehouseId: berlin, reason: 'rebalance', idempotencyKey: `t-${randomUUID()}`, ...change(productId, hamburg) };
    const before = await snapshot(productId);
    const refused = await execute(t.url, Transfer, { input }, { token: agent });
    expect(codesOf(refused)).toEqual([code]);
    expect(refused.errors![0].extensions!.field).toBe(field);
    expect(await snapshot(productId)).toEqual(before);
  });

  it('flags low stock per warehouse with its own threshold, leaving the overall flag to the product threshold', async () => {
    const productId = await stocked({ [berlin]: 3, [hamburg]: 20 });
    const lowIn = async (warehouseId: string) => (await execute(t.url, WarehouseLowStock, { warehouseId }, { token: agent })).data!.warehouseLowStock.edges.map((e) => e.node.productId);
    expect(await lowIn(berlin)).not.toContain(productId);
    const set = await execute(t.url, SetWarehouseThreshold, { warehouseId: berlin, productId, threshold: 3 }, { token: agent });
    expect(set.data!.setWarehouseLowStockThreshold).toEqual({ available: 3, lowStock: true, lowStockThreshold: 3 });
    expect(await lowIn(berlin)).toContain(productId);
    expect(await lowIn(hamburg)).not.toContain(productId);
    const product = await execute(t.url, StockByWarehouse, { id: productId }, { token: agent });
    expect(product.data!.product!.stockByWarehouse!.map((s) => [s.warehouse.code, s.lowStock])).toEqual([
      ['BER', true],
      ['HAM', false],
      // Its row from the product's creation (setStock without a warehouse): empty, so low at the default threshold of 0.
      ['DEFAULT', true],
    ]);
    expect((await tools.stock(productId)).onHand).toBe(23);
  });

  it('takes nothing from a deactivated warehouse', async () => {
    const productId = await stocked({ [berlin]: 4, [hamburg]: 4 });
    const closed = await execute(t.url, UpdateWarehouse, { id: berlin, input: { active: false } }, { token: admin });
    expect(closed.data!.updateWarehouse.active).toBe(false);
    try {
      const customer = await tools.customer();
      const placed = await execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 2 }] } }, { token: await t.token(customer) });
      expect(placed.errors).toBeUndefined();
      expect(await shelves(productId)).toMatchObject({ BER: { reserved: 0 }, HAM: { reserved: 2 } });
    } finally {
      await execute(t.url, UpdateWarehouse, { id: berlin, input: { active: true } }, { token: admin });
    }
  });
});
