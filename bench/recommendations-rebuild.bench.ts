import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { systemClock } from '../platform/clock';
import { loadConfig } from '../platform/config';
import { Db } from '../platform/db';
import { newId } from '../platform/ids';
import { openOrm } from '../platform/orm';
import { subgraphEntities } from '../platform/subgraph';
import { PurchaseEntity, ViewEntity } from '../subgraphs/recommendations/history.entity';
import { ProductFactsEntity } from '../subgraphs/recommendations/model.entity';
import { ModelLedger, type Purchase } from '../subgraphs/recommendations/model.ledger';
import { recommendations } from '../subgraphs/recommendations/recommendations.module';
import { wholeNumberOption } from './options';

/**
 * The recommendation model rebuilt whole from a synthetic history (issue 18:
 * 100,000 orders in bounded memory), against the incremental path the event
 * consumer takes for each paid order, measured in the same run:
 *
 *   npm run bench:recommendations [-- --orders 100000 --products 2000]
 *
 * The history grows in steps (a tenth, a half, all of the orders, with one
 * view per order); after each step the model is rebuilt and the heap is
 * sampled while it runs, so time should grow with the orders and the peak
 * heap with the products and pairs only. The incremental rate is taken on a
 * separate database from 2,000 orders applied one by one, each in its own
 * unit of work, as `model.consumer.ts` applies them.
 */

interface Options {
  readonly orders: number;
  readonly products: number;
  readonly customers: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string, fallback: number): number => wholeNumberOption(argv, flag, fallback);
  return { orders: value('--orders', 100_000), products: value('--products', 2_000), customers: value('--customers', 1_000) };
}

/** A small deterministic generator, so every run builds the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Synthetic orders: one to four lines over products picked with a skew (a few sell far more), one a minute. */
function* syntheticOrders(options: Options, from: number, to: number): Generator<Purchase> {
  const next = random(from + 1);
  const product = () => `p${Math.floor(options.products * next() ** 2)}`;
  const start = Date.UTC(2026, 9, 1);
  for (let n = from; n < to; n += 1) {
    const ids = new Set<string>();
    const lineCount = 1 + Math.floor(next() * 4);
    while (ids.size < lineCount) ids.add(product());
    yield {
      orderId: `o${String(n).padStart(9, '0')}`,
      customerId: `c${Math.floor(next() * options.customers)}`,
      lines: [...ids].map((productId) => ({ productId, quantity: 1 + Math.floor(next() * 3) })),
      at: new Date(start + n * 60_000),
    };
  }
}

async function openModel(dataDir: string): Promise<{ orm: MikroORM; db: Db; ledger: ModelLedger }> {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const orm = await openOrm({ service: 'recommendations', entities: subgraphEntities(recommendations), config });
  const db = new Db(orm);
  return { orm, db, ledger: new ModelLedger(db, systemClock, config.recommendations.trendingHalfLifeHours) };
}

/** Writes the history rows directly (the rebuild's input), in batches. */
async function appendHistory(db: Db, options: Options, from: number, to: number): Promise<void> {
  const BATCH = 2_000;
  let purchases: PurchaseEntity[] = [];
  let views: ViewEntity[] = [];
  const flush = async () => {
    const [p, v] = [purchases, views];
    purchases = [];
    views = [];
    await db.write(async (em) => {
      if (p.length > 0) await em.insertMany(p);
      if (v.length > 0) await em.insertMany(v);
    });
  };
  for (const order of syntheticOrders(options, from, to)) {
    for (const line of order.lines) {
      purchases.push(Object.assign(new PurchaseEntity(), { id: newId(), orderId: order.orderId, customerId: order.customerId, productId: line.productId, quantity: line.quantity, at: order.at }));
    }
    views.push(Object.assign(new ViewEntity(), { id: newId(), viewerId: order.customerId, productId: order.lines[0].productId, at: order.at }));
    if (purchases.length >= BATCH) await flush();
  }
  await flush();
}

/** Twenty categories, products spread over them by number. */
function categoryOf(productId: string): string[] {
  return [`cat${Number(productId.slice(1)) % 20}`];
}

async function seedCategories(db: Db, options: Options): Promise<void> {
  const rows = Array.from({ length: options.products }, (_, i) => Object.assign(new ProductFactsEntity(), { productId: `p${i}`, categoryIds: categoryOf(`p${i}`) }));
  await db.write(async (em) => {
    for (let i = 0; i < rows.length; i += 500) await em.insertMany(rows.slice(i, i + 500));
  });
}

/** Runs `work` while sampling the heap every 20 ms; the peak heap above what it was before. */
async function withPeakHeap<T>(work: () => Promise<T>): Promise<{ result: T; baseMb: number; peakMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { result, baseMb: base / 2 ** 20, peakMb: (peak - base) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dir = await mkdtemp(path.join(tmpdir(), 'rebuild-bench-'));
  const rows: string[] = [];
  try {
    const { orm, db, ledger } = await openModel(path.join(dir, 'rebuild'));
    await seedCategories(db, options);
    let seeded = 0;
    for (const step of [0.1, 0.5, 1]) {
      const target = Math.round(options.orders * step);
      await appendHistory(db, options, seeded, target);
      seeded = target;
      const { result, peakMb } = await withPeakHeap(() => ledger.rebuild());
      const rate = Math.round(result.purchases / (result.ms / 1000));
      rows.push(`| rebuild | ${result.purchases.toLocaleString('en')} | ${result.views.toLocaleString('en')} | ${result.pairs.toLocaleString('en')} | ${(result.ms / 1000).toFixed(1)} s | ${rate.toLocaleString('en')} | ${peakMb.toFixed(0)} MB |`);
      process.stdout.write(`${JSON.stringify({ scenario: 'rebuild', ...result, ordersPerSecond: rate, peakHeapAboveBaseMb: Math.round(peakMb) })}\n`);
    }
    await orm.close();

    const incremental = await openModel(path.join(dir, 'incremental'));
    await seedCategories(incremental.db, options);
    const sample = 2_000;
    const started = Date.now();
    for (const order of syntheticOrders(options, 0, sample)) {
      // As the consumer passes them: the categories of the order's products, as catalog reports them.
      const categories = new Map(order.lines.map((line) => [line.productId, categoryOf(line.productId)]));
      await incremental.db.write((em) => incremental.ledger.applyPurchase(em, order, categories));
    }
    const ms = Date.now() - started;
    const rate = Math.round(sample / (ms / 1000));
    rows.push(`| incremental (consumer path) | ${sample.toLocaleString('en')} | 0 | | ${(ms / 1000).toFixed(1)} s | ${rate.toLocaleString('en')} | |`);
    process.stdout.write(`${JSON.stringify({ scenario: 'incremental', purchases: sample, ms, ordersPerSecond: rate })}\n`);
    await incremental.orm.close();

    process.stdout.write(
      [
        '',
        `${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${loadavg()[0].toFixed(1)}; ${options.products.toLocaleString('en')} products, ${options.customers.toLocaleString('en')} customers`,
        '',
        '| path | orders | views | pairs | time | orders/s | peak heap above base |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
