import type { EntityManager } from '@mikro-orm/core';
import type { DomainEvent, EventConsumer } from '../../platform/messaging/event-bus';
import { handleOnce } from '../../platform/messaging/inbox';
import { INVENTORY_EVENTS } from '../../contracts/inventory-api';
import { ORDER_EVENTS, type OrderStatusChangedPayload } from '../../contracts/orders-api';
import { PAYMENT_EVENTS, type PaymentEventPayload } from '../../contracts/payments-api';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { InventoryClient } from './inventory.client';
import { OrderEntity, OrderStatus } from './order.entity';
import { canTransition, SYSTEM_ACTOR, type OrderTransitions, type StatusChange } from './order.transitions';
import type { PaymentsClient } from './payments.client';
import { isRefusal, retryWhileBusy } from './peer.errors';

/** Consumer group and inbox name of the orders subgraph. */
const ORDERS_CONSUMER = 'orders';

const CONSUMED = [PAYMENT_EVENTS.succeeded, PAYMENT_EVENTS.failed, PAYMENT_EVENTS.refunded, INVENTORY_EVENTS.expired, ORDER_EVENTS.statusChanged];

/** Thrown to have the bus deliver the event again later. */
class NotYet extends Error {}

/**
 * The asynchronous half of the saga. Payment and stock events move orders
 * through the state machine; the orders' own `order.status_changed` events
 * carry out what each change sets off elsewhere (stock committed when PAID,
 * released on PAYMENT_FAILED, released or returned on hand and the payment
 * cancelled or refunded on CANCELLED, returned on REFUNDED before shipping). Since those events come from the outbox written with the
 * change, the follow-up happens even if the process dies right after the
 * change: the bus redelivers until a handler succeeds.
 *
 * Every handler is idempotent: calls to inventory and payments are
 * idempotent by order id, and a state change commits together with the
 * event's inbox marker (handleOnce), behind a compare-and-set on the order's
 * version. A handler that finds the order changed under it, or still being
 * placed, throws, and the bus delivers the event again.
 */
