import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Caller } from '../platform/caller';
import { loadConfig, type Config } from '../platform/config';
import { createLogger } from '../platform/log';
import { InternalClient } from '../platform/internal-client';
import { Metrics } from '../platform/metrics';
import { signAccessToken } from '../platform/tokens';
import { startStack, type RunningStack } from '../stack';
import { ReservationEntity, ReservationStatus } from '../subgraphs/inventory/reservation.entity';
import { StockLevelEntity } from '../subgraphs/inventory/stock.entity';
import { OrderEntity, OrderStatus } from '../subgraphs/orders/order.entity';
import { PaymentEntity } from '../subgraphs/payments/payment.entity';
import { wholeNumberOption } from './options';

/**
 * Checkout through the gateway, the whole supergraph in this process
 * (embedded: SQLite, in-process events), the buyers too; with REDIS_URL,
 * REDIS_PREFIX and EMBEDDED_SUBGRAPH_CALLS=http set, still one process but
 * on the transports of the services run apart (events and change notices
 * over Redis, calls between subgraphs over loopback HTTP):
 *
 *   npm run bench:checkout [-- --seconds 20 --concurrency 64]
 *     placeOrder then confirmPayment, `concurrency` checkouts in flight, on
 *     one hot product and on 200 products; answered and settled (PAID with
 *     its stock committed) checkouts per second, process CPU per checkout.
 *   node dist/bench/checkout.bench.js place [--orders 400 --concurrency 16]
 *     placeOrder alone (no payment), selecting `{ id status }` and then also
 *     `payment { id status amount provider }` as clients do right after
 *     placing; process CPU and internal calls (subgraph to subgraph) per
 *     placement. Run it built from an older commit to compare.
 *   npm run bench:flash [-- --buyers 1000 --units 50]
 *     `buyers` distinct buyers at once for `units` units of one product;
 *     each retries TRY_AGAIN after its retryAfterSeconds and pays when sold.
 *     Checks what the issue asks: exactly `units` sold and paid, no unit
 *     held for a buyer told no, no payment taken that was reported failed.
 *
 * Figures go to bench/README.md with the date, machine and load average.
 */

type Json = { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }';
const PLACE_SHOWING_PAYMENT = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status payment { id status amount { amount } provider } } }';
const CONFIRM = 'mutation($orderId: ID!) { confirmPayment(orderId: $orderId, paymentMethod: "pm_card_visa") { status } }';
const CREATE = 'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }';
const SET_STOCK = 'mutation($productId: ID!, $onHand: Int!) { setStock(productId: $productId, onHand: $onHand) { available } }';

const option = (flag: string, fallback: number): number => wholeNumberOption(process.argv, flag, fallback);

const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

class Shop {
  constructor(
    readonly stack: RunningStack,
    readonly config: Config,
    readonly metrics: Metrics,
  ) {}

  /** GraphQL operations served so far, by service (the gateway's own and every subgraph's, internal calls included). */
  async operations(): Promise<Map<string, number>> {
    const { values } = await this.metrics.operations.get();
    const counts = new Map<string, number>();
    for (const v of values) {
      if (v.metricName !== 'graphql_operation_duration_seconds_count') continue;
      const service = String(v.labels.service);
      counts.set(service, (counts.get(service) ?? 0) + v.value);
    }
    return counts;
  }

  token(userId: string, ...roles: Caller['roles'][number][]): Promise<string> {
    const now = Date.now();
    const caller: Caller = { userId, roles: roles.length ? roles : ['CUSTOMER'], sessionId: null, mfaAt: now };
    return signAccessToken(caller, { secret: this.config.auth.jwtSecret, ttlSeconds: 3600 }, now);
  }

