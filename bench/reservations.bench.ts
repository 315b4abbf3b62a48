import 'reflect-metadata';
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock } from '../platform/clock';
import { loadConfig, type Config } from '../platform/config';
import type { ReservationLine } from '../contracts/inventory-api';
import { createLogger } from '../platform/log';
import { openMessaging, type Messaging } from '../platform/messaging/messaging';
import { startSubgraph, type RunningSubgraph } from '../platform/subgraph';
import { inventory } from '../subgraphs/inventory/inventory.module';
import { StockLevelEntity } from '../subgraphs/inventory/stock.entity';
import { DEFAULT_WAREHOUSE, WarehouseStockEntity } from '../subgraphs/inventory/warehouse.entity';
import { startBareReservations } from './reservations.bare';
import type { StormJob, StormOutcome } from './reservations.client';
import { wholeNumberOption } from './options';

/**
 * Reservations per second under contention, through the inventory
 * subgraph's real entry point: HTTP POSTs of `reserveStock` with a signed
 * SERVICE caller, as orders sends them, against SQLite on local disk.
 *
 *   npm run bench:reservations [-- --requests 1000 --concurrency 64]
 *
 * Inventory runs in this process; the calls come from a child process
 * (bench/reservations.client.ts). Scenarios: every order wants the same
 * product (the worst case for a compare-and-set), orders of three lines over
 * three hot products, a product selling out (most calls refused), two
 * inventory instances sharing the database, as two processes would, and the
 * ceiling: the same reservation on bare libsql behind node:http
 * (bench/reservations.bare.ts).
 */

interface Options {
  readonly requests: number;
  readonly concurrency: number;
}

interface Row extends StormOutcome {
  readonly name: string;
  readonly requests: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string, fallback: number): number => wholeNumberOption(argv, flag, fallback);
  return { requests: value('--requests', 1000), concurrency: value('--concurrency', 64) };
}

function storm(name: string, job: StormJob): Promise<Row> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'reservations.client.js'));
    child.once('message', (outcome: StormOutcome) => resolve({ name, requests: job.requests, ...outcome }));
    child.once('exit', (code) => code !== 0 && reject(new Error(`${name}: the calling process exited with ${code}`)));
    child.send(job);
  });
}

async function stock(subgraph: RunningSubgraph, levels: Record<string, number>): Promise<void> {
  const em = subgraph.orm.em.fork();
  // The subgraph has started (and migrated), so each product gets its default-warehouse row beside its total.
  for (const [productId, onHand] of Object.entries(levels)) {
    em.persist(Object.assign(StockLevelEntity.empty(productId), { onHand }));
    em.persist(WarehouseStockEntity.of(DEFAULT_WAREHOUSE.id, productId, { onHand, reserved: 0 }));
  }
  await em.flush();
}

/** The oversell check: whatever the timing, reserved never exceeds onHand, and the sell-out sold exactly its 10. */
async function verify(subgraph: RunningSubgraph, rows: readonly Row[]): Promise<void> {
  const levels = await subgraph.orm.em.fork().find(StockLevelEntity, {});
  for (const level of levels) {
    if (level.reserved > level.onHand) throw new Error(`OVERSOLD ${level.productId}: reserved ${level.reserved} > onHand ${level.onHand}`);
  }
  const scarce = levels.find((level) => level.productId === 'scarce');
  const sellOut = rows.find((row) => row.name.startsWith('selling out'));
  if (scarce?.reserved !== 10 || sellOut?.reserved !== 10) throw new Error('the sell-out did not reserve exactly 10 units');
}

function start(config: Config, messaging: Messaging): Promise<RunningSubgraph> {
  return startSubgraph(inventory, {
    config,
    pubsub: messaging.pubsub,
    events: messaging.events,
    clock: systemClock,
    log: createLogger('bench', 'error', () => undefined),
    port: 0,
  });
}

function print(rows: readonly Row[], options: Options): void {
  const cells = rows.map((r) => [
    r.name,
    String(r.requests),
    String(r.reserved),
    String(r.refused),
    String(r.failed),
    (r.requests / r.seconds).toFixed(0),
    (r.reserved / r.seconds).toFixed(0),
    r.p50.toFixed(0),
    r.p99.toFixed(0),
  ]);
  const header = ['scenario', 'calls', 'reserved', 'refused', 'failed', 'calls/s', 'reservations/s', 'p50 ms', 'p99 ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(
    [
      `reserveStock over HTTP, ${options.concurrency} calls in flight, Node ${process.version}, ${availableParallelism()} CPU(s) (${cpus()[0]?.model ?? 'unknown'})`,
      // Other work on the machine skews every figure: the load average says how much there was.
      `load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
      '',
      line(header),
      ...cells.map(line),
      '',
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'shop-bench-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'error', RESERVATION_SWEEP_INTERVAL_MS: '3600000' });
  const messaging = await openMessaging(config);
  const first = await start(config, messaging);
  const job = (urls: string[], lines: ReservationLine[], requests = options.requests): StormJob => ({
    urls,
    secret: config.auth.internalSecret,
    requests,
    concurrency: options.concurrency,
    lines,
  });
  const plenty = options.requests * 10;
  try {
    await stock(first, { warmup: plenty, hot: plenty, 'hot-a': plenty, 'hot-b': plenty, 'hot-c': plenty, scarce: 10, shared: plenty });
    await storm('warm-up', job([first.url], [{ productId: 'warmup', quantity: 1 }], 200));
    const rows = [
      await storm('one hot product', job([first.url], [{ productId: 'hot', quantity: 1 }])),
      await storm(
        'three-line orders, 3 hot products',
        job([first.url], [
          { productId: 'hot-a', quantity: 1 },
          { productId: 'hot-b', quantity: 2 },
          { productId: 'hot-c', quantity: 1 },
        ]),
      ),
      await storm('selling out 10 units', job([first.url], [{ productId: 'scarce', quantity: 1 }])),
    ];
    // Started only now: a second instance's outbox relay competes for the database even when it serves no calls.
    const second = await start(config, messaging);
    try {
      rows.push(await storm('one hot product, 2 instances', job([first.url, second.url], [{ productId: 'shared', quantity: 1 }])));
    } finally {
      await second.stop();
    }
    // The ceiling, measured in the same run: the same transaction on bare libsql behind node:http.
    const bare = await startBareReservations(dataDir, { hot: plenty });
    try {
      const row = await storm('ceiling: bare libsql + node:http, one hot product', job([bare.url], [{ productId: 'hot', quantity: 1 }]));
      if (bare.reserved('hot') !== row.reserved) throw new Error('the bare ceiling lost count of its reservations');
      rows.push(row);
    } finally {
      await bare.stop();
    }
    await verify(first, rows);
    print(rows, options);
  } finally {
    await first.stop();
    await messaging.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
