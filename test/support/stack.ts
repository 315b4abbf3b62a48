import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Caller, RoleName } from '../../platform/caller';
import { systemClock, type Clock } from '../../platform/clock';
import { loadConfig, type Config, type ServiceName } from '../../platform/config';
import type { Messaging } from '../../platform/messaging/messaging';
import { createLogger, type Logger } from '../../platform/log';
import type { Metrics } from '../../platform/metrics';
import { signAccessToken } from '../../platform/tokens';
import { startStack, type RunningStack } from '../../stack';

export interface TestStack {
  readonly url: string;
  readonly stack: RunningStack;
  readonly config: Config;
  readonly dataDir: string;
  /**
   * An access token as the users subgraph signs it, for a session that has
   * just proved a second factor (so staff roles and step-up operations work):
   * tests of sign-in and MFA themselves go through the API instead.
   */
  token(userId: string, ...roles: RoleName[]): Promise<string>;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  readonly env?: Record<string, string>;
  readonly dataDir?: string;
  readonly onQuery?: (service: ServiceName, query: string) => void;
  /** Time for every subgraph and the gateway (token expiry, reservations); real time by default. */
  readonly clock?: Clock;
  /** Messaging shared with other stacks or gateways (Redis tests); opened from config otherwise. */
  readonly messaging?: Messaging;
  /** Where the stack logs (tests that read log lines); nothing is written by default. */
  readonly log?: Logger;
  /** The stack's metrics (tests that count what reached a subgraph); a registry of its own otherwise. */
  readonly metrics?: Metrics;
}

/** The whole supergraph on free loopback ports with its own SQLite files. */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'shop-test-')));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: 'true', ...options.env });
  const stack = await startStack({
    config,
    log: options.log ?? createLogger('test', 'error', () => undefined),
    anyFreePort: true,
    onQuery: options.onQuery,
    clock: options.clock,
    messaging: options.messaging,
    metrics: options.metrics,
  });
  return {
    url: stack.gateway.url,
    stack,
    config,
    dataDir,
    token: (userId, ...roles) => {
      const now = (options.clock ?? systemClock).now().getTime();
      const caller: Caller = { userId, roles: roles.length ? roles : ['CUSTOMER'], sessionId: null, mfaAt: now };
      return signAccessToken(caller, { secret: config.auth.jwtSecret, ttlSeconds: config.auth.accessTokenTtlSeconds }, now);
    },
    stop: async () => {
      await stack.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls from the gateway to any subgraph so far, by `metrics` given to the stack (background work between subgraphs does not pass the gateway). */
export async function gatewayFetches(metrics: Metrics): Promise<number> {
  const { values } = await metrics.subgraphFetches.get();
  return values.filter((v) => v.metricName === 'gateway_subgraph_fetch_duration_seconds_count').reduce((sum, v) => sum + v.value, 0);
}
