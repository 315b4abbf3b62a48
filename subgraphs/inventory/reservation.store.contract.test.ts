import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { loadConfig } from '../../platform/config';
import { Db } from '../../platform/db';
import { OutboxEntryEntity } from '../../platform/messaging/outbox';
import { ProcessedEventEntity } from '../../platform/messaging/inbox';
import { openOrm } from '../../platform/orm';
import { newId } from '../../platform/ids';
import { ReservationEntity, ReservationStatus } from './reservation.entity';
import type { ReservationStore, TakeRequest } from './reservation.store';
import type { ReservationRequest } from './reservation.transitions';
import { reservationStore } from './reservation.store.factory';
import { MongoReservationStore } from './reservation.store.mongo';
import { SqliteReservationStore } from './reservation.store.sqlite';
import { StockAdjustmentKeyEntity } from './stock-adjustment.entity';
import { StockMovementEntity, StockMovementKind } from './stock-movement.entity';
import { StockLevelEntity } from './stock.entity';
import { DEFAULT_WAREHOUSE, StockTransferEntity, WarehouseEntity, WarehouseStockEntity } from './warehouse.entity';
import type { ReservationLine } from '../../contracts/inventory-api';

const AT = new Date(Date.UTC(2030, 0, 1));

/**
 * Every ReservationStore adapter against its real database: SQLite always,
 * MongoDB as well when MONGODB_URL names a server (a replica set).
 */
const databases: [string, Record<string, string>][] = [['sqlite', {}]];
if (process.env.MONGODB_URL) databases.push(['mongodb', { MONGODB_URL: process.env.MONGODB_URL, MONGODB_DB_PREFIX: `test-${newId()}` }]);

