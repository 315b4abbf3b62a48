import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Config } from './config';
import type { EventBus } from './messaging/event-bus';
import type { Route } from './http';

/**
 * Prometheus metrics of one process (prom-client, text format at /metrics).
 * One registry per process: in the embedded mode the gateway and the five
 * subgraphs share it and tell their series apart by the `service` label.
 * Labels hold names chosen by us or bounded by the schema (operation names
 * are capped, see `operationLabel`), never user data.
 */

/** Seconds; operations and subgraph calls from a cache hit to a timeout. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Distinct operation names kept as labels; later ones are counted as "other", so a client cannot explode the series. */
const MAX_OPERATION_NAMES = 200;

type Source = () => number | Promise<number>;

/** A gauge read when scraped, from one source per label set (each server registers its own). */
class SampledGauge<L extends string> {
  private readonly sources = new Map<string, { labels: Record<L, string>; read: Source }>();

  constructor(registry: Registry, name: string, help: string, labelNames: readonly L[]) {
    const sources = this.sources;
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        for (const { labels, read } of sources.values()) {
          try {
            this.set(labels as never, await read());
          } catch {
            // A source that cannot answer now (database closing) is left out of this scrape.
          }
        }
      },
    });
  }

  /** Adds a source; the returned function removes it (the server stops). */
  track(labels: Record<L, string>, read: Source): () => void {
    const key = JSON.stringify(labels);
    this.sources.set(key, { labels, read });
    return () => {
      this.sources.delete(key);
    };
  }
}

/** A counter read when scraped from a running total kept elsewhere (the subscription engine's stats), one source per label set. */
class SampledCounter<L extends string> {
  private readonly sources = new Map<string, { labels: Record<L, string>; read: () => number }>();

  constructor(registry: Registry, name: string, help: string, labelNames: readonly L[]) {
    const sources = this.sources;
    new Counter<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        this.reset();
        for (const { labels, read } of sources.values()) this.inc(labels as never, read());
      },
    });
  }

  /** Adds a source; the returned function removes it (the server stops). */
  track(labels: Record<L, string>, read: () => number): () => void {
    const key = JSON.stringify(labels);
    this.sources.set(key, { labels, read });
    return () => {
      this.sources.delete(key);
    };
  }
}

export class Metrics {
  readonly registry = new Registry();
  readonly operations = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operations by service, operation name, type (query, mutation, subscription) and outcome (ok, error, refused)',
    labelNames: ['service', 'operation', 'type', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors sent to clients, by service and error code',
    labelNames: ['service', 'code'] as const,
    registers: [this.registry],
  });
  readonly subgraphFetches = new Histogram({
    name: 'gateway_subgraph_fetch_duration_seconds',
    help: 'Calls from the gateway to a subgraph, by subgraph and outcome (ok, error, timeout, unreachable)',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly subgraphErrors = new Counter({
    name: 'gateway_subgraph_errors_total',
    help: 'Failed calls from the gateway to a subgraph, by subgraph and reason (timeout, unreachable, http)',
    labelNames: ['subgraph', 'reason'] as const,
    registers: [this.registry],
  });
  readonly refused = new Counter({
    name: 'gateway_requests_refused_total',
    help: 'Operations refused before any subgraph was called, by reason (rate_limited, not_safelisted) and transport (http, websocket)',
    labelNames: ['reason', 'transport'] as const,
    registers: [this.registry],
  });
  readonly websocketConnections = new SampledGauge(this.registry, 'gateway_websocket_connections', 'Open graphql-ws connections', ['service'] as const);
  readonly subscriptions = new SampledGauge(this.registry, 'gateway_subscriptions', 'Active subscriptions and the distinct federated fetches (topics) serving them', ['service', 'kind'] as const);
  readonly outboxBacklog = new SampledGauge(this.registry, 'outbox_backlog', 'Domain events written but not yet published, per service', ['service'] as const);
  readonly deadLetters = new SampledGauge(this.registry, 'event_dead_letters', 'Events parked as dead letters, per consumer group', ['group'] as const);
  readonly subscriptionEvents = new SampledCounter(
    this.registry,
    'gateway_subscription_events_total',
    'The subscription engine at work: change notices received for followed entities (received), federated fetches run (fetched), results pushed to subscribers (delivered)',
    ['service', 'stage'] as const,
  );
  readonly reservations = new Counter({
    name: 'inventory_reservations_total',
    help: 'Stock reservations by outcome: reserved, refused (not enough stock), committed, released, returned, expired',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly checkouts = new Counter({
    name: 'checkout_outcomes_total',
    help: 'Checkouts by outcome: placed (awaiting payment), refused (by reason), paid, failed (payment failed)',
    labelNames: ['outcome', 'reason'] as const,
    registers: [this.registry],
  });
  readonly catalogCopyReads = new Counter({
    name: 'catalog_copy_reads_total',
    help: "Lookups in a service's copy of catalog facts (copy: orders.variants, users.product_labels, recommendations.products): hit (answered from the copy) or miss (read from catalog)",
    labelNames: ['copy', 'result'] as const,
    registers: [this.registry],
  });
  private readonly operationNames = new Set<string>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The operation name as a label: well-formed names until MAX_OPERATION_NAMES are known, then "other". */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** Dead letters of every group consumed through `bus`, counted when scraped. */
  trackDeadLetters(bus: EventBus): { bus: EventBus; stop(): void } {
    const stops: Array<() => void> = [];
    const track = (group: string) => stops.push(this.deadLetters.track({ group }, async () => (await bus.deadLetters(group)).length));
    const observed: EventBus = {
      publish: (event) => bus.publish(event),
      consume: (options, handler) => {
        track(options.group);
        return bus.consume(options, handler);
      },
      consumeBatches: (options, handler) => {
        track(options.group);
        return bus.consumeBatches(options, handler);
      },
      deadLetters: (group) => bus.deadLetters(group),
      redrive: (group) => bus.redrive(group),
      ...(bus.connected ? { connected: () => bus.connected?.() ?? true } : {}),
      close: () => bus.close(),
    };
    return { bus: observed, stop: () => stops.forEach((stop) => stop()) };
  }
}

/**
 * GET /metrics on a public port: open outside production; in production only
 * with `Authorization: Bearer <METRICS_TOKEN>` (otherwise 404, as if absent),
 * since METRICS_PORT is the place for it there.
 */
export function metricsRoute(metrics: Metrics, config: Pick<Config, 'env' | 'metrics'>): Route[] {
  const { token } = config.metrics;
  if (config.env === 'production' && token === null) return [];
  return [
    {
      method: 'GET',
      path: '/metrics',
      handler: async (req, res) => {
        if (token !== null && !bearerMatches(req, token)) {
          res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
          return;
        }
        await sendMetrics(metrics, res);
      },
    },
  ];
}

export async function sendMetrics(metrics: Metrics, res: ServerResponse): Promise<void> {
  const text = await metrics.registry.metrics();
  res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text);
}

function bearerMatches(req: IncomingMessage, token: string): boolean {
  const presented = Buffer.from(/^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
