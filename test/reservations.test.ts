import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '../platform/messaging/event-bus';
import {
  COMMIT_RESERVATION,
  INVENTORY_EVENTS,
  RELEASE_RESERVATION,
  RESERVE_STOCK,
  RETURN_RESERVATION,
  type CommitReservationData,
  type ReleaseReservationData,
  type ReservationLine,
  type ReserveStockData,
  type ReturnReservationData,
  type Shortage,
} from '../contracts/inventory-api';
import { createLogger } from '../platform/log';
import { startSubgraph, type RunningSubgraph } from '../platform/subgraph';
import type { InventoryServices } from '../subgraphs/inventory/inventory.services';
import { inventory } from '../subgraphs/inventory/inventory.module';
import { ReservationEntity, ReservationStatus } from '../subgraphs/inventory/reservation.entity';
import { StockMovementEntity, StockMovementKind } from '../subgraphs/inventory/stock-movement.entity';
import { StockLevelEntity } from '../subgraphs/inventory/stock.entity';
import { DEFAULT_WAREHOUSE, WarehouseStockEntity } from '../subgraphs/inventory/warehouse.entity';
import { graphql } from './__generated__/index';
import { TestClock } from './support/clock';
import { codesOf, execute, type Result } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';
import { callSubgraph } from './support/subgraph';
import { waitFor } from './support/wait-for';

const CreateProduct = graphql(`
  mutation ReservationsCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) { id }
  }
`);

const SetStock = graphql(`
  mutation ReservationsSetStock($productId: ID!, $onHand: Int!) {
    setStock(productId: $productId, onHand: $onHand) { onHand reserved available }
  }
`);

const TTL_MS = 900 * 1000;

