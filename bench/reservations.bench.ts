import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CALLER_HEADER, signCallerHeader } from '../subgraphs/kernel/caller';
import { systemClock } from '../subgraphs/kernel/clock';
import { loadConfig, type Config } from '../subgraphs/kernel/config';
import { RESERVE_STOCK, type ReservationLine } from '../subgraphs/kernel/inventory-api';
import { createLogger } from '../subgraphs/kernel/log';
import { openMessaging, type Messaging } from '../subgraphs/kernel/messaging';
import { startSubgraph, type RunningSubgraph } from '../subgraphs/kernel/subgraph';
import { inventory } from '../subgraphs/inventory/inventory.module';
import { StockLevelEntity } from '../subgraphs/inventory/stock.entity';

/**
 * Reservations per second under contention, through the inventory
 * subgraph's real entry point: HTTP POSTs of `reserveStock` with a signed
 * SERVICE caller, as orders sends them, against SQLite on local disk.
 *
 *   npm run bench:reservations [-- --requests 2000 --concurrency 64]
 *
 * Scenarios: every order wants the same product (the worst case for a
 * compare-and-set), orders of three lines over three hot products, a product
 * selling out (most calls refused), and two inventory instances sharing the
 * database, as two processes would.
 */

interface Options {
  readonly requests: number;
  readonly concurrency: number;
}

interface Outcome {
  readonly name: string;
  readonly requests: number;
  readonly reserved: number;
  readonly refused: number;
  readonly failed: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string, fallback: number): number => {
    const at = argv.indexOf(flag);
    if (at < 0) return fallback;
    const n = Number(argv[at + 1]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a positive whole number`);
    return n;
  };
  return { requests: value('--requests', 2000), concurrency: value('--concurrency', 64) };
}

async function reserve(url: string, secret: string, orderId: string, lines: ReservationLine[]): Promise<'reserved' | 'refused' | 'failed'> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [CALLER_HEADER]: signCallerHeader({ userId: 'service:bench', roles: ['SERVICE'], sessionId: null }, secret),
    },
    body: JSON.stringify({ query: RESERVE_STOCK, variables: { orderId, lines } }),
  });
  const body = (await response.json()) as { data?: { reserveStock?: { status: string } } | null; errors?: Array<{ extensions?: { code?: string } }> };
  if (body.data?.reserveStock?.status === 'ACTIVE') return 'reserved';
  return body.errors?.[0]?.extensions?.code === 'CONFLICT' ? 'refused' : 'failed';
}

/** `total` calls, at most `concurrency` in flight, spread round-robin over `urls`. */
async function storm(name: string, urls: readonly string[], secret: string, options: Options, linesFor: () => ReservationLine[]): Promise<Outcome> {
  const latencies: number[] = [];
  const counts = { reserved: 0, refused: 0, failed: 0 };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.requests) {
        const i = next++;
        const t0 = performance.now();
        counts[await reserve(urls[i % urls.length], secret, `bench-${randomUUID()}`, linesFor())] += 1;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { name, requests: options.requests, ...counts, seconds, p50: pct(0.5), p99: pct(0.99) };
}

async function stock(subgraph: RunningSubgraph, levels: Record<string, number>): Promise<void> {
  const em = subgraph.orm.em.fork();
  for (const [productId, onHand] of Object.entries(levels)) em.persist(Object.assign(StockLevelEntity.empty(productId), { onHand }));
  await em.flush();
}

/** The oversell check: whatever the timing, reserved never exceeds onHand. */
async function verify(subgraph: RunningSubgraph, productIds: readonly string[]): Promise<void> {
  const rows = await subgraph.orm.em.fork().find(StockLevelEntity, { productId: { $in: [...productIds] } });
  for (const row of rows) {
    if (row.reserved > row.onHand) throw new Error(`OVERSOLD ${row.productId}: reserved ${row.reserved} > onHand ${row.onHand}`);
  }
}

async function start(config: Config, messaging: Messaging): Promise<RunningSubgraph> {
  return startSubgraph(inventory, {
    config,
    pubsub: messaging.pubsub,
    events: messaging.events,
    clock: systemClock,
    log: createLogger('bench', 'error', () => undefined),
    port: 0,
  });
}

function print(outcomes: readonly Outcome[], options: Options): void {
  const rows = outcomes.map((o) => [
    o.name,
    String(o.requests),
    String(o.reserved),
    String(o.refused),
    String(o.failed),
    (o.requests / o.seconds).toFixed(0),
    (o.reserved / o.seconds).toFixed(0),
    o.p50.toFixed(1),
    o.p99.toFixed(1),
  ]);
  const header = ['scenario', 'calls', 'reserved', 'refused', 'failed', 'calls/s', 'reservations/s', 'p50 ms', 'p99 ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(
    [
      `reserveStock over HTTP, ${options.concurrency} calls in flight, Node ${process.version}, ${availableParallelism()} CPU(s) (${cpus()[0]?.model ?? 'unknown'})`,
      // Other work on the machine skews every figure: the load average says how much there was.
      `load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
      '',
      line(header),
      ...rows.map(line),
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
  const secret = config.auth.internalSecret;
  const plenty = options.requests * 10;
  try {
    await stock(first, { warmup: plenty, hot: plenty, 'hot-a': plenty, 'hot-b': plenty, 'hot-c': plenty, scarce: 10, shared: plenty });
    await storm('warm-up', [first.url], secret, { requests: 200, concurrency: options.concurrency }, () => [{ productId: 'warmup', quantity: 1 }]);
    const outcomes = [
      await storm('one hot product', [first.url], secret, options, () => [{ productId: 'hot', quantity: 1 }]),
      await storm('three-line orders, 3 hot products', [first.url], secret, options, () => [
        { productId: 'hot-a', quantity: 1 },
        { productId: 'hot-b', quantity: 2 },
        { productId: 'hot-c', quantity: 1 },
      ]),
      await storm('selling out 10 units', [first.url], secret, options, () => [{ productId: 'scarce', quantity: 1 }]),
    ];
    // Started only now: a second instance's outbox relay competes for the database lock even when it serves no calls.
    const second = await start(config, messaging);
    try {
      outcomes.push(await storm('one hot product, 2 instances', [first.url, second.url], secret, options, () => [{ productId: 'shared', quantity: 1 }]));
    } finally {
      await second.stop();
    }
    await verify(first, ['hot', 'hot-a', 'hot-b', 'hot-c', 'scarce', 'shared']);
    print(outcomes, options);
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
