import { startGateway, type RunningGateway } from './gateway/gateway';
import { systemClock, type Clock } from './platform/clock';
import { SERVICE_NAMES, type Config, type ServiceName } from './platform/config';
import type { Logger } from './platform/log';
import { Metrics } from './platform/metrics';
import { openMessaging, type Messaging } from './platform/messaging/messaging';
import { startSubgraph, type RunningSubgraph } from './platform/subgraph';
import { SUBGRAPHS } from './subgraphs/modules';

/**
 * The whole supergraph in one process: the subgraphs on their own loopback
 * ports, then the gateway, which calls them in-process (no HTTP round trip;
 * EMBEDDED_SUBGRAPH_CALLS=http goes over loopback as split deployments do).
 * Used by `npm start` and by the end-to-end tests.
 */

export interface StackOptions {
  readonly config: Config;
  readonly log: Logger;
  readonly clock?: Clock;
  /** Bind every server to a free port (tests) instead of the configured ones. */
  readonly anyFreePort?: boolean;
  readonly onQuery?: (service: ServiceName, query: string) => void;
  /** Shared messaging (tests pass their own to observe it); opened from config otherwise. */
  readonly messaging?: Messaging;
  /** The process's metrics (main.ts serves them on METRICS_PORT too); a registry of their own otherwise. */
  readonly metrics?: Metrics;
}

export interface RunningStack {
  readonly gateway: RunningGateway;
  readonly subgraphs: Readonly<Record<ServiceName, RunningSubgraph>>;
  readonly messaging: Messaging;
  /** Turns every server's /ready to 503 (shutdown begins). */
  drain(): void;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { config, log } = options;
  const messaging = options.messaging ?? (await openMessaging(config));
  // One registry for the process: every server's series, told apart by their `service` label.
  const metrics = options.metrics ?? new Metrics();
  const started: RunningSubgraph[] = [];
  // Filled as subgraphs bind their ports; read at call time, so start order does not matter.
  const bound = new Map<ServiceName, string>();
  const peerUrl = (name: ServiceName) => bound.get(name) ?? config.services[name].url;
  try {
    for (const name of SERVICE_NAMES) {
      started.push(
        await startSubgraph(SUBGRAPHS[name], {
          config,
          pubsub: messaging.pubsub,
          events: messaging.events,
          clock: options.clock ?? systemClock,
          log: log,
          port: options.anyFreePort ? 0 : undefined,
          onQuery: options.onQuery ? (query) => options.onQuery?.(name, query) : undefined,
          peerUrl,
          metrics,
        }),
      );
      bound.set(name, started[started.length - 1].url);
    }
    const subgraphs = Object.fromEntries(started.map((s) => [s.name, s])) as Record<ServiceName, RunningSubgraph>;
    const gateway = await startGateway({
      config,
      log,
      pubsub: messaging.pubsub,
      clock: options.clock,
      port: options.anyFreePort ? 0 : undefined,
      subgraphUrls: Object.fromEntries(started.map((s) => [s.name, s.url])),
      localSubgraphs: config.gateway.embeddedCalls === 'in-process' ? Object.fromEntries(started.map((s) => [s.name, s.local])) : undefined,
      metrics,
    });
    return {
      gateway,
      subgraphs,
      messaging,
      drain: () => {
        gateway.drain();
        for (const s of started) s.drain();
      },
      stop: async () => {
        await gateway.stop();
        await Promise.all(started.map((s) => s.stop()));
        if (!options.messaging) await messaging.close();
      },
    };
  } catch (error) {
    await Promise.all(started.map((s) => s.stop()));
    if (!options.messaging) await messaging.close();
    throw error;
  }
}
