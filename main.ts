import 'reflect-metadata';
import { startGateway } from './gateway/gateway';
import { systemClock } from './platform/clock';
import { ConfigError, loadConfig, SERVICE_NAMES, withDotEnv, type Config, type ServiceName } from './platform/config';
import { DEMO_ACCOUNTS } from './contracts/demo';
import { errorMessage } from './platform/errors';
import { closeServer, createHttpServer, listen } from './platform/http';
import { createLogger, type Logger } from './platform/log';
import { Metrics, sendMetrics } from './platform/metrics';
import { openMessaging } from './platform/messaging/messaging';
import { startSubgraph } from './platform/subgraph';
import { SUBGRAPHS } from './subgraphs/modules';
import { startTracing } from './platform/tracing';
import { describeMailTarget } from './subgraphs/users/mail.transport';
import { startNotificationProcess } from './subgraphs/users/notification.process';
import { startStack } from './stack';

/**
 * Entry point. `node dist/main.js` runs the whole supergraph in one process
 * (the embedded default); `node dist/main.js <service>` runs one service
 * (gateway, users, catalog, inventory, orders, payments, reviews,
 * recommendations, shipping, pricing), as in production; `node dist/main.js notifications` runs
 * the notification worker alone (with NOTIFICATIONS=off on users).
 */

type Stoppable = { drain(): void; stop(): Promise<void> };

/** Closing databases and connections after the grace; past it the process exits anyway. */
const SHUTDOWN_MARGIN_MS = 5_000;

async function run(mode: 'all' | 'gateway' | 'notifications' | ServiceName, config: Config, log: Logger, metrics: Metrics): Promise<Stoppable> {
  if (mode === 'all') {
    const stack = await startStack({ config, log, metrics });
    printBanner(config, stack.gateway.url, Object.values(stack.subgraphs).map((s) => `${s.name.padEnd(9)} ${s.url}`));
    return stack;
  }
  const messaging = await openMessaging(config);
  if (mode === 'gateway') {
    try {
      const gateway = await startGateway({ config, log, pubsub: messaging.pubsub, metrics });
      log.info('gateway ready', { url: gateway.url });
      return { drain: gateway.drain, stop: async () => { await gateway.stop(); await messaging.close(); } };
    } catch (error) {
      await messaging.close();
      throw error;
    }
  }
  if (mode === 'notifications') {
    try {
      const worker = await startNotificationProcess({ config, log, clock: systemClock, events: messaging.events, pubsub: messaging.pubsub, metrics });
      log.info('notifications ready', { health: worker.healthUrl });
      return { drain: () => undefined, stop: async () => { await worker.stop(); await messaging.close(); } };
    } catch (error) {
      await messaging.close();
      throw error;
    }
  }
  try {
    const subgraph = await startSubgraph(SUBGRAPHS[mode], { config, log, clock: systemClock, pubsub: messaging.pubsub, events: messaging.events, metrics });
    log.info('subgraph ready', { url: subgraph.url });
    return { drain: subgraph.drain, stop: async () => { await subgraph.stop(); await messaging.close(); } };
  } catch (error) {
    await messaging.close();
    throw error;
  }
}

/** /metrics of the whole process on METRICS_PORT (off the public port), closed with the rest. */
async function withMetricsPort(running: Stoppable, metrics: Metrics, config: Config): Promise<Stoppable> {
  const server = createHttpServer([{ method: 'GET', path: '/metrics', handler: (_req, res) => sendMetrics(metrics, res) }]);
  try {
    await listen(server, config.metrics.port ?? 0, config.host, 'metrics');
  } catch (error) {
    await running.stop();
    throw error;
  }
  return { drain: running.drain, stop: async () => { await closeServer(server); await running.stop(); } };
}

function printBanner(config: Config, gatewayUrl: string, subgraphLines: string[]): void {
  const lines = [
    '',
    `  Shop supergraph ready: ${gatewayUrl}`,
    `  Health:                ${gatewayUrl.replace(/\/graphql$/, '/health')}`,
    ...(config.gateway.webApps
      ? [`  Storefront:            ${gatewayUrl.replace(/\/graphql$/, '/')}`, `  Agent console:         ${gatewayUrl.replace(/\/graphql$/, '/admin')}`]
      : []),
    '',
    '  Subgraphs:',
    ...subgraphLines.map((line) => `    ${line}`),
    '',
    `  Data: ${config.mongo ? `MongoDB (${config.mongo.dbPrefix}-*)` : `SQLite files in ${config.dataDir}`}`,
    `  Messaging: ${config.redis ? `Redis (${config.redis.prefix})` : 'in-process'}`,
    `  Mail: ${config.notifications.mode === 'off' ? 'off here (NOTIFICATIONS=off)' : describeMailTarget(config)}`,
  ];
  if (config.seedDemo) {
    lines.push('', '  Demo accounts (SEED_DEMO=true):', ...DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(22)} ${a.password.padEnd(26)} ${a.roles.join(', ')}`));
    if (config.auth.mfa.requiredRoles.length > 0) {
      lines.push(`    (${config.auth.mfa.requiredRoles.join(', ')} needs a second factor: enrol with startMfaEnrollment, or start with MFA_REQUIRED_ROLES=none locally)`);
    }
  }
  if (config.admin) lines.push(`  Admin from ADMIN_EMAIL:  ${config.admin.email}`);
  if (config.auth.ephemeralSecrets) {
    lines.push('', '  JWT_SECRET / INTERNAL_SECRET are not set: random keys were generated for this run,', '  so tokens do not survive a restart. Set them for anything but local development.');
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

async function main(): Promise<void> {
  const arg = process.argv[2] ?? 'all';
  const modes = ['all', 'gateway', ...SERVICE_NAMES, 'notifications'] as const;
  if (!(modes as readonly string[]).includes(arg)) {
    process.stderr.write(`Unknown service "${arg}"; use one of: ${modes.join(', ')}\n`);
    process.exit(2);
  }
  let config: Config;
  try {
    config = loadConfig(withDotEnv(process.env, process.cwd()));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(arg === 'all' ? 'shop' : arg, config.logLevel, undefined, config.logFormat);
  // Before any server starts, so their first requests are traced too (OTEL_EXPORTER_OTLP_ENDPOINT set).
  const tracing = startTracing({ config, serviceName: arg === 'all' ? 'shop' : arg });
  let running: Stoppable;
  try {
    const metrics = new Metrics();
    running = await run(arg as (typeof modes)[number], config, log, metrics);
    if (config.metrics.port !== null) running = await withMetricsPort(running, metrics, config);
  } catch (error) {
    process.stderr.write(`Start-up failed: ${errorMessage(error)}\n`);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const { drainMs, graceMs } = config.shutdown;
    log.info('shutting down', { signal, drainMs, graceMs });
    // Whatever is stuck (a peer that never answers), exit before the orchestrator's grace period runs out and it kills us.
    const deadlineMs = drainMs + graceMs + SHUTDOWN_MARGIN_MS;
    setTimeout(() => {
      log.error('shutdown did not finish in time; exiting', { afterMs: deadlineMs });
      process.exit(1);
    }, deadlineMs).unref();
    // Not ready first, so load balancers stop sending new work while what is sent still gets served.
    running.drain();
    new Promise((resolve) => setTimeout(resolve, drainMs))
      .then(() => running.stop())
      // The spans of the last requests are still buffered.
      .then(() => tracing?.shutdown())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log.error('shutdown failed', { error: String(error) });
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
