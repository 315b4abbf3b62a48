import type { ConsumerOptions, DomainEvent, EventBus, EventConsumer } from '../platform/messaging/event-bus';
import { AUDIT_RECORDED, type AuditRecord } from './audit';
import { INVENTORY_EVENTS, type ReservationPayload, type StockThresholdPayload } from './inventory-api';
import { ORDER_EVENTS, type OrderEventPayload, type OrderPricedPayload, type OrderStatusChangedPayload } from './orders-api';
import { PRICING_EVENTS, type PricingRulesChangedPayload } from './pricing-api';
import { PAYMENT_EVENTS, type PaymentEventPayload } from './payments-api';
import { USER_EVENTS, type SecurityAlertPayload } from './users-api';
import { RECOMMENDATION_EVENTS, type ProductViewedPayload } from './recommendations-api';
import { SHIPPING_EVENTS, type ReturnPayload, type ShipmentPayload } from './shipping-api';

/**
 * Every domain event the subgraphs exchange, by name, with its payload type.
 * The outbox writer (`deps.outbox.add`) and every consumer (`consumeEvents`)
 * are typed by this map, so a payload is checked where it is written and
 * arrives typed where it is read: no consumer casts. A new event is added
 * here first.
 */
export interface EventMap {
  [ORDER_EVENTS.placed]: OrderEventPayload;
  [ORDER_EVENTS.statusChanged]: OrderStatusChangedPayload;
  [ORDER_EVENTS.priced]: OrderPricedPayload;
  [PRICING_EVENTS.rulesChanged]: PricingRulesChangedPayload;
  [INVENTORY_EVENTS.reserved]: ReservationPayload;
  [INVENTORY_EVENTS.released]: ReservationPayload;
  [INVENTORY_EVENTS.committed]: ReservationPayload;
  [INVENTORY_EVENTS.returned]: ReservationPayload;
  [INVENTORY_EVENTS.expired]: ReservationPayload;
  [INVENTORY_EVENTS.low]: StockThresholdPayload;
  [INVENTORY_EVENTS.replenished]: StockThresholdPayload;
  [PAYMENT_EVENTS.succeeded]: PaymentEventPayload;
  [PAYMENT_EVENTS.failed]: PaymentEventPayload;
  [PAYMENT_EVENTS.refunded]: PaymentEventPayload;
  [PAYMENT_EVENTS.canceled]: PaymentEventPayload;
  [AUDIT_RECORDED]: AuditRecord;
  [USER_EVENTS.securityAlert]: SecurityAlertPayload;
  [RECOMMENDATION_EVENTS.productViewed]: ProductViewedPayload;
  [SHIPPING_EVENTS.updated]: ShipmentPayload;
  [SHIPPING_EVENTS.returnUpdated]: ReturnPayload;
}

export type EventType = keyof EventMap;

/** An event of one type, its payload typed by the map. */
export type EventOf<K extends EventType> = DomainEvent<EventMap[K]> & { readonly type: K };

/** Handlers per event type, each with a result of type R (and what the caller passes along, of type C). */
export type EventHandlersOf<R, C = void> = { readonly [K in EventType]?: (event: EventOf<K>, context: C) => Promise<R> };

/** Handlers per event type: only these types reach the consumer (the others are acknowledged unseen). */
export type EventHandlers = EventHandlersOf<void>;

/**
 * Starts a consumer group that dispatches each event to the handler of its
 * type. The bus carries JSON, so this is the one place where a payload is
 * taken to be what the map says: every writer went through the typed outbox.
 */
export function consumeEvents(bus: EventBus, options: Omit<ConsumerOptions, 'types'>, handlers: EventHandlers): Promise<EventConsumer> {
  const types = Object.keys(handlers) as EventType[];
  return bus.consume({ ...options, types }, async (event) => {
    await handlerOf(handlers, event)?.(event);
  });
}

/** An event of a batch and what its handler made of it. */
export interface Decided<R> {
  readonly event: DomainEvent;
  readonly result: R;
}

/**
 * Starts a consumer group that takes its events in batches (what is waiting,
 * up to `maxBatch`), of the types `handlers` names. Each event's handler
 * decides what it comes to, one after the other; one that throws fails that
 * event alone (it is retried, then parked). `commit` then records the
 * decisions together, typically in one unit of work with their inbox
 * markers (handleBatchOnce); if it throws, the bus retries the batch event
 * by event. With `subjectOf`, the decisions are committed before an event
 * about a subject (an order, say) already decided in the batch, so every
 * decision reads what the ones before it committed.
 */
export function consumeEventBatches<R>(
  bus: EventBus,
  options: Omit<ConsumerOptions, 'types'>,
  handlers: EventHandlersOf<R>,
  commit: (decided: readonly Decided<R>[]) => Promise<void>,
  subjectOf: (event: DomainEvent) => string | undefined = () => undefined,
): Promise<EventConsumer> {
  return bus.consumeBatches({ ...options, types: Object.keys(handlers) }, async (events) => {
    const failures = new Map<string, unknown>();
    let decided: Decided<R>[] = [];
    const subjects = new Set<string>();
    for (const event of events) {
      const subject = subjectOf(event);
      if (subject !== undefined && subjects.has(subject)) {
        if (decided.length > 0) await commit(decided);
        decided = [];
        subjects.clear();
      }
      if (subject !== undefined) subjects.add(subject);
      try {
        const handler = handlerOf(handlers, event);
        if (handler) decided.push({ event, result: await handler(event) });
      } catch (error) {
        failures.set(event.id, error);
      }
    }
    if (decided.length > 0) await commit(decided);
    return failures;
  });
}

/** The handler of the event's type: the one place a payload is taken to be what the map says, since every writer went through the typed outbox. */
export function handlerOf<R, C>(handlers: EventHandlersOf<R, C>, event: DomainEvent): ((event: DomainEvent, context: C) => Promise<R>) | undefined {
  return handlers[event.type as EventType] as ((event: DomainEvent, context: C) => Promise<R>) | undefined;
}
