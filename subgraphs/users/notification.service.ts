import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { Db } from '../../platform/db';
import type { Clock } from '../../platform/clock';
import { errorMessage } from '../../platform/errors';
import type { BatchFailures, DomainEvent } from '../../platform/messaging/event-bus';
import { handlerOf, type EventHandlersOf, type EventOf } from '../../contracts/events';
import { INVENTORY_EVENTS } from '../../contracts/inventory-api';
import type { Logger } from '../../platform/log';
import { ORDER_EVENTS, type OrderStatusChangedPayload, type OrderStatusName } from '../../contracts/orders-api';
import { jsonArrayIncludes } from '../../platform/orm';
import { PAYMENT_EVENTS, type PaymentEventPayload } from '../../contracts/payments-api';
import { SHIPPING_EVENTS, type ReturnPayload, type ShipmentPayload } from '../../contracts/shipping-api';
import { USER_EVENTS } from '../../contracts/users-api';
import type { CatalogClient } from './catalog.client';
import { MAIL_SEND_TIMEOUT_MS, MailDeliveryError, type MailTransport } from './mail.transport';
import { NotificationEntity, NotificationStatus } from './notification.entity';
import {
  cancellationNotice,
  deliveryNotice,
  lowStockAlert,
  orderConfirmation,
  parcelDeliveredNotice,
  parcelShippedNotice,
  paymentConfirmation,
  paymentFailure,
  refundNotice,
  returnLabelNotice,
  returnRefusedNotice,
  securityAlert,
  shippingNotice,
  type MailRecipient,
  type ProductLabel,
  type ProductLabels,
  type RenderedMail,
} from './notification.templates';
import { UserEntity } from './user.entity';

/** Order statuses the customer hears of (with "order updates" on); payment failure and refunds come from payments' events. */
const STATUS_TEMPLATES: Partial<Record<OrderStatusName, (to: MailRecipient, change: OrderStatusChangedPayload, products: ProductLabels) => RenderedMail>> = {
  SHIPPED: shippingNotice,
  DELIVERED: deliveryNotice,
  CANCELLED: cancellationNotice,
};

/** Shipment statuses the customer hears of, per parcel, when a shipment reaches them. */
const PARCEL_TEMPLATES: Partial<Record<ShipmentPayload['status'], (to: MailRecipient, shipment: ShipmentPayload, products: ProductLabels) => RenderedMail>> = {
  LABEL_CREATED: parcelShippedNotice,
  DELIVERED: parcelDeliveredNotice,
};

/** The actor of the order moves the saga and shipments make (order.transitions.ts's SYSTEM_ACTOR). */
const SYSTEM_ACTOR = 'system';

/** A claimed mail is presumed abandoned (its worker died) after this long; longer than any one send may take. */
const SENDING_LEASE_MS = 2 * MAIL_SEND_TIMEOUT_MS;
const MAX_ERROR_LENGTH = 1_000;

export interface NotificationServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly log: Logger;
  /** From header of every mail (MAIL_FROM). */
  readonly mailFrom: string;
}

interface Mail {
  readonly user: UserEntity;
  readonly content: RenderedMail;
}

/** A mail owed for an event, and its record's key. */
interface Owed {
  readonly event: DomainEvent;
  readonly mail: Mail;
  readonly key: string;
}

/**
 * Turns domain events into mails to the users they concern and sends each
 * (event, user) mail at most once per successful delivery: a NotificationEntity
 * per mail records it. A transient failure throws, so the event is redelivered
 * and only the mails still owed are sent; a permanent refusal is recorded as
 * FAILED and not retried. A worker that dies between the server's "accepted"
 * and recording it resends that one mail after the lease (with the same
 * Message-ID): SMTP offers no exactly-once.
 */
export class NotificationService {
  private readonly messageIdDomain: string;

  constructor(
    private readonly deps: NotificationServiceDeps,
    private readonly transport: MailTransport,
    private readonly catalog: CatalogClient,
  ) {
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(deps.mailFrom)?.[1] ?? 'localhost';
  }

