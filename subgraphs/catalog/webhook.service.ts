import { randomBytes } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import { consumeEvents } from '../../contracts/events';
import { INVENTORY_EVENTS } from '../../contracts/inventory-api';
import { ORDER_EVENTS } from '../../contracts/orders-api';
import type { RequestContext } from '../../platform/context';
import { errorMessage, notFound } from '../../platform/errors';
import type { DomainEvent, EventConsumer } from '../../platform/messaging/event-bus';
import { handleOnce } from '../../platform/messaging/inbox';
import { paginate, type Page, type PageArgs } from '../../platform/pagination';
import { every, type Periodic } from '../../platform/periodic';
import { SecretBox } from '../../platform/secret-box';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { AuditService } from './audit.service';
import { orderPlacedFact, orderStatusFact, recordWebhookEvent, stockFact, type WebhookFact } from './webhook.events';
import { RegisteredWebhookEndpoint, WEBHOOK_SECRET_LABEL, WebhookDeliveryEntity, WebhookDeliveryStatus, WebhookEndpointEntity, WebhookEventEntity } from './webhook.entity';
import type { RegisterWebhookEndpointInput, WebhookDeliveryFilter } from './webhook.inputs';
import { checkEndpointUrl, checkEventTypes, retryDelayMs, signatureHeader } from './webhook.rules';
import { optionalReason } from '../../platform/checks';

const CONSUMER = 'catalog.webhooks';
/** Events fanned out and deliveries looked at per dispatch run; the rest wait for the next run. */
const BATCH = 500;
/** Deliveries sent at once by one process. */
const CONCURRENCY = 16;
/** Endpoints whose secret is sealed again per batch at start-up. */
const REKEY_BATCH = 500;


/**
 * Webhooks out. Facts are recorded once per event id (from the event bus,
 * or from catalog's own changes in the same unit of work); a dispatcher in
 * every catalog process fans each out to the endpoints subscribed to its
 * type, then sends what is due: per endpoint and aggregate (an order, a
 * product's stock) only the oldest undelivered event, so a partner sees one
 * order's events in the order they happened even across retries; a failed
 * try is retried with a doubling pause, and a delivery is leased before it
 * is sent, so two processes never send it at once.
 */
export class WebhookService {
  private readonly box: SecretBox;

  constructor(
    private readonly deps: SubgraphDeps,
    private readonly audit: AuditService,
  ) {
    this.box = new SecretBox(deps.config.webhooks.keySources, WEBHOOK_SECRET_LABEL);
  }