describe('stock reservations for orders (internal API)', () => {
  const clock = new TestClock(new Date('2030-01-01T12:00:00Z'));
  const events: DomainEvent[] = [];
  let t: TestStack;
  // Minted per call: the gateway checks token expiry against the test clock, which the expiry tests move.
  const agent = () => t.token('reservations-agent', 'AGENT');

  const inventoryUrl = () => t.stack.subgraphs.inventory.url;
  const services = () => t.stack.subgraphs.inventory.services as InventoryServices;
  const db = () => t.stack.subgraphs.inventory.orm.em.fork();

  const reserve = (orderId: string, lines: ReservationLine[], url = inventoryUrl()) =>
    callSubgraph<ReserveStockData>(url, t.config.auth.internalSecret, RESERVE_STOCK, { orderId, lines });
  const release = (orderId: string, reason?: string) =>
    callSubgraph<ReleaseReservationData>(inventoryUrl(), t.config.auth.internalSecret, RELEASE_RESERVATION, { orderId, reason });
  const giveBack = (orderId: string, reason?: string) =>
    callSubgraph<ReturnReservationData>(inventoryUrl(), t.config.auth.internalSecret, RETURN_RESERVATION, { orderId, reason });
  const commit = (orderId: string) => callSubgraph<CommitReservationData>(inventoryUrl(), t.config.auth.internalSecret, COMMIT_RESERVATION, { orderId });

  const level = async (productId: string) => {
    const row = await db().findOneOrFail(StockLevelEntity, { productId });
    return { onHand: row.onHand, reserved: row.reserved, available: row.available };
  };

  /** A new catalog product with `onHand` units, through the public API as an agent would. */
  async function stockedProduct(onHand: number): Promise<string> {
    const created = await execute(
      t.url,
      CreateProduct,
      { input: { sku: `RES-${randomUUID().slice(0, 8).toUpperCase()}`, name: 'Reservable', priceAmount: 500, currency: 'EUR' } },
      { token: await agent() },
    );
    expect(created.errors).toBeUndefined();
    const productId = created.data!.createProduct.id;
    const stocked = await execute(t.url, SetStock, { productId, onHand }, { token: await agent() });
    expect(stocked.errors).toBeUndefined();
    return productId;
  }

  const shortagesOf = (result: Result<unknown>): Shortage[] => result.errors?.[0]?.extensions?.shortages as Shortage[];

  beforeAll(async () => {
    // The timer never fires during the tests: they sweep by hand, at times they choose.
    t = await startTestStack({ clock, env: { RESERVATION_SWEEP_INTERVAL_MS: '3600000' } });
    await t.stack.messaging.events.consume({ group: 'reservations-test' }, async (event) => {
      events.push(event);
    });
  });
  afterAll(() => t.stop());

  it('reserves every line of an order, and emits stock.reserved with the expiry time', async () => {
    const [a, b] = [await stockedProduct(5), await stockedProduct(3)];
    const orderId = `order-${randomUUID()}`;
    const result = await reserve(orderId, [
      { productId: a, quantity: 2 },
      { productId: b, quantity: 3 },
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.data!.reserveStock).toMatchObject({ orderId, status: 'ACTIVE', expiresAt: new Date(clock.now().getTime() + TTL_MS).toISOString() });
    expect(await level(a)).toEqual({ onHand: 5, reserved: 2, available: 3 });
    expect(await level(b)).toEqual({ onHand: 3, reserved: 3, available: 0 });
    const reserved = (await waitFor(() => events.find((e) => e.type === INVENTORY_EVENTS.reserved && e.payload.orderId === orderId)))!;
    expect(reserved.payload.lines).toEqual([
      { productId: a, quantity: 2 },
      { productId: b, quantity: 3 },
    ].sort((x, y) => x.productId.localeCompare(y.productId)));
  });

  it('takes no line when one is short, lists every short product, and lets the order try again later', async () => {
    const [plenty, scarce, none] = [await stockedProduct(10), await stockedProduct(1), await stockedProduct(0)];
    const orderId = `order-${randomUUID()}`;
    const lines = [
      { productId: plenty, quantity: 4 },
      { productId: scarce, quantity: 2 },
      { productId: none, quantity: 1 },
    ];
    const refused = await reserve(orderId, lines);
    expect(codesOf(refused)).toEqual(['CONFLICT']);
    expect(shortagesOf(refused)).toEqual(
      expect.arrayContaining([
        { productId: scarce, requested: 2, available: 1 },
        { productId: none, requested: 1, available: 0 },
      ]),
    );
    expect(shortagesOf(refused)).toHaveLength(2);
    expect(await level(plenty)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    expect(await level(scarce)).toEqual({ onHand: 1, reserved: 0, available: 1 });
    expect(await db().findOne(ReservationEntity, { orderId })).toBeNull();

    await execute(t.url, SetStock, { productId: scarce, onHand: 2 }, { token: await agent() });
    await execute(t.url, SetStock, { productId: none, onHand: 1 }, { token: await agent() });
    const retried = await reserve(orderId, lines);
    expect(retried.data!.reserveStock.status).toBe('ACTIVE');
  });

  it('answers a repeated call with the same reservation, holding the stock once, and refuses other lines for the same order', async () => {
    const productId = await stockedProduct(10);
    const orderId = `order-${randomUUID()}`;
    const first = await reserve(orderId, [{ productId, quantity: 3 }]);
    const again = await reserve(orderId, [{ productId, quantity: 3 }]);
    expect(again.data!.reserveStock).toEqual(first.data!.reserveStock);
    expect(await level(productId)).toMatchObject({ reserved: 3 });
    const other = await reserve(orderId, [{ productId, quantity: 4 }]);
    expect(codesOf(other)).toEqual(['CONFLICT']);
    expect(other.errors![0].extensions).toMatchObject({ orderId, status: 'ACTIVE' });
    expect(await level(productId)).toMatchObject({ reserved: 3 });
  });

  it('commits a reservation into a sale, once, and refuses to release it afterwards', async () => {
    const productId = await stockedProduct(10);
    const orderId = `order-${randomUUID()}`;
    await reserve(orderId, [{ productId, quantity: 4 }]);
    const committed = await commit(orderId);
    expect(committed.data!.commitReservation.status).toBe('COMMITTED');
    expect(await level(productId)).toEqual({ onHand: 6, reserved: 0, available: 6 });
    expect((await commit(orderId)).data!.commitReservation.status).toBe('COMMITTED');
    expect(await level(productId)).toEqual({ onHand: 6, reserved: 0, available: 6 });
    const late = await release(orderId, 'customer cancelled');
    expect(codesOf(late)).toEqual(['CONFLICT']);
    expect(await level(productId)).toEqual({ onHand: 6, reserved: 0, available: 6 });
    await waitFor(() => events.some((e) => e.type === INVENTORY_EVENTS.committed && e.payload.orderId === orderId));
  });

  it('puts a sale taken back before shipping on hand again, once, with a RETURN movement and stock.returned', async () => {
    const productId = await stockedProduct(10);
    const orderId = `order-${randomUUID()}`;
    await reserve(orderId, [{ productId, quantity: 4 }]);
    // Only a sale can be returned: a held reservation is released instead.
    expect((await giveBack(orderId)).errors![0].extensions).toMatchObject({ code: 'CONFLICT', status: 'ACTIVE' });
    expect(await level(productId)).toEqual({ onHand: 10, reserved: 4, available: 6 });
    await commit(orderId);
    const returned = await giveBack(orderId, 'order cancelled before shipping');
    expect(returned.data!.returnReservation.status).toBe('RETURNED');
    expect(await level(productId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    expect((await giveBack(orderId)).data!.returnReservation.status).toBe('RETURNED');
    expect(codesOf(await commit(orderId))).toEqual(['CONFLICT']);
    expect(codesOf(await release(orderId))).toEqual(['CONFLICT']);
    expect(await level(productId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    const movements = await db().find(StockMovementEntity, { orderId }, { orderBy: { version: 'asc' } });
    expect(movements.map((m) => [m.kind, m.onHandAfter, m.reservedAfter])).toEqual([
      [StockMovementKind.RESERVE, 10, 4],
      [StockMovementKind.COMMIT, 6, 0],
      [StockMovementKind.RETURN, 10, 0],
    ]);
    const event = (await waitFor(() => events.find((e) => e.type === INVENTORY_EVENTS.returned && e.payload.orderId === orderId)))!;
    expect(event.payload).toMatchObject({ reason: 'order cancelled before shipping', lines: [{ productId, quantity: 4 }] });
    expect(codesOf(await giveBack(`order-${randomUUID()}`))).toEqual(['NOT_FOUND']);
  });

  it('releases a reservation back to available, once, and refuses to commit it afterwards', async () => {
    const productId = await stockedProduct(10);
    const orderId = `order-${randomUUID()}`;
    await reserve(orderId, [{ productId, quantity: 4 }]);
    const released = await release(orderId, 'payment failed');
    expect(released.data!.releaseReservation.status).toBe('RELEASED');
    expect(await level(productId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    expect((await release(orderId)).data!.releaseReservation.status).toBe('RELEASED');
    expect(await level(productId)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    expect(codesOf(await commit(orderId))).toEqual(['CONFLICT']);
    const event = (await waitFor(() => events.find((e) => e.type === INVENTORY_EVENTS.released && e.payload.orderId === orderId)))!;
    expect(event.payload.reason).toBe('payment failed');
  });

  it('answers NOT_FOUND for committing an order never reserved, and refuses a late reservation for an order already released', async () => {
    expect(codesOf(await commit(`order-${randomUUID()}`))).toEqual(['NOT_FOUND']);
    const productId = await stockedProduct(5);
    const orderId = `order-${randomUUID()}`;
    // The saga gave up on the order (say reserveStock timed out) before its reservation arrived.
    expect((await release(orderId, 'order timed out')).data!.releaseReservation.status).toBe('RELEASED');
    const late = await reserve(orderId, [{ productId, quantity: 1 }]);
    expect(codesOf(late)).toEqual(['CONFLICT']);
    expect(await level(productId)).toMatchObject({ reserved: 0 });
  });

  it.each([
    ['no lines', [], 'lines'],
    ['a zero quantity', [{ productId: 'p', quantity: 0 }], 'lines.0.quantity'],
    ['a negative quantity', [{ productId: 'p', quantity: -2 }], 'lines.0.quantity'],
    ['an empty product id', [{ productId: ' ', quantity: 1 }], 'lines.0.productId'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, lines, field) => {
    const orderId = `order-${randomUUID()}`;
    const result = await reserve(orderId, lines);
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions!.field).toBe(field);
    expect(await db().findOne(ReservationEntity, { orderId })).toBeNull();
  });

  it('is not callable by clients: absent from the gateway schema, and refused by the subgraph for anyone but a service', async () => {
    const productId = await stockedProduct(5);
    const viaGateway = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await agent()}` },
      body: JSON.stringify({ query: RESERVE_STOCK, variables: { orderId: 'o-1', lines: [{ productId, quantity: 1 }] } }),
    });
    const body = (await viaGateway.json()) as Pick<Result<unknown>, 'errors'>;
    expect(viaGateway.status).toBe(400);
    expect(new Set(codesOf({ status: viaGateway.status, ...body }))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expect(body.errors!.map((e) => e.message).join(' ')).toMatch(/Cannot query field "reserveStock" on type "Mutation"/);

    const asAgent = await callSubgraph(inventoryUrl(), t.config.auth.internalSecret, RESERVE_STOCK, { orderId: 'o-2', lines: [{ productId, quantity: 1 }] }, [
      'AGENT',
      'ADMIN',
    ]);
    expect(codesOf(asAgent)).toEqual(['FORBIDDEN']);
    const anonymous = await callSubgraph(inventoryUrl(), t.config.auth.internalSecret, RESERVE_STOCK, { orderId: 'o-3', lines: [{ productId, quantity: 1 }] }, null);
    expect(codesOf(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await level(productId)).toMatchObject({ reserved: 0 });
  });

  describe('expiry', () => {
    it('keeps a reservation until its TTL, then releases it by itself and emits reservation.expired', async () => {
      const productId = await stockedProduct(6);
      const orderId = `order-${randomUUID()}`;
      await reserve(orderId, [{ productId, quantity: 5 }]);

      clock.advance(TTL_MS - 1000);
      await services().reservations.sweepExpired();
      expect((await db().findOneOrFail(ReservationEntity, { orderId })).status).toBe(ReservationStatus.ACTIVE);
      expect(await level(productId)).toEqual({ onHand: 6, reserved: 5, available: 1 });

      clock.advance(1000);
      expect(await services().reservations.sweepExpired()).toBeGreaterThanOrEqual(1);
      expect((await db().findOneOrFail(ReservationEntity, { orderId })).status).toBe(ReservationStatus.EXPIRED);
      expect(await level(productId)).toEqual({ onHand: 6, reserved: 0, available: 6 });
      const expired = (await waitFor(() => events.find((e) => e.type === INVENTORY_EVENTS.expired && e.payload.orderId === orderId)))!;
      expect(expired.payload.lines).toEqual([{ productId, quantity: 5 }]);

      // Too late to pay: the stock is no longer held. Sweeping again changes nothing.
      expect(codesOf(await commit(orderId))).toEqual(['CONFLICT']);
      await services().reservations.sweepExpired();
      expect(await level(productId)).toEqual({ onHand: 6, reserved: 0, available: 6 });
    });

    it('repairs a reservation a crashed process left half-taken, releasing exactly what it held', async () => {
      const [taken, notTaken] = [await stockedProduct(4), await stockedProduct(4)];
      const orderId = `order-${randomUUID()}`;
      // As a process leaves it when it dies after taking the first line: the claim, one line's stock (in its warehouse and in total) and its movement.
      const em = db();
      const row = await em.findOneOrFail(StockLevelEntity, { productId: taken });
      row.reserved = 3;
      row.version += 1;
      const shelf = await em.findOneOrFail(WarehouseStockEntity, { productId: taken, warehouseId: DEFAULT_WAREHOUSE.id });
      shelf.reserved = 3;
      shelf.version += 1;
      em.persist(
        Object.assign(new ReservationEntity(), {
          orderId,
          status: ReservationStatus.PENDING,
          lines: [
            { productId: taken, quantity: 3 },
            { productId: notTaken, quantity: 3 },
          ].sort((x, y) => x.productId.localeCompare(y.productId)),
          expiresAt: new Date(clock.now().getTime() + TTL_MS),
          createdAt: clock.now(),
          updatedAt: clock.now(),
        }),
      );
      em.persist(
        Object.assign(new StockMovementEntity(), {
          productId: taken,
          warehouseId: DEFAULT_WAREHOUSE.id,
          version: row.version,
          kind: StockMovementKind.RESERVE,
          onHandDelta: 0,
          reservedDelta: 3,
          onHandAfter: 4,
          reservedAfter: 3,
          orderId,
          actorId: 'service:orders',
          at: clock.now(),
        }),
      );
      await em.flush();

      // Its caller retries meanwhile: told to wait, nothing taken twice.
      const retry = await reserve(orderId, [
        { productId: taken, quantity: 3 },
        { productId: notTaken, quantity: 3 },
      ]);
      expect(retry.errors![0].extensions).toMatchObject({ code: 'CONFLICT', retryable: true });

      clock.advance(TTL_MS);
      await services().reservations.sweepExpired();
      expect((await db().findOneOrFail(ReservationEntity, { orderId })).status).toBe(ReservationStatus.EXPIRED);
      expect(await level(taken)).toEqual({ onHand: 4, reserved: 0, available: 4 });
      expect(await level(notTaken)).toEqual({ onHand: 4, reserved: 0, available: 4 });
      expect(await db().findOneOrFail(WarehouseStockEntity, { productId: taken, warehouseId: DEFAULT_WAREHOUSE.id })).toMatchObject({ onHand: 4, reserved: 0 });
    });
  });

  describe('under concurrency', () => {
    it('reserves exactly 10 of 10 units for 200 parallel orders, never going below zero available', async () => {
      const productId = await stockedProduct(10);
      const orderIds = Array.from({ length: 200 }, (_, i) => `storm-${i}-${randomUUID()}`);
      const results = await Promise.all(orderIds.map((orderId) => reserve(orderId, [{ productId, quantity: 1 }])));

      const succeeded = results.filter((r) => r.data?.reserveStock.status === 'ACTIVE');
      const refused = results.filter((r) => codesOf(r).join() === 'CONFLICT');
      expect(succeeded).toHaveLength(10);
      expect(refused).toHaveLength(190);
      expect(refused.every((r) => shortagesOf(r).some((s) => s.productId === productId && s.available === 0))).toBe(true);
      expect(await level(productId)).toEqual({ onHand: 10, reserved: 10, available: 0 });
      expect(await db().count(ReservationEntity, { orderId: { $in: orderIds }, status: ReservationStatus.ACTIVE })).toBe(10);

      // Every state the stock went through, in order: reserved never exceeded onHand.
      const movements = await db().find(StockMovementEntity, { productId }, { orderBy: { version: 'asc' } });
      expect(movements.filter((m) => m.kind === StockMovementKind.RESERVE)).toHaveLength(10);
      expect(movements.every((m) => m.onHandAfter - m.reservedAfter >= 0)).toBe(true);
      expect(movements.map((m) => m.version)).toEqual(movements.map((_, i) => movements[0].version + i));
    });

    it('keeps orders of several lines all-or-none when they race for two scarce products', async () => {
      // The plentiful product is taken first (lower id), so losers must give it back.
      const [a, b] = [await stockedProduct(100), await stockedProduct(5)];
      const lines = [
        { productId: a, quantity: 1 },
        { productId: b, quantity: 1 },
      ];
      const results = await Promise.all(Array.from({ length: 60 }, () => reserve(`pair-${randomUUID()}`, lines)));
      expect(results.filter((r) => r.data?.reserveStock.status === 'ACTIVE')).toHaveLength(5);
      expect(results.filter((r) => codesOf(r).join() === 'CONFLICT')).toHaveLength(55);
      // Whatever was taken for a refused order was given back.
      expect(await level(a)).toEqual({ onHand: 100, reserved: 5, available: 95 });
      expect(await level(b)).toEqual({ onHand: 5, reserved: 5, available: 0 });
    });

    it('does not oversell when two inventory processes share the database', async () => {
      const productId = await stockedProduct(10);
      // A second inventory instance: its own ORM and connection to the same database file, as a second process has.
      const second: RunningSubgraph = await startSubgraph(inventory, {
        config: t.config,
        pubsub: t.stack.messaging.pubsub,
        events: t.stack.messaging.events,
        clock,
        log: createLogger('second-inventory', 'error', () => undefined),
        port: 0,
      });
      try {
        const urls = [inventoryUrl(), second.url];
        const results = await Promise.all(
          Array.from({ length: 200 }, (_, i) => reserve(`twin-${i}-${randomUUID()}`, [{ productId, quantity: 1 }], urls[i % 2])),
        );
        expect(results.filter((r) => r.data?.reserveStock.status === 'ACTIVE')).toHaveLength(10);
        expect(results.filter((r) => codesOf(r).join() === 'CONFLICT')).toHaveLength(190);
        expect(await level(productId)).toEqual({ onHand: 10, reserved: 10, available: 0 });
      } finally {
        await second.stop();
      }
    });
  });
});
