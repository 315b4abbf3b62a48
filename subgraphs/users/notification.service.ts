import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { Db } from '../../platform/db';
import type { Clock } from '../../platform/clock';
import { errorMessage } from '../../platform/errors';
import type { DomainEvent } from '../../platform/messaging/event-bus';
import type { EventHandlers, EventOf } from '../../contracts/events';
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
   * types only. A handler throws while a mail is still owed, so the event is
   * delivered again.
   */
  handlers(): EventHandlers {
    return {
      [ORDER_EVENTS.placed]: (event) => this.send(event, (em) => this.orderConfirmation(em, event)),
      [ORDER_EVENTS.statusChanged]: (event) => this.send(event, (em) => this.statusNotice(em, event)),
      [PAYMENT_EVENTS.succeeded]: (event) => this.send(event, (em) => this.paymentNotice(em, event, paymentConfirmation)),
      [PAYMENT_EVENTS.failed]: (event) => this.send(event, (em) => this.paymentNotice(em, event, paymentFailure)),
      [PAYMENT_EVENTS.refunded]: (event) => this.send(event, (em) => this.paymentNotice(em, event, refundNotice)),
      [INVENTORY_EVENTS.low]: (event) => this.send(event, (em) => this.lowStockAlerts(em, event)),
      [USER_EVENTS.securityAlert]: (event) => this.send(event, (em) => this.securityAlert(em, event)),
      [SHIPPING_EVENTS.updated]: (event) => this.send(event, (em) => this.parcelNotice(em, event)),
      [SHIPPING_EVENTS.returnUpdated]: (event) => this.send(event, (em) => this.returnNotice(em, event)),
    };
  }

  private async send(event: DomainEvent, compose: (em: EntityManager) => Promise<Mail[]>): Promise<void> {
    try {
      const mails = await this.deps.db.read(compose);
      let owed: unknown = null;
      for (const mail of mails) {
        try {
          await this.deliverOnce(event, mail);
        } catch (error) {
          // The other recipients still get theirs; the event is redelivered for this one.
          owed ??= error;
        }
      }
      if (owed) throw owed;
    } catch (error) {
      this.deps.log.warn('notification not sent yet; the event will be redelivered', { eventId: event.id, eventType: event.type, error: String(error) });
      throw error;
    }
  }

  private async orderConfirmation(em: EntityManager, event: EventOf<typeof ORDER_EVENTS.placed>): Promise<Mail[]> {
    const order = event.payload;
    const user = await this.customer(em, event, order.customerId);
    if (!user) return [];
    const products = await this.catalog.labels(order.lines.map((line) => line.productId));
    return [{ user, content: orderConfirmation(recipient(user), order, products) }];
  }

  private async statusNotice(em: EntityManager, event: EventOf<typeof ORDER_EVENTS.statusChanged>): Promise<Mail[]> {
    const change = event.payload;
    const template = STATUS_TEMPLATES[change.to];
    // A placement undone before the customer saw an order (PENDING) is no cancellation to them.
    if (!template || change.from === 'PENDING') return [];
    // Shipments move the order as "system": the customer hears of those per parcel (parcelNotice), with the tracking link.
    if ((change.to === 'SHIPPED' || change.to === 'DELIVERED') && change.actor === SYSTEM_ACTOR) return [];
    const user = await this.customer(em, event, change.customerId);
    // Status mails are what the "order updates" preference turns off; confirmations and payments always go.
    if (!user?.preferences.orderUpdates) return [];
    const products = await this.catalog.labels(change.lines.map((line) => line.productId));
    return [{ user, content: template(recipient(user), change, products) }];
  }

  /** A parcel shipped or delivered: only on the change of status (a late scan of a delivered parcel sends nothing), and with "order updates" on. */
  private async parcelNotice(em: EntityManager, event: EventOf<typeof SHIPPING_EVENTS.updated>): Promise<Mail[]> {
    const shipment = event.payload;
    const template = PARCEL_TEMPLATES[shipment.status];
    if (!template || shipment.from === shipment.status) return [];
    const user = await this.customer(em, event, shipment.customerId);
    if (!user?.preferences.orderUpdates) return [];
    const products = await this.catalog.labels(shipment.lines.map((line) => line.productId));
    return [{ user, content: template(recipient(user), shipment, products) }];
  }

  /** A return's label bought (how to send it back) or its refusal; the refund is told by payments' refund mail. */
  private async returnNotice(em: EntityManager, event: EventOf<typeof SHIPPING_EVENTS.returnUpdated>): Promise<Mail[]> {
    const request: ReturnPayload = event.payload;
    const template = request.labelBought ? returnLabelNotice : request.status === 'REFUSED' ? returnRefusedNotice : null;
    if (!template) return [];
    const user = await this.customer(em, event, request.customerId);
    if (!user) return [];
    const products = await this.catalog.labels(request.lines.map((line) => line.productId));
    return [{ user, content: template(recipient(user), request, products) }];
  }

  private async paymentNotice(
    em: EntityManager,
    event: DomainEvent<PaymentEventPayload>,
    template: (to: MailRecipient, payment: PaymentEventPayload) => RenderedMail,
  ): Promise<Mail[]> {
    const user = await this.customer(em, event, event.payload.customerId);
    return user ? [{ user, content: template(recipient(user), event.payload) }] : [];
  }

  private async lowStockAlerts(em: EntityManager, event: EventOf<typeof INVENTORY_EVENTS.low>): Promise<Mail[]> {
    const stock = event.payload;
    const admins = await em.find(UserEntity, jsonArrayIncludes(em, UserEntity, 'roles', 'ADMIN'), { orderBy: { id: 'asc' } });
    if (admins.length === 0) return [];
    const product = (await this.catalog.labels([stock.productId])).get(stock.productId);
    return admins.map((user) => ({ user, content: lowStockAlert(recipient(user), stock, product) }));
  }

  /** Always sent, whatever the preferences: the owner must hear of changes to how their account signs in. */
  private async securityAlert(em: EntityManager, event: EventOf<typeof USER_EVENTS.securityAlert>): Promise<Mail[]> {
    const user = await this.customer(em, event, event.payload.userId);
    return user ? [{ user, content: securityAlert(recipient(user), event.payload) }] : [];
  }

  private async customer(em: EntityManager, event: DomainEvent, customerId: string): Promise<UserEntity | null> {
    const user = await em.findOne(UserEntity, { id: customerId });
    // Retrying cannot make a missing customer appear; the event is acknowledged without a mail.
    if (!user) this.deps.log.warn('no mail: the event names no known customer', { eventId: event.id, eventType: event.type });
    return user;
  }

  private async deliverOnce(event: DomainEvent, { user, content }: Mail): Promise<void> {
    const { clock, log } = this.deps;
    const key = `${event.id}:${user.id}`;
    const { db } = this.deps;
    const record = await db.read((em) => em.findOne(NotificationEntity, { key }));
    if (record && (record.status === NotificationStatus.SENT || record.status === NotificationStatus.FAILED)) return;
    const now = clock.now();
    const claimedUntil = new Date(now.getTime() + SENDING_LEASE_MS);
    if (!record) {
      try {
        await db.write((em) => em.insert(NotificationEntity, {
          key,
          eventId: event.id,
          eventType: event.type,
          userId: user.id,
          kind: content.kind,
          status: NotificationStatus.SENDING,
          attempts: 1,
          claimedUntil,
          createdAt: now,
        }));
      } catch (error) {
        throw error instanceof UniqueConstraintViolationException ? busy(key) : error;
      }
    } else {
      if (record.status === NotificationStatus.SENDING && record.claimedUntil && record.claimedUntil > now) throw busy(key);
      // Compare-and-set on the attempt count: of two workers taking over, one wins.
      const claimed = await db.write((em) =>
        em.nativeUpdate(NotificationEntity, { key, attempts: record.attempts }, { status: NotificationStatus.SENDING, attempts: record.attempts + 1, claimedUntil }),
      );
      if (claimed === 0) throw busy(key);
    }

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
      return;
    }
    await db.write((em) => em.nativeUpdate(NotificationEntity, { key }, { status: NotificationStatus.SENT, sentAt: clock.now(), claimedUntil: null }));
    log.info('mail sent', { key, kind: content.kind, userId: user.id });
  }
}

function recipient(user: UserEntity): MailRecipient {
  return { name: user.name, locale: user.preferences.locale };
}

function busy(key: string): Error {
  return new Error(`mail ${key} is being sent by another worker`);
}