  /**
   * The mails each event type calls for; the worker's consumer takes these
   * types only (`types`), in batches (`handleBatch`).
   */
  private readonly composers: EventHandlersOf<Mail[], MailReads> = {
    [ORDER_EVENTS.placed]: (event, reads) => this.orderConfirmation(reads, event),
    [ORDER_EVENTS.statusChanged]: (event, reads) => this.statusNotice(reads, event),
    [PAYMENT_EVENTS.succeeded]: (event, reads) => this.paymentNotice(reads, event, paymentConfirmation),
    [PAYMENT_EVENTS.failed]: (event, reads) => this.paymentNotice(reads, event, paymentFailure),
    [PAYMENT_EVENTS.refunded]: (event, reads) => this.paymentNotice(reads, event, refundNotice),
    [INVENTORY_EVENTS.low]: (event, reads) => this.lowStockAlerts(reads, event),
    [USER_EVENTS.securityAlert]: (event, reads) => this.securityAlert(reads, event),
    [SHIPPING_EVENTS.updated]: (event, reads) => this.parcelNotice(reads, event),
    [SHIPPING_EVENTS.returnUpdated]: (event, reads) => this.returnNotice(reads, event),
  };

  /** The event types that call for mails. */
  get types(): string[] {
    return Object.keys(this.composers);
  }

  /**
   * Sends the mails a batch of events calls for: the recipients and product
   * names of the whole batch read at once (one query, one call to catalog),
   * the mails' records claimed in one write and marked sent in one write.
   * An event is reported failed while a mail of it is still owed, so it is
   * delivered again and only what is still owed is sent.
   */
  async handleBatch(events: readonly DomainEvent[]): Promise<BatchFailures> {
    const failures = new Map<string, unknown>();
    const owed: Owed[] = [];
    await this.deps.db.read(async (em) => {
      const reads = new MailReads(em, this.catalog, this.deps.log);
      await reads.prefetch(events);
      for (const event of events) {
        try {
          const mails = (await handlerOf(this.composers, event)?.(event, reads)) ?? [];
          owed.push(...mails.map((mail) => ({ event, mail, key: `${event.id}:${mail.user.id}` })));
        } catch (error) {
          failures.set(event.id, error);
        }
      }
    });
    await this.deliver(owed, failures);
    for (const [eventId, error] of failures) {
      const event = events.find((candidate) => candidate.id === eventId);
      this.deps.log.warn('notification not sent yet; the event will be redelivered', { eventId, eventType: event?.type, error: String(error) });
    }
    return failures;
  }

  private async orderConfirmation(reads: MailReads, event: EventOf<typeof ORDER_EVENTS.placed>): Promise<Mail[]> {
    const order = event.payload;
    const user = await reads.customer(event, order.customerId);
    if (!user) return [];
    const products = await reads.labels(order.lines.map((line) => line.productId));
    return [{ user, content: orderConfirmation(recipient(user), order, products) }];
  }

  private async statusNotice(reads: MailReads, event: EventOf<typeof ORDER_EVENTS.statusChanged>): Promise<Mail[]> {
    const change = event.payload;
    const template = STATUS_TEMPLATES[change.to];
    // A placement undone before the customer saw an order (PENDING) is no cancellation to them.
    if (!template || change.from === 'PENDING') return [];
    // Shipments move the order as "system": the customer hears of those per parcel (parcelNotice), with the tracking link.
    if ((change.to === 'SHIPPED' || change.to === 'DELIVERED') && change.actor === SYSTEM_ACTOR) return [];
    const user = await reads.customer(event, change.customerId);
    // Status mails are what the "order updates" preference turns off; confirmations and payments always go.
    if (!user?.preferences.orderUpdates) return [];
    const products = await reads.labels(change.lines.map((line) => line.productId));
    return [{ user, content: template(recipient(user), change, products) }];
  }

  /** A parcel shipped or delivered: only on the change of status (a late scan of a delivered parcel sends nothing), and with "order updates" on. */
  private async parcelNotice(reads: MailReads, event: EventOf<typeof SHIPPING_EVENTS.updated>): Promise<Mail[]> {
    const shipment = event.payload;
    const template = PARCEL_TEMPLATES[shipment.status];
    if (!template || shipment.from === shipment.status) return [];
    const user = await reads.customer(event, shipment.customerId);
    if (!user?.preferences.orderUpdates) return [];
    const products = await reads.labels(shipment.lines.map((line) => line.productId));
    return [{ user, content: template(recipient(user), shipment, products) }];
  }