  listEndpoints(ctx: RequestContext): Promise<WebhookEndpointEntity[]> {
    return ctx.em.find(WebhookEndpointEntity, { removedAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** Newest first. */
  listDeliveries(ctx: RequestContext, page: PageArgs, filter: WebhookDeliveryFilter | null | undefined): Promise<Page<WebhookDeliveryEntity>> {
    const where: FilterQuery<WebhookDeliveryEntity> = {};
    if (filter?.endpointId) where.endpointId = filter.endpointId;
    if (filter?.status) where.status = filter.status;
    if (filter?.eventId) where.eventId = filter.eventId;
    return paginate(ctx.em, WebhookDeliveryEntity, where, page, { field: 'id', direction: 'desc' });
  }

  async register(ctx: RequestContext, input: RegisterWebhookEndpointInput): Promise<RegisteredWebhookEndpoint> {
    const url = checkEndpointUrl(input.url, this.deps.config.webhooks.allowPrivateUrls);
    const eventTypes = checkEventTypes(input.eventTypes);
    const description = optionalReason(input.description);
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const endpoint = await this.deps.db.write(async (em) => {
      const created = Object.assign(new WebhookEndpointEntity(), { url, eventTypes, description, createdAt: this.deps.clock.now(), createdBy: ctx.caller!.userId });
      created.sealedSecret = this.box.seal(secret, created.id);
      em.persist(created);
      this.audit.record(em, ctx.caller, { action: 'webhook_endpoint.registered', entityType: 'WebhookEndpoint', entityId: created.id, before: null, after: { url, eventTypes } });
      return created;
    });
    return Object.assign(new RegisteredWebhookEndpoint(), { endpoint, secret });
  }

  /** No new deliveries; its pending ones are marked FAILED. Idempotent. */
  async remove(ctx: RequestContext, id: string): Promise<WebhookEndpointEntity> {
    return this.deps.db.write(async (em) => {
      const endpoint = await em.findOne(WebhookEndpointEntity, { id });
      if (!endpoint) throw notFound('Webhook endpoint', id);
      if (endpoint.removedAt) return endpoint;
      endpoint.removedAt = this.deps.clock.now();
      await em.nativeUpdate(WebhookDeliveryEntity, { endpointId: id, status: WebhookDeliveryStatus.PENDING }, { status: WebhookDeliveryStatus.FAILED, lastError: 'endpoint removed' });
      this.audit.record(em, ctx.caller, { action: 'webhook_endpoint.removed', entityType: 'WebhookEndpoint', entityId: id, before: { url: endpoint.url }, after: null });
      return endpoint;
    });
  }

  /** Sends the delivery again (same event id, so the receiver can tell), at once and ahead of nothing: it keeps its place in its aggregate. */
  async redeliver(ctx: RequestContext, id: string): Promise<WebhookDeliveryEntity> {
    return this.deps.db.write(async (em) => {
      const delivery = await em.findOne(WebhookDeliveryEntity, { id });
      if (!delivery) throw notFound('Webhook delivery', id);
      const endpoint = await em.findOne(WebhookEndpointEntity, { id: delivery.endpointId, removedAt: null });
      if (!endpoint) throw notFound('Webhook endpoint', delivery.endpointId);
      const before = { status: delivery.status, attempts: delivery.attempts };
      Object.assign(delivery, { status: WebhookDeliveryStatus.PENDING, nextAttemptAt: this.deps.clock.now(), leaseUntil: null, deliveredAt: null });
      this.audit.record(em, ctx.caller, { action: 'webhook_delivery.redelivered', entityType: 'WebhookDelivery', entityId: id, before, after: { status: delivery.status } });
      return delivery;
    });
  }

  startConsuming(): Promise<EventConsumer> {
    return consumeEvents(this.deps.events, { group: CONSUMER }, {
      [ORDER_EVENTS.placed]: (event) => this.consume(event, orderPlacedFact(event)),
      [ORDER_EVENTS.statusChanged]: (event) => this.consume(event, orderStatusFact(event)),
      [INVENTORY_EVENTS.low]: (event) => this.consume(event, stockFact(event)),
      [INVENTORY_EVENTS.replenished]: (event) => this.consume(event, stockFact(event)),
    });
  }

  /**
   * At start-up: seals with the current key every signing secret sealed with
   * the one being retired (WEBHOOK_ENCRYPTION_KEY_PREVIOUS, or
   * INTERNAL_SECRET_PREVIOUS without a dedicated key), and any kept in the
   * clear by an older version, so one start completes a rotation.
   */
  async rekey(): Promise<void> {
    let resealed = 0;
    for (let offset = 0; ; offset += REKEY_BATCH) {
      const endpoints = await this.deps.db.read((em) => em.find(WebhookEndpointEntity, {}, { orderBy: { id: 'asc' }, limit: REKEY_BATCH, offset }));
      for (const endpoint of endpoints.filter((e) => !this.box.isCurrent(e.sealedSecret))) {
        try {
          const secret = isPlainSecret(endpoint.sealedSecret) ? endpoint.sealedSecret : this.box.open(endpoint.sealedSecret, endpoint.id).plaintext;
          const sealedSecret = this.box.seal(secret, endpoint.id);
          resealed += await this.deps.db.write((em) => em.nativeUpdate(WebhookEndpointEntity, { id: endpoint.id, sealedSecret: endpoint.sealedSecret }, { sealedSecret }));
        } catch (error) {
          this.deps.log.error('webhook signing secret sealed with an unknown key; its deliveries fail until the endpoint is registered again', { endpointId: endpoint.id, error: errorMessage(error) });
        }
      }
      if (endpoints.length < REKEY_BATCH) break;
    }
    if (resealed > 0) this.deps.log.info('webhook signing secrets sealed with the current key', { resealed });
  }

  /** The dispatcher of this process. */
  startDispatching(): Periodic {
    return every(this.deps.config.webhooks.dispatchIntervalMs, 'webhook dispatch', this.deps.log, () => this.dispatch());
  }

  /** Removes, hourly, what is older than the outbox's retention (OUTBOX_RETENTION_HOURS) and settled. */
  startPruning(): Periodic {
    const retentionMs = this.deps.config.outbox.retentionHours * 3_600_000;
    return every(3_600_000, 'webhook pruning', this.deps.log, async () => {
      await this.prune(new Date(this.deps.clock.now().getTime() - retentionMs));
    });
  }

  /** Fanned-out events and finished deliveries (DELIVERED or FAILED) that happened before `before`; pending ones stay. */
  async prune(before: Date): Promise<void> {
    await this.deps.db.write(async (em) => {
      await em.nativeDelete(WebhookEventEntity, { fannedOut: true, occurredAt: { $lt: before } });
      await em.nativeDelete(WebhookDeliveryEntity, { status: { $ne: WebhookDeliveryStatus.PENDING }, occurredAt: { $lt: before } });
    });
  }

  /** One run: fan out new events, then send what is due. */
  async dispatch(): Promise<void> {
    await this.fanOut();
    await this.sendDue();
  }

  private async consume(event: DomainEvent, fact: WebhookFact | null): Promise<void> {
    if (!fact) return;
    await handleOnce(this.deps.db, CONSUMER, event, async (em) => recordWebhookEvent(em, event.id, new Date(event.occurredAt), fact));
  }

  private async fanOut(): Promise<void> {
    const events = await this.deps.db.read((em) => em.find(WebhookEventEntity, { fannedOut: false }, { orderBy: { occurredAt: 'asc', id: 'asc' }, limit: BATCH }));
    if (events.length === 0) return;
    const endpoints = await this.deps.db.read((em) => em.find(WebhookEndpointEntity, { removedAt: null }));
    const wanted = (type: string) => endpoints.some((endpoint) => endpoint.eventTypes.includes(type));
    // Events no endpoint wants (most of them, in a shop without partners) are settled in one statement.
    const unwanted = events.filter((event) => !wanted(event.type)).map((event) => event.id);
    if (unwanted.length > 0) await this.deps.db.write((em) => em.nativeUpdate(WebhookEventEntity, { id: { $in: unwanted }, fannedOut: false }, { fannedOut: true }));
    const now = this.deps.clock.now();
    for (const event of events.filter((candidate) => wanted(candidate.type))) {
      await this.deps.db.write(async (em) => {
        // Compare-and-set first: of two processes fanning out the same event, one creates the deliveries.
        if ((await em.nativeUpdate(WebhookEventEntity, { id: event.id, fannedOut: false }, { fannedOut: true })) === 0) return;
        for (const endpoint of endpoints.filter((candidate) => candidate.eventTypes.includes(event.type))) {
          em.persist(
            Object.assign(new WebhookDeliveryEntity(), {
              endpointId: endpoint.id,
              eventId: event.id,
              eventType: event.type,
              aggregate: event.aggregate,
              occurredAt: event.occurredAt,
              body: { id: event.id, type: event.type, occurredAt: event.occurredAt.toISOString(), data: event.data },
              nextAttemptAt: now,
            }),
          );
        }
      });
    }
  }

  private async sendDue(): Promise<void> {
    const pending = await this.deps.db.read((em) =>
      em.find(WebhookDeliveryEntity, { status: WebhookDeliveryStatus.PENDING }, { orderBy: { occurredAt: 'asc', eventId: 'asc' }, limit: BATCH }),
    );
    const heads = new Map<string, WebhookDeliveryEntity>();
    for (const delivery of pending) {
      const lane = `${delivery.endpointId} ${delivery.aggregate}`;
      if (!heads.has(lane)) heads.set(lane, delivery);
    }
    const now = this.deps.clock.now();
    const due = [...heads.values()].filter((delivery) => delivery.nextAttemptAt <= now && (!delivery.leaseUntil || delivery.leaseUntil < now));
    if (due.length === 0) return;
    const endpoints = new Map((await this.deps.db.read((em) => em.find(WebhookEndpointEntity, { id: { $in: [...new Set(due.map((d) => d.endpointId))] } }))).map((e) => [e.id, e]));
    for (let start = 0; start < due.length; start += CONCURRENCY) {
      await Promise.all(due.slice(start, start + CONCURRENCY).map((delivery) => this.send(delivery, endpoints.get(delivery.endpointId))));
    }
  }

  private async send(delivery: WebhookDeliveryEntity, endpoint: WebhookEndpointEntity | undefined): Promise<void> {
    const { timeoutMs, retryBaseMs, retryMaxMs, maxAttempts } = this.deps.config.webhooks;
    if (!endpoint || endpoint.removedAt) return;
    const now = this.deps.clock.now();
    const lease = new Date(now.getTime() + timeoutMs * 2);
    const claimed = await this.deps.db.write((em) =>
      em.nativeUpdate(
        WebhookDeliveryEntity,
        { id: delivery.id, status: WebhookDeliveryStatus.PENDING, attempts: delivery.attempts, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
        { leaseUntil: lease },
      ),
    );
    if (claimed === 0) return;
    const attempt = delivery.attempts + 1;
    const body = JSON.stringify(delivery.body);
    let statusCode: number | null = null;
    let failure: string | null = null;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'shop-webhooks/1',
          // A secret that does not open (a key no longer configured) fails the try like an endpoint that does not answer.
          'shop-signature': signatureHeader(body, this.box.open(endpoint.sealedSecret, endpoint.id).plaintext, this.deps.clock.now()),
          'shop-event-id': delivery.eventId,
          'shop-event-type': delivery.eventType,
          'shop-delivery-attempt': String(attempt),
        },
        body,
        // A redirect is a failure, never followed: the endpoint's URL is the one the admin registered.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      statusCode = response.status;
      await response.arrayBuffer();
      if (statusCode < 200 || statusCode >= 300) failure = `HTTP ${statusCode}`;
    } catch (error) {
      failure = errorMessage(error);
    }
    const finished = this.deps.clock.now();
    const outcome: Partial<WebhookDeliveryEntity> =
      failure === null
        ? { status: WebhookDeliveryStatus.DELIVERED, deliveredAt: finished, lastError: null }
        : attempt >= maxAttempts
          ? { status: WebhookDeliveryStatus.FAILED, lastError: failure }
          : { nextAttemptAt: new Date(finished.getTime() + retryDelayMs(attempt, retryBaseMs, retryMaxMs)), lastError: failure };
    await this.deps.db.write((em) =>
      em.nativeUpdate(WebhookDeliveryEntity, { id: delivery.id, leaseUntil: lease }, { ...outcome, attempts: attempt, lastStatusCode: statusCode, leaseUntil: null }),
    );
    if (failure !== null) this.deps.log.info('webhook delivery failed', { deliveryId: delivery.id, eventId: delivery.eventId, attempt, error: failure });
  }
}

/** A secret stored in the clear by a version before encryption at rest. */
const isPlainSecret = (stored: string): boolean => stored.startsWith('whsec_');
