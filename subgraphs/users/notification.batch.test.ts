import 'reflect-metadata';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { countStatements } from '../../bench/sqlite-statements';
import { ORDER_EVENTS, type OrderEventPayload } from '../../contracts/orders-api';
import { systemClock } from '../../platform/clock';
import { loadConfig } from '../../platform/config';
import { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { InternalClient } from '../../platform/internal-client';
import { createLogger } from '../../platform/log';
import type { DomainEvent } from '../../platform/messaging/event-bus';
import { MemoryPubSub } from '../../platform/messaging/pubsub.memory';
import { Metrics } from '../../platform/metrics';
import { openOrm } from '../../platform/orm';
import { subgraphEntities } from '../../platform/subgraph';
import { CatalogClient } from './catalog.client';
import { FileMailTransport } from './mail.transport.file';
import { NotificationEntity, NotificationStatus } from './notification.entity';
import { NotificationService } from './notification.service';
import { UserEntity } from './user.entity';
import { users } from './users.module';

const silent = createLogger('test', 'error', () => undefined);

function placed(customerId: string, productId: string): DomainEvent {
  const payload: OrderEventPayload = { orderId: newId(), customerId, status: 'AWAITING_PAYMENT', total: 1200, currency: 'EUR', lines: [{ productId, quantity: 1, unitPrice: 1200 }] };
  return { id: newId(), type: ORDER_EVENTS.placed, occurredAt: new Date().toISOString(), payload: { ...payload } };
}

/**
 * The notification worker's batches against a real users database (temp
 * SQLite), .eml files and a stand-in catalog on loopback that counts the
 * product-name requests it answers.
 */
describe('notifications in batches', () => {
  let dir: string;
  let orm: MikroORM;
  let service: NotificationService;
  let catalog: Server;
  let catalogRequests = 0;
  const customers: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'shop-notify-batch-'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'error' });
    orm = await openOrm({ service: 'users', entities: subgraphEntities(users), config });
    const em = orm.em.fork();
    for (let n = 0; n < 10; n += 1) {
      const user = Object.assign(new UserEntity(), { email: `buyer${n}@shop.test`, name: `Buyer ${n}`, passwordHash: 'not used' });
      em.persist(user);
      customers.push(user.id);
    }
    await em.flush();
    catalog = createServer((req, res) => {
      catalogRequests += 1;
      req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { _entities: [] } })));
    });
    await new Promise<void>((resolve) => catalog.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(catalog.address() as AddressInfo).port}/graphql`;
    const internal = new InternalClient('users', () => url, config.auth.internalSecret, 5_000);
    const transport = new FileMailTransport({ dir: path.join(dir, 'outbox'), clock: systemClock });
    service = new NotificationService(
      { db: new Db(orm), clock: systemClock, log: silent, mailFrom: 'Shop <shop@shop.test>' },
      transport,
      // The copy of product names off: each batch's one read of catalog is what this test counts.
      new CatalogClient(internal, silent, { pubsub: new MemoryPubSub(), metrics: new Metrics(), maxAgeMs: 0, maxEntries: 1 }),
    );
  });

  afterAll(async () => {
    await new Promise((resolve) => catalog.close(resolve));
    await orm.close(true);
    await rm(dir, { recursive: true, force: true });
  });

  it('mails a batch of ten orders with one read of the recipients, one catalog call and one write each to claim and to record them', async () => {
    const events = customers.map((id, n) => placed(id, `product-${n % 3}`));
    catalogRequests = 0;
    const statements = countStatements();
    let failures: ReadonlyMap<string, unknown>;
    try {
      failures = await service.handleBatch(events);
    } finally {
      statements.restore();
    }
    expect([...failures.keys()]).toEqual([]);
    expect(await readdir(path.join(dir, 'outbox'))).toHaveLength(10);
    const records = await orm.em.fork().find(NotificationEntity, { eventId: { $in: events.map((e) => e.id) } });
    expect(records.map((record) => record.status)).toEqual(Array(10).fill(NotificationStatus.SENT));
    expect(catalogRequests).toBe(1);
    // Recipients, the mails' records, the claim, the sent marks: one event at a time it was four per mail.
    expect(statements.count()).toBe(4);
    expect(statements.transactions()).toBe(2);

    // Delivered again as a batch: nothing is sent twice.
    expect([...(await service.handleBatch(events)).keys()]).toEqual([]);
    expect(await readdir(path.join(dir, 'outbox'))).toHaveLength(10);
  });
});