  /** A connection the gateway's listen backlog turned away counts as an answer the buyer retries, as TRY_AGAIN. */
  async call(query: string, variables: Record<string, unknown>, token: string): Promise<Json> {
    try {
      const response = await fetch(this.stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as Json;
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? (error.cause as NodeJS.ErrnoException).code ?? error.cause.message : String(error);
      return { errors: [{ message: `network: ${cause}`, extensions: { code: `NETWORK ${cause}`, retryAfterSeconds: 1 } }] };
    }
  }

  async product(onHand: number): Promise<string> {
    const agent = await this.token('bench-agent', 'AGENT');
    const input = { sku: `BENCH-${randomUUID().slice(0, 12).toUpperCase()}`, name: 'Bench', priceAmount: 1000, currency: 'EUR' };
    const created = await this.call(CREATE, { input }, agent);
    const id = (created.data?.createProduct as { id: string } | undefined)?.id;
    if (!id) throw new Error(`createProduct failed: ${JSON.stringify(created.errors)}`);
    const stocked = await this.call(SET_STOCK, { productId: id, onHand }, agent);
    if (!stocked.data) throw new Error(`setStock failed: ${JSON.stringify(stocked.errors)}`);
    return id;
  }

  orders = () => this.stack.subgraphs.orders.orm.em.fork();
  inventory = () => this.stack.subgraphs.inventory.orm.em.fork();
  payments = () => this.stack.subgraphs.payments.orm.em.fork();

  /** Resolves when every order is PAID with its reservation committed; how long that took after `from`. */
  async settled(orderIds: readonly string[], from: number, timeoutMs = 120_000): Promise<number> {
    for (;;) {
      const paid = await this.orders().count(OrderEntity, { id: { $in: [...orderIds] }, status: OrderStatus.PAID });
      const committed = await this.inventory().count(ReservationEntity, { orderId: { $in: [...orderIds] }, status: ReservationStatus.COMMITTED });
      if (paid === orderIds.length && committed === orderIds.length) return Date.now() - from;
      if (Date.now() - from > timeoutMs) throw new Error(`not settled after ${timeoutMs} ms: ${paid} paid, ${committed} committed of ${orderIds.length}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Calls between subgraphs (InternalClient.request), by caller and callee, since the bench started. */
const internalCalls = new Map<string, number>();

/** Counts every internal call; the same wrapper works on older builds, whose InternalClient has the same request. */
function countInternalCalls(): void {
  const request = InternalClient.prototype.request;
  InternalClient.prototype.request = function (this: InternalClient, ...args: Parameters<InternalClient['request']>) {
    const pair = `${String(Reflect.get(this, 'from'))}→${args[0]}`;
    internalCalls.set(pair, (internalCalls.get(pair) ?? 0) + 1);
    return request.apply(this, args) as ReturnType<InternalClient['request']>;
  } as InternalClient['request'];
}

/** The internal calls made since `before` (a copy of internalCalls), per unit of work, e.g. "orders→inventory 2.00". */
function callsPer(before: ReadonlyMap<string, number>, units: number): string {
  const made = [...internalCalls].map(([pair, n]) => [pair, n - (before.get(pair) ?? 0)] as const).filter(([, n]) => n > 0);
  const total = made.reduce((sum, [, n]) => sum + n, 0);
  return `${(total / Math.max(1, units)).toFixed(2)} (${made.sort().map(([pair, n]) => `${pair} ${(n / Math.max(1, units)).toFixed(2)}`).join(', ')})`;
}

/** `orders` placements of one unit each, `concurrency` in flight, each buyer its own: CPU and internal calls per placement. */
async function place(shop: Shop, query: string, label: string, orders: number, concurrency: number, productId: string): Promise<string> {
  const tokens = await Promise.all(Array.from({ length: concurrency }, (_, i) => shop.token(`bench-placer-${i}-${randomUUID()}`)));
  const calls = new Map(internalCalls);
  const failures = new Map<string, number>();
  let placed = 0;
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = Date.now();
  await Promise.all(
    tokens.map(async (token) => {
      while (next < orders) {
        next += 1;
        const body = await shop.call(query, { input: { lines: [{ productId, quantity: 1 }], idempotencyKey: randomUUID() } }, token);
        if (body.data?.placeOrder && !body.errors) placed += 1;
        else failures.set(codeOf(body), (failures.get(codeOf(body)) ?? 0) + 1);
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return [
    label,
    placed,
    (placed / seconds).toFixed(1),
    ((cpu.user + cpu.system) / 1000 / Math.max(1, placed)).toFixed(2),
    callsPer(calls, placed),
    [...failures].map(([k, v]) => `${k}: ${v}`).join(', ') || '-',
  ].join(' | ');
}

const codeOf = (body: Json): string => (body.errors?.[0]?.extensions?.code as string | undefined) ?? (body.data ? 'OK' : 'NO_DATA');

async function checkout(shop: Shop, seconds: number, concurrency: number, products: readonly string[]): Promise<string> {
  const orderIds: string[] = [];
  const failures = new Map<string, number>();
  const latencies: number[] = [];
  const operationsBefore = await shop.operations();
  const callsBefore = new Map(internalCalls);
  const cpuBefore = process.cpuUsage();
  const started = Date.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      const token = await shop.token(`bench-buyer-${worker}-${randomUUID()}`);
      while (Date.now() < until) {
        const productId = products[Math.floor(Math.random() * products.length)];
        const at = Date.now();
        const placed = await shop.call(PLACE, { input: { lines: [{ productId, quantity: 1 }], idempotencyKey: randomUUID() } }, token);
        const order = placed.data?.placeOrder as { id: string } | undefined;
        if (!order) {
          failures.set(`place ${codeOf(placed)}`, (failures.get(`place ${codeOf(placed)}`) ?? 0) + 1);
          continue;
        }
        const paid = await shop.call(CONFIRM, { orderId: order.id }, token);
        if ((paid.data?.confirmPayment as { status: string } | undefined)?.status !== 'SUCCEEDED') {
          failures.set(`pay ${codeOf(paid)}`, (failures.get(`pay ${codeOf(paid)}`) ?? 0) + 1);
          continue;
        }
        latencies.push(Date.now() - at);
        orderIds.push(order.id);
      }
    }),
  );
  const answeredAt = Date.now();
  const answeredSeconds = (answeredAt - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const lag = await shop.settled(orderIds, answeredAt);
  const settledSeconds = (answeredAt + lag - started) / 1000;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const calls = [...(await shop.operations())]
    .map(([service, count]) => [service, (count - (operationsBefore.get(service) ?? 0)) / Math.max(1, orderIds.length)] as const)
    .filter(([, perCheckout]) => perCheckout > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  return [
    `${products.length === 1 ? 'one hot product' : `${products.length} products`}`,
    orderIds.length,
    (orderIds.length / answeredSeconds).toFixed(1),
    (orderIds.length / settledSeconds).toFixed(1),
    `${lag} ms`,
    percentile(latencies, 50),
    percentile(latencies, 99),
    (cpuMs / Math.max(1, orderIds.length)).toFixed(1),
    calls.map(([service, perCheckout]) => `${service} ${perCheckout.toFixed(1)}`).join(', '),
    callsPer(callsBefore, orderIds.length),
    [...failures].map(([k, v]) => `${k}: ${v}`).join(', ') || '-',
  ].join(' | ');
}

interface BuyerOutcome {
  readonly customerId: string;
  readonly first: string;
  readonly firstMs: number;
  readonly final: string;
  readonly finalMs: number;
  readonly attempts: number;
  readonly orderId: string | null;
  readonly paid: string | null;
  readonly paidAt: number | null;
}

async function flash(shop: Shop, buyers: number, units: number): Promise<string> {
  const productId = await shop.product(units);
  const tokens = await Promise.all(Array.from({ length: buyers }, async () => {
    const customerId = `flash-${randomUUID()}`;
    return { customerId, token: await shop.token(customerId) };
  }));
  const calls = new Map(internalCalls);
  const cpuBefore = process.cpuUsage();
  const started = Date.now();
  const outcomes = await Promise.all(
    tokens.map(async ({ customerId, token }): Promise<BuyerOutcome> => {
      const key = randomUUID();
      let first: string | null = null;
      let firstMs = 0;
      let body: Json;
      let attempts = 0;
      for (;;) {
        attempts += 1;
        body = await shop.call(PLACE, { input: { lines: [{ productId, quantity: 1 }], idempotencyKey: key } }, token);
        const code = codeOf(body);
        if (first === null) {
          first = code === 'CONFLICT' ? String(body.errors?.[0]?.extensions?.reason) : code;
          firstMs = Date.now() - started;
        }
        if ((code !== 'TRY_AGAIN' && !code.startsWith('NETWORK')) || attempts >= 30) break;
        const after = Number(body.errors?.[0]?.extensions?.retryAfterSeconds ?? 1);
        await new Promise((resolve) => setTimeout(resolve, after * 1000 * (0.5 + Math.random())));
      }
      const finalMs = Date.now() - started;
      const code = codeOf(body);
      const final = code === 'CONFLICT' ? String(body.errors?.[0]?.extensions?.reason) : code;
      const orderId = (body.data?.placeOrder as { id: string } | undefined)?.id ?? null;
      if (!orderId) return { customerId, first: first ?? final, firstMs, final, finalMs, attempts, orderId, paid: null, paidAt: null };
      // Paying is retried as placing is; a retry after a payment that went through is told ALREADY_PAID.
      let status = '';
      for (let attempt = 1; attempt <= 30; attempt += 1) {
        const paid = await shop.call(CONFIRM, { orderId }, token);
        const code = codeOf(paid);
        status = (paid.data?.confirmPayment as { status: string } | undefined)?.status ?? (code === 'CONFLICT' ? String(paid.errors?.[0]?.extensions?.reason) : code);
        if (status === 'ALREADY_PAID') status = 'SUCCEEDED';
        if (status !== 'TRY_AGAIN' && !status.startsWith('NETWORK')) break;
        await new Promise((resolve) => setTimeout(resolve, 1000 * (0.5 + Math.random())));
      }
      return { customerId, first: first ?? final, firstMs, final, finalMs, attempts, orderId, paid: status, paidAt: Date.now() };
    }),
  );
  const answeredAt = Date.now();
  const cpu = process.cpuUsage(cpuBefore);
  const winners = outcomes.filter((o) => o.orderId !== null);
  const paidOnes = winners.filter((o) => o.paid === 'SUCCEEDED');
  const lag = await shop.settled(paidOnes.map((o) => o.orderId!), answeredAt).catch((error: Error) => error.message);
  // Quiet: nothing is PENDING any more, then what is held and by whom.
  const customerIds = outcomes.map((o) => o.customerId);
  for (let i = 0; i < 600 && (await shop.orders().count(OrderEntity, { customerId: { $in: customerIds }, status: OrderStatus.PENDING })) > 0; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const held = await shop.orders().find(OrderEntity, { customerId: { $in: customerIds } });
  const toldSold = new Set(winners.map((o) => o.customerId));
  const heldForRefused = held.filter((o) => !toldSold.has(o.customerId)).length;
  const reportedFailed = new Set(winners.filter((o) => o.paid !== 'SUCCEEDED').map((o) => o.orderId!));
  const payments = await shop.payments().find(PaymentEntity, { orderId: { $in: [...reportedFailed] } });
  const paidButFailed = payments.filter((p) => p.status === 'SUCCEEDED').length;
  const level = await shop.inventory().findOneOrFail(StockLevelEntity, { productId });
  const tally = (pick: (o: BuyerOutcome) => string) => {
    const counts = new Map<string, number>();
    for (const o of outcomes) counts.set(pick(o), (counts.get(pick(o)) ?? 0) + 1);
    return [...counts].map(([k, v]) => `${k} ${v}`).join(', ');
  };
  return [
    `${buyers} buyers, ${units} units`,
    `sold ${winners.length}, paid ${paidOnes.length}, stock onHand ${level.onHand} reserved ${level.reserved}`,
    `held for buyers told no: ${heldForRefused}; payments taken but reported failed: ${paidButFailed}`,
    `first answers: ${tally((o) => o.first)}`,
    `final answers: ${tally((o) => o.final)}`,
    `confirmPayment answers: ${tally((o) => o.paid ?? 'not sold')}`,
    `first answer p50 ${percentile(outcomes.map((o) => o.firstMs), 50)} ms, p99 ${percentile(outcomes.map((o) => o.firstMs), 99)} ms; final answer p99 ${percentile(outcomes.map((o) => o.finalMs), 99)} ms; attempts p99 ${percentile(outcomes.map((o) => o.attempts), 99)}`,
    `settled (PAID, stock committed) ${typeof lag === 'number' ? `${lag} ms after the last answer` : lag}; process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`,
    `internal calls per buyer: ${callsPer(calls, buyers)}`,
  ].join('\n  ');
}

/** One process either way; with REDIS_URL and EMBEDDED_SUBGRAPH_CALLS=http it runs the transports of the services run apart. */
function layoutOf(config: Config): string {
  const events = config.redis ? 'events and notices over Redis' : 'in-process events';
  return `one process (${events}, subgraph calls ${config.gateway.embeddedCalls === 'http' ? 'over HTTP' : 'in-process'})`;
}

async function main(): Promise<void> {
  const scenario = process.argv[2];
  if (scenario !== 'checkout' && scenario !== 'flash' && scenario !== 'place') throw new Error('usage: checkout.bench.js checkout|flash|place [options]');
  countInternalCalls();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'shop-bench-'));
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'error' });
  const metrics = new Metrics();
  const stack = await startStack({ config, log: createLogger('bench', 'error', () => undefined), anyFreePort: true, metrics });
  const shop = new Shop(stack, config, metrics);
  const lines = [
    `${scenario} through the gateway, ${layoutOf(config)}, ${new Date().toISOString()}, Node ${process.version}, ${availableParallelism()} CPU(s) (${cpus()[0]?.model ?? 'unknown'})`,
    `command: node dist/bench/checkout.bench.js ${process.argv.slice(2).join(' ')}`,
  ];
  try {
    if (scenario === 'checkout') {
      const seconds = option('--seconds', 20);
      const concurrency = option('--concurrency', 64);
      const hot = [await shop.product(1_000_000)];
      const many = await Promise.all(Array.from({ length: 200 }, () => shop.product(1_000_000)));
      await checkout(shop, 3, 8, hot); // warm-up
      lines.push('scenario | checkouts | answered/s | settled/s | settled after | p50 ms | p99 ms | CPU ms/checkout (whole process) | GraphQL operations per checkout, by service | internal calls/checkout | failures');
      lines.push(await checkout(shop, seconds, concurrency, hot));
      lines.push(await checkout(shop, seconds, concurrency, many));
    } else if (scenario === 'place') {
      const orders = option('--orders', 400);
      const concurrency = option('--concurrency', 16);
      const productId = await shop.product(1_000_000);
      await place(shop, PLACE, 'warm-up', 50, 8, productId);
      lines.push('placeOrder selecting | placed | placed/s | CPU ms/placement (whole process) | internal calls/placement | failures');
      lines.push(await place(shop, PLACE, '{ id status }', orders, concurrency, productId));
      lines.push(await place(shop, PLACE_SHOWING_PAYMENT, '{ id status payment { id status amount provider } }', orders, concurrency, productId));
    } else {
      lines.push(await flash(shop, option('--buyers', 1000), option('--units', 50)));
    }
    lines.push(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