describe.each(databases)('ReservationStore contract: %s', (name, env) => {
  let dir: string;
  let orm: MikroORM;
  let db: Db;
  let store: ReservationStore;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'reservation-store-'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'error', ...env });
    orm = await openOrm({ service: 'inventory', entities: [StockLevelEntity, StockMovementEntity, StockAdjustmentKeyEntity, ReservationEntity, WarehouseEntity, WarehouseStockEntity, StockTransferEntity, OutboxEntryEntity, ProcessedEventEntity], config });
    db = new Db(orm);
    store = reservationStore(db, config);
    await db.write(async (em) => em.persist(Object.assign(new WarehouseEntity(), DEFAULT_WAREHOUSE)));
  });

  afterAll(async () => {
    if (name === 'mongodb') await orm.schema.dropDatabase();
    await orm.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is the adapter of its database', () => {
    expect(store).toBeInstanceOf(name === 'sqlite' ? SqliteReservationStore : MongoReservationStore);
  });

  /** A product with `onHand` units in the default warehouse, or spread over the warehouses given (id and units each). */
  const stock = async (onHand: number, lowStockThreshold = 0, spread: ReadonlyArray<readonly [string, number]> = [[DEFAULT_WAREHOUSE.id, onHand]]): Promise<string> => {
    const productId = `p-${newId()}`;
    await db.write(async (em) => {
      em.persist(Object.assign(StockLevelEntity.of(productId, onHand), { lowStockThreshold, low: onHand <= lowStockThreshold }));
      for (const [warehouseId, units] of spread) em.persist(WarehouseStockEntity.of(warehouseId, productId, { onHand: units, reserved: 0 }));
    });
    return productId;
  };

  const warehouse = async (priority: number, active = true): Promise<string> => {
    const created = Object.assign(new WarehouseEntity(), { code: `W-${newId()}`.slice(0, 30).toUpperCase(), name: 'Test', country: 'DE', city: 'Berlin', priority, active });
    await db.write(async (em) => em.persist(created));
    return created.id;
  };

  const shelf = (warehouseId: string, productId: string) => db.read((em) => em.findOneOrFail(WarehouseStockEntity, { warehouseId, productId }));

  const request = (lines: ReservationLine[], orderId = `o-${newId()}`): TakeRequest => ({
    reservation: Object.assign(new ReservationEntity(), {
      orderId,
      status: ReservationStatus.ACTIVE,
      lines: [...lines].sort((a, b) => a.productId.localeCompare(b.productId)),
      expiresAt: new Date(AT.getTime() + 60_000),
      createdAt: AT,
      updatedAt: AT,
    }),
    actorId: 'service:orders',
    events: (applied) => [
      { id: newId(), type: 'stock.reserved', payload: { orderId, lines: applied.map((a) => a.productId) }, occurredAt: AT, traceparent: null },
      { id: newId(), type: 'audit.recorded', payload: { entityId: orderId }, occurredAt: AT, traceparent: null },
    ],
  });

  const levels = (productId: string) => db.read((em) => em.findOneOrFail(StockLevelEntity, { productId }));
  const movements = (orderId: string) => db.read((em) => em.find(StockMovementEntity, { orderId }, { orderBy: { productId: 'asc' } }));
  const outbox = (orderId: string) => db.read(async (em) => (await em.find(OutboxEntryEntity, {})).filter((row) => row.payload.orderId === orderId || row.payload.entityId === orderId));
  const reservation = (orderId: string) => db.read((em) => em.findOne(ReservationEntity, { orderId }));

  it('takes every line with its reservation row, movements and outbox rows, in one go', async () => {
    const a = await stock(10);
    const b = await stock(3, 1);
    const req = request([{ productId: a, quantity: 4 }, { productId: b, quantity: 2 }]);
    const outcome = await store.take(req);
    expect(outcome).toEqual({
      allocations: [
        { productId: a, warehouseId: DEFAULT_WAREHOUSE.id, quantity: 4 },
        { productId: b, warehouseId: DEFAULT_WAREHOUSE.id, quantity: 2 },
      ].sort((x, y) => x.productId.localeCompare(y.productId)),
      taken: expect.arrayContaining([
        { productId: a, before: { onHand: 10, reserved: 0, lowStockThreshold: 0 }, after: { onHand: 10, reserved: 4, lowStockThreshold: 0 }, version: 1 },
        { productId: b, before: { onHand: 3, reserved: 0, lowStockThreshold: 1 }, after: { onHand: 3, reserved: 2, lowStockThreshold: 1 }, version: 1 },
      ]),
      notices: [
        { id: a, version: 1 },
        { id: b, version: 1 },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    });
    expect(await levels(a)).toMatchObject({ onHand: 10, reserved: 4, version: 1, low: false });
    // 3 - 2 = 1 available, at the threshold of 1: the stored flag turns low.
    expect(await levels(b)).toMatchObject({ onHand: 3, reserved: 2, version: 1, low: true });
    const orderId = req.reservation.orderId;
    expect(await reservation(orderId)).toMatchObject({ status: ReservationStatus.ACTIVE, lines: req.reservation.lines, expiresAt: req.reservation.expiresAt, createdAt: AT });
    const moved = await movements(orderId);
    expect(moved.map((m) => ({ productId: m.productId, kind: m.kind, version: m.version, onHandDelta: m.onHandDelta, reservedDelta: m.reservedDelta, onHandAfter: m.onHandAfter, reservedAfter: m.reservedAfter, actorId: m.actorId, at: m.at }))).toEqual(
      [
        { productId: a, kind: StockMovementKind.RESERVE, version: 1, onHandDelta: 0, reservedDelta: 4, onHandAfter: 10, reservedAfter: 4, actorId: 'service:orders', at: AT },
        { productId: b, kind: StockMovementKind.RESERVE, version: 1, onHandDelta: 0, reservedDelta: 2, onHandAfter: 3, reservedAfter: 2, actorId: 'service:orders', at: AT },
      ].sort((x, y) => x.productId.localeCompare(y.productId)),
    );
    const events = await outbox(orderId);
    expect(events.map((e) => e.type).sort()).toEqual(['audit.recorded', 'stock.reserved']);
    expect(events.every((e) => e.publishedAt === null && e.occurredAt.getTime() === AT.getTime())).toBe(true);
  });

  it('answers a repeated order id as existing and moves no stock', async () => {
    const a = await stock(10);
    const req = request([{ productId: a, quantity: 1 }]);
    await store.take(req);
    expect(await store.take(request([{ productId: a, quantity: 5 }], req.reservation.orderId))).toEqual({ exists: true });
    expect(await levels(a)).toMatchObject({ reserved: 1, version: 1 });
    expect(await movements(req.reservation.orderId)).toHaveLength(1);
    expect(await outbox(req.reservation.orderId)).toHaveLength(2);
  });

  it('refuses an order with a short line, says how much is available, and writes nothing at all', async () => {
    const plenty = await stock(10);
    const scarce = await stock(1);
    const req = request([{ productId: plenty, quantity: 2 }, { productId: scarce, quantity: 2 }]);
    expect(await store.take(req)).toEqual({ short: [{ productId: scarce, requested: 2, available: 1 }] });
    expect(await levels(plenty)).toMatchObject({ reserved: 0 });
    expect(await levels(scarce)).toMatchObject({ reserved: 0, version: 0 });
    expect(await reservation(req.reservation.orderId)).toBeNull();
    expect(await outbox(req.reservation.orderId)).toEqual([]);
    // Where a unit is not a transaction (MongoDB without a replica set) the give-back is on the ledger: it nets to nothing.
    const held = (await movements(req.reservation.orderId)).reduce((sum, m) => sum + m.reservedDelta, 0);
    expect(held).toBe(0);
  });

  it('names every short line of a refused order, as the stock stood, and writes nothing', async () => {
    const [plenty, scarce, none] = [await stock(10), await stock(1), await stock(0)].sort();
    const req = request([{ productId: plenty, quantity: 2 }, { productId: scarce, quantity: 2 }, { productId: none, quantity: 1 }]);
    expect(await store.take(req)).toEqual({
      short: [
        { productId: scarce, requested: 2, available: 1 },
        { productId: none, requested: 1, available: 0 },
      ],
    });
    expect(await levels(plenty)).toMatchObject({ reserved: 0 });
    expect(await reservation(req.reservation.orderId)).toBeNull();
  });

  it("notices a variant's change on the variant and on its product, with the sum of the product's versions", async () => {
    const product = `p-${newId()}`;
    const variant = `v-${newId()}`;
    await db.write(async (em) => {
      em.persist(Object.assign(StockLevelEntity.of(product, 0), { version: 5 }));
      em.persist(StockLevelEntity.of(variant, 4, product));
      em.persist(WarehouseStockEntity.of(DEFAULT_WAREHOUSE.id, variant, { onHand: 4, reserved: 0 }));
    });
    const outcome = await store.take(request([{ productId: variant, quantity: 1 }]));
    expect(outcome).toMatchObject({ notices: [{ id: variant, version: 1 }, { id: product, version: 6 }] });
  });

  // Group commit: the calls below are all made in one event-loop turn, so a group-committing adapter takes them in one transaction.
  it('gives each of many orders in one turn over one hot row its own outcome, as if taken one after the other', async () => {
    const hot = await stock(10);
    const quantities = [3, 4, 5, 2, 1, 1];
    const reqs = quantities.map((quantity) => request([{ productId: hot, quantity }]));
    const outcomes = await Promise.all(reqs.map((r) => store.take(r)));
    const taken = outcomes.flatMap((o, i) => ('taken' in o ? [quantities[i]] : []));
    // Whatever order they were taken in: never more than 10, and each refusal true when it was made.
    expect(taken.reduce((sum, q) => sum + q, 0)).toBeLessThanOrEqual(10);
    expect(await levels(hot)).toMatchObject({ reserved: taken.reduce((sum, q) => sum + q, 0), version: taken.length });
    for (const [i, outcome] of outcomes.entries()) {
      const orderId = reqs[i].reservation.orderId;
      if ('taken' in outcome) {
        expect(await reservation(orderId)).toMatchObject({ status: ReservationStatus.ACTIVE });
        expect((await movements(orderId)).map((m) => m.reservedDelta)).toEqual([quantities[i]]);
        expect(await outbox(orderId)).toHaveLength(2);
      } else {
        expect(outcome).toEqual({ short: [{ productId: hot, requested: quantities[i], available: expect.any(Number) }] });
        if ('short' in outcome) expect(outcome.short[0].available).toBeLessThan(quantities[i]);
        expect(await reservation(orderId)).toBeNull();
        expect(await movements(orderId)).toEqual([]);
        expect(await outbox(orderId)).toEqual([]);
      }
    }
    // Stock only goes down, so what is left never fills an order refused earlier: no refusal was false.
    const left = 10 - taken.reduce((sum, q) => sum + q, 0);
    const refused = quantities.filter((_, i) => 'short' in outcomes[i]);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((q) => q > left)).toBe(true);
  });

  it('undoes the lines already taken of an order refused in the same turn as others on the same products, and keeps the others', async () => {
    const [a, b] = [await stock(5), await stock(1)].sort();
    const first = request([{ productId: a, quantity: 2 }]);
    // Its line of a is taken before its line of b is found short: the line of a must be given back.
    const refused = request([{ productId: a, quantity: 2 }, { productId: b, quantity: 2 }]);
    const last = request([{ productId: a, quantity: 3 }, { productId: b, quantity: 1 }]);
    const [one, two, three] = await Promise.all([store.take(first), store.take(refused), store.take(last)]);
    expect(one).toHaveProperty('taken');
    expect(two).toEqual({ short: [{ productId: b, requested: 2, available: 1 }] });
    expect(three).toHaveProperty('taken');
    expect(await levels(a)).toMatchObject({ onHand: 5, reserved: 5, version: 2 });
    expect(await levels(b)).toMatchObject({ onHand: 1, reserved: 1, version: 1 });
    expect(await shelf(DEFAULT_WAREHOUSE.id, a)).toMatchObject({ reserved: 5 });
    expect(await reservation(refused.reservation.orderId)).toBeNull();
    expect(await outbox(refused.reservation.orderId)).toEqual([]);
    const held = (await movements(refused.reservation.orderId)).reduce((sum, m) => sum + m.reservedDelta, 0);
    expect(held).toBe(0);
  });

  it('takes one of two calls for the same order in one turn and answers the other as existing', async () => {
    const a = await stock(10);
    const req = request([{ productId: a, quantity: 2 }]);
    const outcomes = await Promise.all([store.take(req), store.take(request([{ productId: a, quantity: 2 }], req.reservation.orderId))]);
    expect(outcomes.filter((o) => 'taken' in o)).toHaveLength(1);
    expect(outcomes.filter((o) => 'exists' in o)).toHaveLength(1);
    expect(await levels(a)).toMatchObject({ reserved: 2, version: 1 });
    expect(await outbox(req.reservation.orderId)).toHaveLength(2);
  });

  it("fails alone a call whose work fails, writing nothing of it, and keeps its neighbours'", async () => {
    const a = await stock(10);
    const good = [request([{ productId: a, quantity: 1 }]), request([{ productId: a, quantity: 1 }])];
    const broken: TakeRequest = {
      ...request([{ productId: a, quantity: 1 }]),
      events: () => {
        throw new Error('no events for this one');
      },
    };
    const [x, y, z] = await Promise.allSettled([store.take(good[0]), store.take(broken), store.take(good[1])]);
    expect(x).toMatchObject({ status: 'fulfilled', value: { taken: expect.any(Array) } });
    expect(y).toMatchObject({ status: 'rejected', reason: new Error('no events for this one') });
    expect(z).toMatchObject({ status: 'fulfilled', value: { taken: expect.any(Array) } });
    expect(await levels(a)).toMatchObject({ reserved: 2, version: 2 });
    expect(await reservation(broken.reservation.orderId)).toBeNull();
    const held = (await movements(broken.reservation.orderId)).reduce((sum, m) => sum + m.reservedDelta, 0);
    expect(held).toBe(0);
  });

  const settle = (orderId: string, request: ReservationRequest) =>
    store.settle({
      orderId,
      request,
      reason: request === 'commit' ? null : `${request} test`,
      at: AT,
      actorId: 'service:orders',
      events: (before, after, applied) => [
        { id: newId(), type: `stock.${request}`, payload: { orderId, from: before.status, to: after.status, products: applied.map((a) => a.productId) }, occurredAt: AT, traceparent: null },
      ],
    });

  it('commits a reservation: its units leave on hand and reserved, per warehouse and in total, with a movement and its event', async () => {
    const a = await stock(10);
    const req = request([{ productId: a, quantity: 3 }]);
    await store.take(req);
    const orderId = req.reservation.orderId;
    const outcome = await settle(orderId, 'commit');
    expect(outcome).toMatchObject({
      before: { orderId, status: ReservationStatus.ACTIVE },
      after: { orderId, status: ReservationStatus.COMMITTED, lines: req.reservation.lines },
      applied: [{ productId: a, before: { onHand: 10, reserved: 3 }, after: { onHand: 7, reserved: 0 }, version: 2 }],
      notices: [{ id: a, version: 2 }],
    });
    expect(await reservation(orderId)).toMatchObject({ status: ReservationStatus.COMMITTED });
    expect(await levels(a)).toMatchObject({ onHand: 7, reserved: 0, version: 2 });
    expect(await shelf(DEFAULT_WAREHOUSE.id, a)).toMatchObject({ onHand: 7, reserved: 0 });
    expect((await movements(orderId)).map((m) => [m.kind, m.onHandDelta, m.reservedDelta, m.onHandAfter, m.reservedAfter]).sort()).toEqual(
      [
        [StockMovementKind.RESERVE, 0, 3, 10, 3],
        [StockMovementKind.COMMIT, -3, -3, 7, 0],
      ].sort(),
    );
    expect((await outbox(orderId)).map((e) => e.type).sort()).toEqual(['audit.recorded', 'stock.commit', 'stock.reserved']);
  });

  it('releases a reservation once: a repeated release, and a commit after it, find it released and move nothing', async () => {
    const a = await stock(10);
    const req = request([{ productId: a, quantity: 4 }]);
    await store.take(req);
    const orderId = req.reservation.orderId;
    expect(await settle(orderId, 'release')).toMatchObject({ after: { status: ReservationStatus.RELEASED, releaseReason: 'release test' } });
    expect(await settle(orderId, 'release')).toEqual({ current: expect.objectContaining({ status: ReservationStatus.RELEASED }) });
    expect(await settle(orderId, 'commit')).toEqual({ current: expect.objectContaining({ status: ReservationStatus.RELEASED }) });
    expect(await levels(a)).toMatchObject({ onHand: 10, reserved: 0, version: 2 });
    expect(await outbox(orderId)).toHaveLength(3);
  });

  it('moves a reservation for exactly one of a commit and a release racing in one turn', async () => {
    const a = await stock(10);
    const req = request([{ productId: a, quantity: 2 }]);
    await store.take(req);
    const orderId = req.reservation.orderId;
    const outcomes = await Promise.all([settle(orderId, 'commit'), settle(orderId, 'release'), settle(orderId, 'commit')]);
    const moved = outcomes.filter((o) => 'after' in o);
    expect(moved).toHaveLength(1);
    const final = (await reservation(orderId))?.status;
    expect(final === ReservationStatus.COMMITTED || final === ReservationStatus.RELEASED).toBe(true);
    expect(await levels(a)).toMatchObject(final === ReservationStatus.COMMITTED ? { onHand: 8, reserved: 0, version: 2 } : { onHand: 10, reserved: 0, version: 2 });
  });

  it('returns a sold reservation to its warehouses, and answers an order without one as absent', async () => {
    const [w1, w2] = [await warehouse(2), await warehouse(1)];
    const a = await stock(5, 0, [[w1, 2], [w2, 3]]);
    const req = request([{ productId: a, quantity: 4 }]);
    await store.take(req);
    const orderId = req.reservation.orderId;
    await settle(orderId, 'commit');
    expect(await settle(orderId, 'return')).toMatchObject({ after: { status: ReservationStatus.RETURNED } });
    expect(await levels(a)).toMatchObject({ onHand: 5, reserved: 0 });
    expect(await shelf(w1, a)).toMatchObject({ onHand: 2, reserved: 0 });
    expect(await shelf(w2, a)).toMatchObject({ onHand: 3, reserved: 0 });
    expect(await settle(`o-${newId()}`, 'release')).toEqual({ current: null });
  });

  it('refuses a product never stocked as having none available', async () => {
    const req = request([{ productId: `missing-${newId()}`, quantity: 1 }]);
    expect(await store.take(req)).toEqual({ short: [{ productId: req.reservation.lines[0].productId, requested: 1, available: 0 }] });
    expect(await reservation(req.reservation.orderId)).toBeNull();
  });

  it('never oversells: 40 orders racing for 10 units get exactly 10', async () => {
    const hot = await stock(10);
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => store.take(request([{ productId: hot, quantity: 1 }]))));
    expect(outcomes.filter((o) => 'taken' in o)).toHaveLength(10);
    expect(outcomes.filter((o) => 'short' in o)).toHaveLength(30);
    expect(await levels(hot)).toMatchObject({ onHand: 10, reserved: 10, version: 10 });
    const all = await db.read((em) => em.find(StockMovementEntity, { productId: hot }));
    expect(all.map((m) => m.version).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('runs beside the ORM\'s own units of work on the same database without losing either', async () => {
    const hot = await stock(30);
    const takes = Array.from({ length: 20 }, () => store.take(request([{ productId: hot, quantity: 1 }])));
    const others = Array.from({ length: 20 }, (_, i) => stock(i + 1));
    const [outcomes, stocked] = await Promise.all([Promise.all(takes), Promise.all(others)]);
    expect(outcomes.every((o) => 'taken' in o)).toBe(true);
    expect(await levels(hot)).toMatchObject({ reserved: 20, version: 20 });
    expect(await db.read((em) => em.count(StockLevelEntity, { productId: { $in: stocked } }))).toBe(20);
  });

  it('splits a line over warehouses by priority, then most available, and records which gave what', async () => {
    const high = await warehouse(10);
    const lowFull = await warehouse(1);
    const lowSparse = await warehouse(1);
    const a = await stock(9, 0, [[high, 2], [lowFull, 5], [lowSparse, 2]]);
    const req = request([{ productId: a, quantity: 6 }]);
    const outcome = await store.take(req);
    const expected = [
      { productId: a, warehouseId: high, quantity: 2 },
      { productId: a, warehouseId: lowFull, quantity: 4 },
    ].sort((x, y) => x.warehouseId.localeCompare(y.warehouseId));
    expect(outcome).toMatchObject({ allocations: expected });
    expect(await reservation(req.reservation.orderId)).toMatchObject({ allocations: expected });
    expect(await shelf(high, a)).toMatchObject({ onHand: 2, reserved: 2, low: true });
    expect(await shelf(lowFull, a)).toMatchObject({ onHand: 5, reserved: 4 });
    expect(await shelf(lowSparse, a)).toMatchObject({ onHand: 2, reserved: 0 });
    expect(await levels(a)).toMatchObject({ onHand: 9, reserved: 6, version: 2 });
    const moved = await movements(req.reservation.orderId);
    expect(moved.map((m) => [m.warehouseId, m.reservedDelta, m.warehouseReservedAfter]).sort()).toEqual([[high, 2, 2], [lowFull, 4, 4]].sort());
  });

  it('takes nothing from an inactive warehouse, and refuses a line the active ones cannot fill together, writing nothing', async () => {
    const open = await warehouse(5);
    const closed = await warehouse(50, false);
    const a = await stock(8, 0, [[open, 3], [closed, 5]]);
    const req = request([{ productId: a, quantity: 4 }]);
    expect(await store.take(req)).toEqual({ short: [{ productId: a, requested: 4, available: 3 }] });
    expect(await shelf(open, a)).toMatchObject({ reserved: 0, version: 0 });
    expect(await shelf(closed, a)).toMatchObject({ reserved: 0, version: 0 });
    expect(await levels(a)).toMatchObject({ reserved: 0, version: 0 });
    expect(await reservation(req.reservation.orderId)).toBeNull();
  });

  it('never oversells across warehouses: 40 orders of 2 racing for 3 + 4 + 5 units in three warehouses get exactly 6, each from whole stock', async () => {
    const [w1, w2, w3] = [await warehouse(3), await warehouse(2), await warehouse(2)];
    const hot = await stock(12, 0, [[w1, 3], [w2, 4], [w3, 5]]);
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => store.take(request([{ productId: hot, quantity: 2 }]))));
    expect(outcomes.filter((o) => 'taken' in o)).toHaveLength(6);
    for (const w of [w1, w2, w3]) {
      const row = await shelf(w, hot);
      expect(row.reserved).toBe(row.onHand);
    }
    expect(await levels(hot)).toMatchObject({ onHand: 12, reserved: 12 });
    const held = (await db.read((em) => em.find(StockMovementEntity, { productId: hot }))).reduce((sum, m) => sum + m.reservedDelta, 0);
    expect(held).toBe(12);
  });
});
