import type { EntityManager } from '@mikro-orm/core';
import { SHIPPING_EVENTS } from '../../contracts/shipping-api';
import { consumeEventBatches, type Decided, type EventMap, type EventOf, type EventType } from '../../contracts/events';
import { INVENTORY_EVENTS } from '../../contracts/inventory-api';
import { ORDER_EVENTS } from '../../contracts/orders-api';
import { PAYMENT_EVENTS } from '../../contracts/payments-api';
import type { DomainEvent, EventConsumer } from '../../platform/messaging/event-bus';
import { handleBatchOnce } from '../../platform/messaging/inbox';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { InventoryClient } from './inventory.client';
import { OrderEntity, OrderStatus } from './order.entity';
import { canTransition, effectsOf, SYSTEM_ACTOR, type OrderEffect, type OrderTransitions, type StatusChange } from './order.transitions';
import type { PaymentsClient } from './payments.client';
import { isRefusal } from './peer.calls';

/** Consumer group and inbox name of the orders subgraph. */
const ORDERS_CONSUMER = 'orders';

/** The transition a handler adds to the unit of work that marks its event handled; null when the order changed meanwhile. */
type Stage = (em: EntityManager) => Promise<OrderEntity | null>;

/** What handling an event comes to: its inbox marker, with the transition (if any) to commit with it; null: nothing to record. */
type Decision = { readonly stage?: Stage } | null;

/** The event is handled and changes nothing here. */
const MARK: Decision = {};

/** The events about one order: their payloads name it. */
type OrderEventType = { [K in EventType]: EventMap[K] extends { readonly orderId: string } ? K : never }[EventType];

/** Thrown to have the bus deliver the event again later. */
class NotYet extends Error {}

/**
 * The asynchronous half of the saga (placement.saga.ts is the synchronous
 * one). Payment and stock events move orders through the state machine; the
 * orders' own `order.status_changed` events carry out what each status sets
 * off elsewhere, as declared beside the transition table (order.transitions.ts,
 * `effectsOf`). Since those events come from the outbox written with the
 * change, the follow-up happens even if the process dies right after the
 * change: the bus redelivers until a handler succeeds.
 *
 * Every handler is idempotent: calls to inventory and payments are
 * idempotent by order id, and a state change commits together with the
 * event's inbox marker, behind a compare-and-set on the order's version. A
 * handler that finds the order changed under it, or still being placed,
 * throws, and the bus delivers the event again.
 *
 * Events come in batches: each handler decides in turn (its reads and calls
 * to other subgraphs), then the batch's transitions and markers commit in
 * one unit of work (handleBatchOnce); a second event about the same order
 * waits for the first's commit. A handler that throws fails its event
 * alone; a transition that lost its compare-and-set fails the unit of work,
 * and the bus retries the batch's events one by one.
 */
