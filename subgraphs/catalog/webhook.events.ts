import type { EntityManager } from '@mikro-orm/core';
import type { AuditChange } from '../../contracts/audit';
import type { EventOf } from '../../contracts/events';
import { INVENTORY_EVENTS } from '../../contracts/inventory-api';
import { ORDER_EVENTS, type OrderStatusName } from '../../contracts/orders-api';
import { WebhookEventEntity } from './webhook.entity';
import type { WebhookEventType } from './webhook.rules';

/** What a partner receives for one fact: the webhook type, the aggregate its order is kept within, and the data. */
export interface WebhookFact {
  readonly type: WebhookEventType;
  readonly aggregate: string;
  readonly data: Record<string, unknown>;
}

const ORDER_STATUS_EVENTS: Partial<Record<OrderStatusName, WebhookEventType>> = {
  PAID: 'order.paid',
  SHIPPED: 'order.shipped',
  DELIVERED: 'order.delivered',
  CANCELLED: 'order.cancelled',
  REFUNDED: 'order.refunded',
  PAYMENT_FAILED: 'order.payment_failed',
};

export function orderPlacedFact(event: EventOf<typeof ORDER_EVENTS.placed>): WebhookFact {
  const { orderId, customerId, status, total, currency, lines } = event.payload;
  return { type: 'order.placed', aggregate: `order:${orderId}`, data: { orderId, customerId, status, total, currency, lines } };
}

/** Null for transitions partners are not offered (PENDING → AWAITING_PAYMENT). */
export function orderStatusFact(event: EventOf<typeof ORDER_EVENTS.statusChanged>): WebhookFact | null {
  const { orderId, customerId, from, to, version, total, currency, lines, reason } = event.payload;
  const type = ORDER_STATUS_EVENTS[to];
  return type ? { type, aggregate: `order:${orderId}`, data: { orderId, customerId, from, status: to, version, total, currency, lines, reason } } : null;
}

export function stockFact(event: EventOf<typeof INVENTORY_EVENTS.low> | EventOf<typeof INVENTORY_EVENTS.replenished>): WebhookFact {
  const type: WebhookEventType = event.type === INVENTORY_EVENTS.low ? 'stock.low' : 'stock.replenished';
  return { type, aggregate: `stock:${event.payload.productId}`, data: { ...event.payload } };
}

const PRODUCT_ACTIONS: Record<string, WebhookEventType> = {
  'product.created': 'product.created',
  'product.updated': 'product.updated',
  'product.archived': 'product.archived',
};

/** Catalog's own product changes, taken from the audit record written in the same unit of work. */
export function productFact(change: AuditChange): WebhookFact | null {
  const type = change.entityType === 'Product' ? PRODUCT_ACTIONS[change.action] : undefined;
  return type ? { type, aggregate: `product:${change.entityId}`, data: { productId: change.entityId, before: change.before, after: change.after } } : null;
}

/** Adds `fact` to `em`'s unit of work: recorded with the change it describes, or with the bus event's inbox marker. */
export function recordWebhookEvent(em: EntityManager, id: string, occurredAt: Date, fact: WebhookFact): void {
  em.persist(Object.assign(new WebhookEventEntity(), { id, type: fact.type, aggregate: fact.aggregate, occurredAt, data: fact.data }));
}
