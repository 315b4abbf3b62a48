import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { setTimeout as delay } from 'node:timers/promises';
import type { SubgraphDeps } from '../platform/subgraph';
import { countStatements } from './sqlite-statements';

/**
 * One scenario of messaging.bench.ts on one build (`root`, a dist
 * directory: this one or a copy of the code before), loaded by path so the
 * same file measures both. Prints one JSON line.
 * - relay-1: every commit of one event kicks the relay and waits for it (a checkout's commits);
 * - relay-100: commits of 100 events, then one kick (a backlog);
 * - audit-trickle / audit-burst: catalog's audit consumer (AuditService) storing
 *   audit.recorded events published one per event-loop turn / 100 at once.
 */
/** A module of the build under test, typed as this build's (the older one has the same exports used here). */
function load<T>(root: string, file: string): Promise<T> {
  return import(path.join(root, file)) as Promise<T>;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function main(): Promise<void> {
  const [root, scenario, count] = process.argv.slice(2);
  const events = Number(count);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-messaging-'));
  const { loadConfig } = await load<typeof import('../platform/config')>(root, 'platform/config.js');
  const { openOrm } = await load<typeof import('../platform/orm')>(root, 'platform/orm.js');
  const { Outbox, OutboxEntryEntity } = await load<typeof import('../platform/messaging/outbox')>(root, 'platform/messaging/outbox.js');
  const { ProcessedEventEntity } = await load<typeof import('../platform/messaging/inbox')>(root, 'platform/messaging/inbox.js');
  const { MemoryEventBus } = await load<typeof import('../platform/messaging/event-bus.memory')>(root, 'platform/messaging/event-bus.memory.js');
  const { createLogger } = await load<typeof import('../platform/log')>(root, 'platform/log.js');
  const { Db } = await load<typeof import('../platform/db')>(root, 'platform/db.js');
  const { AuditEntryEntity } = await load<typeof import('../subgraphs/catalog/audit.entity')>(root, 'subgraphs/catalog/audit.entity.js');
  const { AuditService } = await load<typeof import('../subgraphs/catalog/audit.service')>(root, 'subgraphs/catalog/audit.service.js');
  const { auditRecord, AUDIT_RECORDED } = await load<typeof import('../contracts/audit')>(root, 'contracts/audit.js');
  const { newId } = await load<typeof import('../platform/ids')>(root, 'platform/ids.js');
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  const orm: MikroORM = await openOrm({ service: 'catalog', entities: [OutboxEntryEntity, ProcessedEventEntity, AuditEntryEntity], config });
  const log = createLogger('bench', 'error', () => undefined);
  const clock = { now: () => new Date() };
  const bus = new MemoryEventBus();
  const statements = countStatements();
  let cpuMicros = 0;
  let counted = { statements: 0, transactions: 0 };
  /** CPU and statements of `work` only (not of the set-up around it). */
  const measured = async (work: () => Promise<void>) => {
    const [s0, t0] = [statements.count(), statements.transactions()];
    const start = process.cpuUsage();
    await work();
    const used = process.cpuUsage(start);
    cpuMicros += used.user + used.system;
    counted = { statements: counted.statements + statements.count() - s0, transactions: counted.transactions + statements.transactions() - t0 };
  };

  if (scenario.startsWith('relay')) {
    const outbox = new Outbox(orm, bus, clock, log, { retentionMs: 3_600_000 });
    const perCommit = scenario === 'relay-1' ? 1 : 100;
    for (let done = 0; done < events; done += perCommit) {
      const em = orm.em.fork();
      for (let i = 0; i < perCommit; i += 1) outbox.add(em, 'thing.happened', { n: done + i });
      await em.flush();
      await measured(() => outbox.flushPending());
    }
  } else {
    // The consumer uses the bus, the database and the log only.
    const audit = new AuditService({ db: new Db(orm), events: bus, log, clock } as unknown as SubgraphDeps);
    await audit.startConsuming();
    const burst = scenario === 'audit-burst' ? 100 : 1;
    const published = Array.from({ length: events }, (_, n) => ({
      id: newId(),
      type: AUDIT_RECORDED,
      occurredAt: new Date().toISOString(),
      payload: auditRecord('orders', null, new Date(), { action: 'order.paid', entityType: 'Order', entityId: `order-${n}`, before: { status: 'AWAITING_PAYMENT' }, after: { status: 'PAID' } }),
    }));
    // The consumer runs beside the publishing and the checks, so the whole phase is measured
    // and each check's one statement taken off; a check every 50 ms costs next to nothing.
    let checks = 0;
    await measured(async () => {
      for (let done = 0; done < events; done += burst) {
        for (const event of published.slice(done, done + burst)) await bus.publish(event);
        await turn();
      }
      while (((checks += 1), await orm.em.fork().count(AuditEntryEntity, {})) < events) await delay(50);
    });
    counted = { ...counted, statements: counted.statements - checks };
  }
  statements.restore();
  await bus.close();
  await orm.close(true);
  await rm(dataDir, { recursive: true, force: true });
  process.stdout.write(
    `${JSON.stringify({ scenario, events, cpuMsPerEvent: cpuMicros / 1000 / events, statementsPerEvent: counted.statements / events, transactionsPerEvent: counted.transactions / events })}\n`,
  );
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