export class OrderConsumer {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly transitions: OrderTransitions,
    private readonly inventory: InventoryClient,
    private readonly payments: PaymentsClient,
  ) {}

  start(): Promise<EventConsumer> {
    return consumeEventBatches(this.deps.events, { group: ORDERS_CONSUMER }, {
      [PAYMENT_EVENTS.succeeded]: this.forOrder((event) => this.paymentSucceeded(event)),
      [PAYMENT_EVENTS.failed]: this.forOrder((event) =>
        this.onPayable(event, { to: OrderStatus.PAYMENT_FAILED, actor: SYSTEM_ACTOR, reason: event.payload.reason ?? 'the payment failed' }),
      ),
      [PAYMENT_EVENTS.refunded]: this.forOrder((event) => this.paymentRefunded(event)),
      [INVENTORY_EVENTS.expired]: this.forOrder((event) =>
        this.onPayable(event, { to: OrderStatus.CANCELLED, actor: SYSTEM_ACTOR, reason: 'the stock reservation expired before payment' }),
      ),
      [ORDER_EVENTS.statusChanged]: this.forOrder((event) => this.carryOutEffects(event)),
      [SHIPPING_EVENTS.updated]: this.forOrder((event) => this.shipmentUpdated(event)),
    }, (decided) => this.commit(decided), orderOf);
  }

  /**
   * Shipments move the order: PARTIALLY_SHIPPED once some units have a
   * label, SHIPPED once all do, DELIVERED once every shipment is delivered
   * (through SHIPPED in the same unit of work when events arrive late). A
   * move the table does not allow (a late or repeated event) changes nothing.
   */
  private async shipmentUpdated(event: EventOf<typeof SHIPPING_EVENTS.updated>): Promise<Decision> {
    const { orderId, shipmentId, status, orderFullyShipped, orderDelivered } = event.payload;
    const order = await this.current(orderId);
    if (!order || status === 'LABEL_PENDING') return MARK;
    const change = (to: OrderStatus): StatusChange => ({ to, actor: SYSTEM_ACTOR, reason: `shipment ${shipmentId}: ${status.toLowerCase().replace(/_/g, ' ')}` });
    const target = orderDelivered ? OrderStatus.DELIVERED : orderFullyShipped ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED;
    const moves = target === OrderStatus.DELIVERED && order.status !== OrderStatus.SHIPPED ? [OrderStatus.SHIPPED, target] : [target];
    if (!canTransition(order.status, moves[0])) return MARK;
    return {
      stage: async (em) => {
        let current = await this.transitions.stage(em, order, change(moves[0]));
        for (const to of moves.slice(1)) if (current) current = await this.transitions.stage(em, current, change(to));
        return current;
      },
    };
  }

  /** PAID (after a decline too); for an order that can no longer take the money (cancelled), the payment goes back. */
  private async paymentSucceeded(event: EventOf<typeof PAYMENT_EVENTS.succeeded>): Promise<Decision> {
    const { orderId } = event.payload;
    const order = await this.current(orderId);
    if (order && isPayable(order)) return { stage: (em) => this.transitions.stage(em, order, { to: OrderStatus.PAID, actor: SYSTEM_ACTOR, reason: null }) };
    if (order?.status === OrderStatus.CANCELLED) {
      await this.payments.refund(orderId, null, `the order was ${order.status.toLowerCase()} before the payment arrived`);
    } else if (!order) {
      this.deps.log.warn('payment succeeded for an unknown order', { orderId, eventId: event.id });
    }
    return MARK;
  }

  /** `change` for an order that can still be paid; nothing for one that moved on (a late or repeated event). */
  private async onPayable(event: EventOf<typeof PAYMENT_EVENTS.failed | typeof INVENTORY_EVENTS.expired>, change: StatusChange): Promise<Decision> {
    const order = await this.current(event.payload.orderId);
    if (order && isPayable(order)) return { stage: (em) => this.transitions.stage(em, order, change) };
    return MARK;
  }

  /** Records refunds as they add up; the whole total refunded makes the order REFUNDED (if it is not cancelled). */
  private async paymentRefunded(event: EventOf<typeof PAYMENT_EVENTS.refunded>): Promise<Decision> {
    const { payload } = event;
    const order = await this.current(payload.orderId);
    if (!order) return MARK;
    const refunded = Math.min(payload.refundedAmount ?? payload.amount, order.totalAmount);
    if (refunded >= order.totalAmount && canTransition(order.status, OrderStatus.REFUNDED)) {
      const change = { to: OrderStatus.REFUNDED, actor: order.refundRequestedBy ?? SYSTEM_ACTOR, reason: payload.reason ?? 'the payment was refunded', refundedAmount: refunded };
      return { stage: (em) => this.transitions.stage(em, order, change) };
    }
    if (refunded > order.refundedAmount) return { stage: (em) => this.transitions.stageRefunded(em, order, refunded) };
    return MARK;
  }

  /**
   * What the status an order reached sets off in inventory and payments, one
   * effect after the other. The event of a status that sets off nothing is
   * left unmarked, as the events orders does not consume.
   */
  private async carryOutEffects(event: EventOf<typeof ORDER_EVENTS.statusChanged>): Promise<Decision> {
    const { orderId, from, to, reason } = event.payload;
    const effects = effectsOf(to, { from, reason });
    if (!effects) return null;
    let stage: Stage | undefined;
    for (const effect of effects) stage = (await this.carryOut(orderId, effect)) ?? stage;
    return stage ? { stage } : MARK;
  }

  /** One effect; the transition it leads to, if any, to commit with the event's marker. */
  private async carryOut(orderId: string, effect: OrderEffect): Promise<Stage | undefined> {
    switch (effect.kind) {
      case 'commitStock':
        return this.commitStock(orderId);
      case 'releaseStock':
        await this.releaseStock(orderId, effect.reason);
        return undefined;
      case 'cancelOrRefundPayment':
        await this.payments.cancelOrRefund(orderId, effect.reason);
        return undefined;
    }
  }

  /**
   * The reserved units become a sale. When the reservation is gone (it
   * expired or was released before the payment arrived), the units may be
   * someone else's by now and a reservation cannot be taken again for the
   * same order: the order is cancelled, which refunds the payment.
   */
  private async commitStock(orderId: string): Promise<Stage | undefined> {
    try {
      await this.inventory.commit(orderId);
      return undefined;
    } catch (error) {
      if (!isRefusal(error, 'CONFLICT', 'NOT_FOUND')) throw error;
    }
    const order = await this.current(orderId);
    if (order?.status === OrderStatus.PAID) {
      const reason = 'the stock was no longer reserved when the payment arrived; the payment is refunded';
      return (em) => this.transitions.stage(em, order, { to: OrderStatus.CANCELLED, actor: SYSTEM_ACTOR, reason });
    }
    this.deps.log.error('the stock of a paid order could not be committed', { orderId, status: order?.status ?? null });
    return undefined;
  }

  /** The order will not ship: units still held return to available, units already sold (paid) go back on hand. */
  private async releaseStock(orderId: string, reason: string): Promise<void> {
    try {
      await this.inventory.release(orderId, reason);
      return;
    } catch (error) {
      if (!isRefusal(error, 'CONFLICT')) throw error;
    }
    await this.inventory.returnSold(orderId, reason);
  }

  /**
   * Marks the batch's events handled, together with the changes their stages
   * add, in one unit of work; announces the changes once committed. A lost
   * compare-and-set throws, so the events come again and are decided afresh.
   */
  private async commit(decided: readonly Decided<Decision>[]): Promise<void> {
    const recorded = decided.flatMap(({ event, result }) => (result ? [{ event, stage: result.stage }] : []));
    // By event id: a unit of work retried while the database was locked stages again.
    const changed = new Map<string, OrderEntity>();
    const handled = await handleBatchOnce(this.deps.db, ORDERS_CONSUMER, recorded, async (em, { event, stage }) => {
      if (!stage) return;
      const order = await stage(em);
      if (!order) throw new NotYet(`an order changed while ${event.type} ${event.id} was handled`);
      changed.set(event.id, order);
    });
    for (const { event } of handled) {
      const order = changed.get(event.id);
      if (order) await this.transitions.announce(order);
    }
  }

  /** The order as stored now; a PENDING one is still being placed, so the event waits (it comes again). */
  private async current(orderId: string): Promise<OrderEntity | null> {
    const order = await this.deps.db.read((em) => em.findOne(OrderEntity, { id: orderId }));
    if (order?.status === OrderStatus.PENDING) throw new NotYet(`order ${orderId} is still being placed`);
    return order;
  }

  /**
   * `handle` for events about one order. The bus carries JSON: an event
   * without an order id (a writer's bug) is logged and dropped, since
   * delivering it again cannot fix it.
   */
  private forOrder<K extends OrderEventType>(handle: (event: EventOf<K>) => Promise<Decision>): (event: EventOf<K>) => Promise<Decision> {
    return async (event) => {
      if (!event.payload.orderId) {
        this.deps.log.warn('dropped an event without an order id', { eventId: event.id, type: event.type });
        return null;
      }
      return handle(event);
    };
  }
}

/** The order an event is about, as its payload names it (the bus carries JSON). */
function orderOf(event: DomainEvent): string | undefined {
  const { orderId } = event.payload;
  return typeof orderId === 'string' ? orderId : undefined;
}

/** Awaiting its payment, or its first attempts declined: a payment may still arrive, and the reservation's expiry still cancels it. */
function isPayable(order: OrderEntity): boolean {
  return order.status === OrderStatus.AWAITING_PAYMENT || order.status === OrderStatus.PAYMENT_FAILED;
}
