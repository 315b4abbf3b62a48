import type { Clock } from '../../platform/clock';
import type { Config } from '../../platform/config';
import type { EventBus } from '../../platform/messaging/event-bus';
import type { PubSub } from '../../platform/messaging/pubsub';
import type { Metrics } from '../../platform/metrics';
import { closeServer, createHttpServer, listen, sendJson } from '../../platform/http';
import { InternalClient } from '../../platform/internal-client';
import type { Logger } from '../../platform/log';
import { once } from '../../platform/once';
import { Db } from '../../platform/db';
import { openOrm } from '../../platform/orm';
import { subgraphEntities } from '../../platform/subgraph';
import { tracedEvents } from '../../platform/tracing';
import { startNotificationWorker } from './notification.worker';
import { users } from './users.module';

export interface NotificationProcessOptions {
  readonly config: Config;
  readonly events: EventBus;
  /** Catalog's change notices, which keep the copy of product names current. */
  readonly pubsub: PubSub;
  readonly metrics: Metrics;
  readonly clock: Clock;
  readonly log: Logger;
  /** Overrides NOTIFICATIONS_PORT (0: any free port, as tests use). */
  readonly port?: number;
}

export interface RunningNotificationProcess {
  /** GET /health: 200 while the users database answers. */
  readonly healthUrl: string;
  stop(): Promise<void>;
}

/**
 * `node dist/main.js notifications`: the notification worker on its own,
 * for production where the users service runs with NOTIFICATIONS=off. It
 * reads the users database directly (recipients are users-domain data) and
 * serves only /health.
 */
export async function startNotificationProcess(options: NotificationProcessOptions): Promise<RunningNotificationProcess> {
  const { config, log } = options;
  const orm = await openOrm({ service: 'users', entities: subgraphEntities(users), config });
  try {
    const internal = new InternalClient('users', (name) => config.services[name].url, config.auth.internalSecret, config.gateway.subgraphTimeoutMs);
    const worker = await startNotificationWorker({ config, db: new Db(orm), events: tracedEvents(options.events, 'notifications'), pubsub: options.pubsub, metrics: options.metrics, clock: options.clock, log, internal });
    const server = createHttpServer([
      {
        method: 'GET',
        path: '/health',
        handler: async (_req, res) => {
          const database = await orm.isConnected();
          sendJson(res, database ? 200 : 503, { service: 'notifications', status: database ? 'ok' : 'database unavailable' });
        },
      },
    ]);
    let port: number;
    try {
      port = await listen(server, options.port ?? config.notifications.port, config.host, 'notifications');
    } catch (error) {
      await worker.stop();
      throw error;
    }
    return {
      healthUrl: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/health`,
      stop: once(async () => {
        await closeServer(server);
        await worker.stop();
        await orm.close();
      }),
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}