export class OrderEvents {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly transitions: OrderTransitions,
    private readonly inventory: InventoryClient,
    private readonly payments: PaymentsClient,
  ) {}

  start(): Promise<EventConsumer> {
    return this.deps.events.consume({ group: ORDERS_CONSUMER, types: CONSUMED }, (event) => this.handle(event));
  }

  async handle(event: DomainEvent): Promise<void> {
    const orderId = event.payload.orderId;
    if (typeof orderId !== 'string' || !orderId) {
      // Retrying cannot fix a malformed payload; keep it visible in the logs instead.
      this.deps.log.warn('dropped an event without an order id', { eventId: event.id, type: event.type });
      return;
    }
    switch (event.type) {
      case PAYMENT_EVENTS.succeeded:
        return this.paymentSucceeded(event, orderId);
      case PAYMENT_EVENTS.failed:
        return this.onAwaitingPayment(event, orderId, {
          to: OrderStatus.PAYMENT_FAILED,
          actor: SYSTEM_ACTOR,
          reason: (event.payload as PaymentEventPayload).reason ?? 'the payment failed',
        });
      case PAYMENT_EVENTS.refunded:
        return this.paymentRefunded(event, orderId);
      case INVENTORY_EVENTS.expired:
        return this.onAwaitingPayment(event, orderId, { to: OrderStatus.CANCELLED, actor: SYSTEM_ACTOR, reason: 'the stock reservation expired before payment' });
      case ORDER_EVENTS.statusChanged:
        return this.followUp(event, event.payload as OrderStatusChangedPayload);
    }
  }

  /** PAID; for an order that can no longer take the money (cancelled, failed), the payment goes back. */
  private async paymentSucceeded(event: DomainEvent, orderId: string): Promise<void> {
    const order = await this.current(orderId);
    if (order?.status === OrderStatus.AWAITING_PAYMENT) return this.once(event, (em) => this.transitions.stage(em, order, { to: OrderStatus.PAID, actor: SYSTEM_ACTOR, reason: null }));
    if (order?.status === OrderStatus.CANCELLED || order?.status === OrderStatus.PAYMENT_FAILED) {
      await this.payments.refund(orderId, null, `the order was ${order.status.toLowerCase()} before the payment arrived`);
    } else if (!order) {
      this.deps.log.warn('payment succeeded for an unknown order', { orderId, eventId: event.id });
    }
    return this.once(event);
  }

  /** `change` for an order awaiting payment; nothing for one that moved on (a late or repeated event). */
  private async onAwaitingPayment(event: DomainEvent, orderId: string, change: StatusChange): Promise<void> {
    const order = await this.current(orderId);
    if (order?.status === OrderStatus.AWAITING_PAYMENT) return this.once(event, (em) => this.transitions.stage(em, order, change));
    return this.once(event);
  }

  /** Records refunds as they add up; the whole total refunded makes the order REFUNDED (if it is not cancelled). */
  private async paymentRefunded(event: DomainEvent, orderId: string): Promise<void> {
    const payload = event.payload as PaymentEventPayload;
    const order = await this.current(orderId);
    if (!order) return this.once(event);
    const refunded = Math.min(payload.refundedAmount ?? payload.amount, order.totalAmount);
    if (refunded >= order.totalAmount && canTransition(order.status, OrderStatus.REFUNDED)) {
      const change = { to: OrderStatus.REFUNDED, actor: order.refundRequestedBy ?? SYSTEM_ACTOR, reason: payload.reason ?? 'the payment was refunded', refundedAmount: refunded };
      return this.once(event, (em) => this.transitions.stage(em, order, change));
    }
    if (refunded > order.refundedAmount) return this.once(event, (em) => this.transitions.stageRefunded(em, order, refunded));
    return this.once(event);
  }

  /** What a status change sets off in inventory and payments. */
  private async followUp(event: DomainEvent, change: OrderStatusChangedPayload): Promise<void> {
    switch (change.to) {
      case 'PAID':
        return this.commitStock(event, change.orderId);
      case 'PAYMENT_FAILED':
        await this.releaseStock(change.orderId, 'the payment failed');
        return this.once(event);
      case 'CANCELLED': {
        const reason = change.reason ?? 'the order was cancelled';
        await this.payments.cancelOrRefund(change.orderId, reason);
        await this.releaseStock(change.orderId, reason);
        return this.once(event);
      }
      case 'REFUNDED':
        // Refunded in full before it shipped: it never will, so its units go back. After shipping, goods come back (or not) through the agents.
        if (change.from === 'PAID') await this.releaseStock(change.orderId, change.reason ?? 'the order was refunded before it shipped');
        return this.once(event);
      default:
        return;
    }
  }

  /**
   * The reserved units become a sale. When the reservation is gone (it
   * expired or was released before the payment arrived), the units may be
   * someone else's by now and a reservation cannot be taken again for the
   * same order: the order is cancelled, which refunds the payment.
   */
  private async commitStock(event: DomainEvent, orderId: string): Promise<void> {
    try {
      await retryWhileBusy(() => this.inventory.commit(orderId));
      return this.once(event);
    } catch (error) {
      if (!isRefusal(error, 'CONFLICT', 'NOT_FOUND')) throw error;
    }
    const order = await this.current(orderId);
    if (order?.status === OrderStatus.PAID) {
      const reason = 'the stock was no longer reserved when the payment arrived; the payment is refunded';
      return this.once(event, (em) => this.transitions.stage(em, order, { to: OrderStatus.CANCELLED, actor: SYSTEM_ACTOR, reason }));
    }
    this.deps.log.error('the stock of a paid order could not be committed', { orderId, status: order?.status ?? null });
    return this.once(event);
  }

  /** The order will not ship: units still held return to available, units already sold (paid) go back on hand. */
  private async releaseStock(orderId: string, reason: string): Promise<void> {
    try {
      await retryWhileBusy(() => this.inventory.release(orderId, reason));
      return;
    } catch (error) {
      if (!isRefusal(error, 'CONFLICT')) throw error;
    }
    await retryWhileBusy(() => this.inventory.returnSold(orderId, reason));
  }

  /**
   * Marks the event handled, together with the change `stage` adds (if any)
   * in one unit of work; announces the change once committed. A lost
   * compare-and-set throws, so the event comes again and is decided afresh.
   */
  private async once(event: DomainEvent, stage?: (em: EntityManager) => Promise<OrderEntity | null>): Promise<void> {
    const changed: { order: OrderEntity | null } = { order: null };
    await handleOnce(this.deps.db, ORDERS_CONSUMER, event, async (em) => {
      if (!stage) return;
      changed.order = await stage(em);
      if (!changed.order) throw new NotYet(`order ${String(event.payload.orderId)} changed while ${event.type} was handled`);
    });
    if (changed.order) await this.transitions.announce(changed.order);
  }

  /** The order as stored now; a PENDING one is still being placed, so the event waits (it comes again). */
  private async current(orderId: string): Promise<OrderEntity | null> {
    const order = await this.deps.db.read((em) => em.findOne(OrderEntity, { id: orderId }));
    if (order?.status === OrderStatus.PENDING) throw new NotYet(`order ${orderId} is still being placed`);
    return order;
  }
}
