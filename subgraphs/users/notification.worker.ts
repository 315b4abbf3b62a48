import type { Clock } from '../../platform/clock';
import type { Config } from '../../platform/config';
import type { EventConsumer } from '../../platform/messaging/event-bus';
import { once } from '../../platform/once';
import type { SubgraphDeps } from '../../platform/subgraph';
import { CatalogClient } from './catalog.client';
import { describeMailTarget, type MailTransport } from './mail.transport';
import { FileMailTransport } from './mail.transport.file';
import { SmtpMailTransport } from './mail.transport.smtp';
import { NotificationService } from './notification.service';

/** Consumer group on the event bus: one copy of every event for all notification workers together. */
export const NOTIFICATIONS_GROUP = 'notifications';

export type NotificationWorkerDeps = Pick<SubgraphDeps, 'config' | 'db' | 'events' | 'pubsub' | 'clock' | 'log' | 'internal' | 'metrics'>;

export interface NotificationWorker {
  stop(): Promise<void>;
}

/** The users service's share: the worker unless NOTIFICATIONS=off (a separate `notifications` process runs it then). */
export async function startInlineNotifications(deps: NotificationWorkerDeps): Promise<NotificationWorker[]> {
  return deps.config.notifications.mode === 'inline' ? [await startNotificationWorker(deps)] : [];
}

/**
 * Sends the mails domain events call for (see NotificationService). Any
 * number of workers may run: the bus hands each event to one of them.
 */
export async function startNotificationWorker(deps: NotificationWorkerDeps): Promise<NotificationWorker> {
  const { config, log } = deps;
  const transport = createMailTransport(config, deps.clock);
  const catalog = new CatalogClient(deps.internal, log, { pubsub: deps.pubsub, metrics: deps.metrics, maxAgeMs: config.catalogCopy.maxAgeMs, maxEntries: config.catalogCopy.maxEntries });
  const service = new NotificationService({ db: deps.db, clock: deps.clock, log, mailFrom: config.notifications.mailFrom }, transport, catalog);
  let consumer: EventConsumer;
  let copy: { stop(): Promise<void> } | null = null;
  try {
    copy = await catalog.start();
    consumer = await deps.events.consumeBatches({ group: NOTIFICATIONS_GROUP, types: service.types }, (events) => service.handleBatch(events));
  } catch (error) {
    await copy?.stop();
    await transport.close();
    throw error;
  }
  log.info('notifications worker started', { mail: describeMailTarget(config) });
  if (config.env === 'production' && !config.notifications.smtpUrl) {
    log.warn('SMTP_URL is not set: mails are only written as .eml files', { dir: config.notifications.outboxDir });
  }
  return {
    stop: once(async () => {
      await consumer.stop();
      await copy?.stop();
      await transport.close();
    }),
  };
}

/** SMTP when SMTP_URL is set; .eml files in DATA_DIR/outbox otherwise. */
function createMailTransport(config: Pick<Config, 'notifications'>, clock: Clock): MailTransport {
  const { smtpUrl, outboxDir } = config.notifications;
  return smtpUrl ? new SmtpMailTransport({ url: smtpUrl }) : new FileMailTransport({ dir: outboxDir, clock });
}