  /** A return's label bought (how to send it back) or its refusal; the refund is told by payments' refund mail. */
  private async returnNotice(reads: MailReads, event: EventOf<typeof SHIPPING_EVENTS.returnUpdated>): Promise<Mail[]> {
    const request: ReturnPayload = event.payload;
    const template = request.labelBought ? returnLabelNotice : request.status === 'REFUSED' ? returnRefusedNotice : null;
    if (!template) return [];
    const user = await reads.customer(event, request.customerId);
    if (!user) return [];
    const products = await reads.labels(request.lines.map((line) => line.productId));
    return [{ user, content: template(recipient(user), request, products) }];
  }

  private async paymentNotice(
    reads: MailReads,
    event: DomainEvent<PaymentEventPayload>,
    template: (to: MailRecipient, payment: PaymentEventPayload) => RenderedMail,
  ): Promise<Mail[]> {
    const user = await reads.customer(event, event.payload.customerId);
    return user ? [{ user, content: template(recipient(user), event.payload) }] : [];
  }

  private async lowStockAlerts(reads: MailReads, event: EventOf<typeof INVENTORY_EVENTS.low>): Promise<Mail[]> {
    const stock = event.payload;
    const admins = await reads.admins();
    if (admins.length === 0) return [];
    const product = (await reads.labels([stock.productId])).get(stock.productId);
    return admins.map((user) => ({ user, content: lowStockAlert(recipient(user), stock, product) }));
  }

  /** Always sent, whatever the preferences: the owner must hear of changes to how their account signs in. */
  private async securityAlert(reads: MailReads, event: EventOf<typeof USER_EVENTS.securityAlert>): Promise<Mail[]> {
    const user = await reads.customer(event, event.payload.userId);
    return user ? [{ user, content: securityAlert(recipient(user), event.payload) }] : [];
  }

  /**
   * Claims the owed mails' records (new ones inserted in one write, retries
   * taken over one by one with a compare-and-set), sends each mail, and
   * records the sent ones in one write. A mail not sent yet fails its event.
   */
  private async deliver(owed: readonly Owed[], failures: Map<string, unknown>): Promise<void> {
    const { db, clock } = this.deps;
    if (owed.length === 0) return;
    const records = new Map((await db.read((em) => em.find(NotificationEntity, { key: { $in: owed.map((item) => item.key) } }))).map((record) => [record.key, record]));
    const now = clock.now();
    const claimedUntil = new Date(now.getTime() + SENDING_LEASE_MS);
    const fresh = owed.filter((item) => !records.has(item.key));
    try {
      await db.write(async (em) => {
        for (const { event, mail, key } of fresh) {
          em.persist(
            em.create(NotificationEntity, {
              key,
              eventId: event.id,
              eventType: event.type,
              userId: mail.user.id,
              kind: mail.content.kind,
              status: NotificationStatus.SENDING,
              attempts: 1,
              claimedUntil,
              createdAt: now,
            }),
          );
        }
      });
    } catch (error) {
      // Another worker claimed one of them first: it sends those; the events come again for what is left.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      for (const item of fresh) failures.set(item.event.id, busy(item.key));
      return;
    }
    const sent: string[] = [];
    for (const item of owed) {
      try {
        const record = records.get(item.key);
        if (record && !(await this.claimAgain(record, now, claimedUntil))) continue;
        if (await this.sendOne(item)) sent.push(item.key);
      } catch (error) {
        // The other recipients still get theirs; the event is redelivered for this one.
        if (!failures.has(item.event.id)) failures.set(item.event.id, error);
      }
    }
    if (sent.length > 0) await db.write((em) => em.nativeUpdate(NotificationEntity, { key: { $in: sent } }, { status: NotificationStatus.SENT, sentAt: clock.now(), claimedUntil: null }));
  }

  /** A mail recorded before: false when it needs nothing (sent or refused for good); throws while another worker holds it. */
  private async claimAgain(record: NotificationEntity, now: Date, claimedUntil: Date): Promise<boolean> {
    if (record.status === NotificationStatus.SENT || record.status === NotificationStatus.FAILED) return false;
    if (record.status === NotificationStatus.SENDING && record.claimedUntil && record.claimedUntil > now) throw busy(record.key);
    // Compare-and-set on the attempt count: of two workers taking over, one wins.
    const claimed = await this.deps.db.write((em) =>
      em.nativeUpdate(NotificationEntity, { key: record.key, attempts: record.attempts }, { status: NotificationStatus.SENDING, attempts: record.attempts + 1, claimedUntil }),
    );
    if (claimed === 0) throw busy(record.key);
    return true;
  }

