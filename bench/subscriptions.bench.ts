import 'reflect-metadata';
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../platform/config';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { createLogger } from '../platform/log';
import { channels } from '../platform/messaging/pubsub';
import { StockLevelEntity } from '../subgraphs/inventory/stock.entity';
import { startStack, type RunningStack } from '../stack';

/**
 * Subscribers on one gateway: memory, event-to-client latency and federated
 * fetches per event, with and without sharing.
 *
 *   npm run bench:subscriptions                 # 1,000 and 10,000 subscribers
 *   npm run bench:subscriptions -- 2000         # other counts
 *
 * The whole supergraph runs in this process (embedded mode: gateway, five
 * subgraphs, in-process pub/sub); subscribers run in a child process. An
 * event is a stock change written to inventory's database followed by its
 * change notice, exactly as inventory publishes one; latency runs from the
 * notice to each subscriber's receipt of the new state.
 */

/** Without sharing every event costs one federated fetch per subscriber, so large runs take few events. */
const eventsFor = (mode: 'shared' | 'distinct', count: number): number => (mode === 'shared' ? 20 : count > 2_000 ? 1 : 3);
const product = DEMO_PRODUCTS[0];
const now = () => performance.timeOrigin + performance.now();
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface Row {
  subscribers: number;
  mode: 'shared' | 'distinct';
  rssIdle: number;
  rssSubscribed: number;
  fetchesPerEvent: number;
  p50: number;
  p99: number;
  max: number;
  events: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function run(stack: RunningStack, count: number, mode: 'shared' | 'distinct'): Promise<Row> {
  global.gc?.();
  const rssIdle = process.memoryUsage().rss;
  const child = fork(path.join(__dirname, 'subscribers.child.js'), [JSON.stringify({ url: stack.gateway.url.replace(/^http/, 'ws'), count, productId: product.id, mode })]);
  const waiting = new Map<string, (value: unknown) => void>();
  const next = (type: string) => new Promise((resolve) => waiting.set(type, resolve));
  let reportedBack = false;
  child.on('message', (message: { type: string; error?: string }) => {
    if (message.type === 'error') throw new Error(`subscriber failed: ${message.error}`);
    if (message.type === 'report') reportedBack = true;
    waiting.get(message.type)?.(message);
  });
  child.on('exit', (code) => {
    if (!reportedBack) throw new Error(`the subscriber process exited early (code ${code})`);
  });
  await next('ready');
  const rssSubscribed = process.memoryUsage().rss;

  const sentAt = new Map<number, number>();
  const fetchesBefore = stack.gateway.subscriptionStats.fetches;
  const em = stack.subgraphs.inventory.orm.em.fork();
  const level = await em.findOneOrFail(StockLevelEntity, { productId: product.id });
  const events = eventsFor(mode, count);
  for (let i = 0; i < events; i++) {
    level.onHand += 1;
    level.version += 1;
    await em.flush();
    const arrived = next('event');
    sentAt.set(level.onHand, now());
    await stack.messaging.pubsub.publish(channels.stock(product.id), { id: product.id, version: level.version });
    await arrived;
  }
  const fetchesPerEvent = (stack.gateway.subscriptionStats.fetches - fetchesBefore) / events;
  const reported = next('report');
  child.send({ type: 'report' });
  const { received } = (await reported) as { received: Array<[number, number[]]> };
  const latencies = received.flatMap(([onHand, times]) => times.map((t) => t - (sentAt.get(onHand) ?? t))).sort((a, b) => a - b);
  await new Promise((resolve) => child.once('exit', resolve));
  return {
    subscribers: count,
    mode,
    rssIdle,
    rssSubscribed,
    fetchesPerEvent,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    events,
  };
}

async function main(): Promise<void> {
  const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'shop-bench-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    INTERNAL_SECRET: 'bench-internal-bench-internal-bench-internal',
    SEED_DEMO: 'true',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    WS_MAX_CONNECTIONS_PER_ADDRESS: '100000',
  });
  const stack = await startStack({ config, log: createLogger('bench', 'error'), anyFreePort: true });
  const rows: Row[] = [];
  try {
    for (const count of counts.length ? counts : [1_000, 10_000]) {
      for (const mode of ['shared', 'distinct'] as const) {
        const row = await run(stack, count, mode);
        rows.push(row);
        console.log(JSON.stringify(row));
      }
    }
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log('\n| subscribers | sharing | fetches / event | latency p50 | p99 | max | server RSS idle → subscribed | events |');
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | --- | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.subscribers.toLocaleString('en')} | ${r.mode === 'shared' ? 'one document' : 'distinct documents'} | ${r.fetchesPerEvent} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.max.toFixed(1)} ms | ${mb(r.rssIdle)} → ${mb(r.rssSubscribed)} | ${r.events} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