  /** Sends a claimed mail; true once the server took it, false for a permanent refusal (recorded FAILED); throws on a transient failure (recorded RETRYING). */
  private async sendOne({ event, mail: { user, content }, key }: Owed): Promise<boolean> {
    const { db, log } = this.deps;
    try {
      await this.transport.send({
        from: this.deps.mailFrom,
        to: { name: user.name, address: user.email },
        subject: content.subject,
        text: content.text,
        html: content.html,
        messageId: `<${event.id}.${user.id}@${this.messageIdDomain}>`,
      });
    } catch (error) {
      const permanent = error instanceof MailDeliveryError && error.permanent;
      const lastError = errorMessage(error).slice(0, MAX_ERROR_LENGTH);
      await db.write((em) => em.nativeUpdate(NotificationEntity, { key }, { status: permanent ? NotificationStatus.FAILED : NotificationStatus.RETRYING, lastError, claimedUntil: null }));
      if (!permanent) throw error;
      log.error('mail refused for good; not retried', { key, kind: content.kind, userId: user.id, error: lastError });
      return false;
    }
    log.info('mail sent', { key, kind: content.kind, userId: user.id });
    return true;
  }
}

/**
 * What a batch's mails read: its recipients and product names, fetched for
 * the whole batch at once (what the payloads name), then from memory.
 */
class MailReads {
  private readonly users = new Map<string, UserEntity | null>();
  private readonly products = new Map<string, ProductLabel | null>();
  private adminUsers: UserEntity[] | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly catalog: CatalogClient,
    private readonly log: Logger,
  ) {}

  /** One query for the users and one call for the products the batch's payloads name (customerId, userId, productId, lines). */
  async prefetch(events: readonly DomainEvent[]): Promise<void> {
    const userIds = new Set<string>();
    const productIds = new Set<string>();
    for (const { payload } of events) {
      for (const id of [payload.customerId, payload.userId]) if (typeof id === 'string') userIds.add(id);
      if (typeof payload.productId === 'string') productIds.add(payload.productId);
      if (Array.isArray(payload.lines)) for (const line of payload.lines as unknown[]) if (isLine(line)) productIds.add(line.productId);
    }
    if (userIds.size > 0) {
      for (const id of userIds) this.users.set(id, null);
      for (const user of await this.em.find(UserEntity, { id: { $in: [...userIds] } })) this.users.set(user.id, user);
    }
    await this.labels([...productIds]);
  }

  async customer(event: DomainEvent, customerId: string): Promise<UserEntity | null> {
    if (!this.users.has(customerId)) this.users.set(customerId, await this.em.findOne(UserEntity, { id: customerId }));
    const user = this.users.get(customerId) ?? null;
    // Retrying cannot make a missing customer appear; the event is acknowledged without a mail.
    if (!user) this.log.warn('no mail: the event names no known customer', { eventId: event.id, eventType: event.type });
    return user;
  }

  async labels(productIds: readonly string[]): Promise<ProductLabels> {
    const missing = productIds.filter((id) => !this.products.has(id));
    if (missing.length > 0) {
      const found = await this.catalog.labels(missing);
      for (const id of missing) this.products.set(id, found.get(id) ?? null);
    }
    return new Map(productIds.flatMap((id) => {
      const label = this.products.get(id);
      return label ? [[id, label] as const] : [];
    }));
  }

  async admins(): Promise<UserEntity[]> {
    this.adminUsers ??= await this.em.find(UserEntity, jsonArrayIncludes(this.em, UserEntity, 'roles', 'ADMIN'), { orderBy: { id: 'asc' } });
    return this.adminUsers;
  }
}

function isLine(line: unknown): line is { readonly productId: string } {
  return typeof line === 'object' && line !== null && typeof (line as { productId?: unknown }).productId === 'string';
}

function recipient(user: UserEntity): MailRecipient {
  return { name: user.name, locale: user.preferences.locale };
}

function busy(key: string): Error {
  return new Error(`mail ${key} is being sent by another worker`);
}
