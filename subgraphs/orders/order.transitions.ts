import type { EntityManager } from '@mikro-orm/core';
import type { GraphQLError } from 'graphql';
import { AUDIT_RECORDED, auditRecord } from '../../contracts/audit';
import type { Caller } from '../../platform/caller';
import { conflict, type RefusalReason } from '../../platform/errors';
import { ORDER_EVENTS, type OrderEventPayload, type OrderStatusChangedPayload, type OrderStatusName } from '../../contracts/orders-api';
import { channels } from '../../platform/messaging/pubsub';
import type { SubgraphDeps } from '../../platform/subgraph';
import { OrderEntity, OrderStatus, StatusChangeEntity, stockIdOf } from './order.entity';

/**
 * The order state machine: the only code that changes an order's status, and
 * the table below is every transition it allows.
 *
 * Each transition is a compare-and-set on the order's version, so of two
 * racing (a cancel and a payment, say) exactly one applies; it appends to the
 * status history and adds `order.status_changed` (plus `order.placed` on
 * reaching AWAITING_PAYMENT) and an audit record to the outbox in the same
 * unit of work; once committed, a change notice goes to the order's channel.
 * What each status sets off in other subgraphs is declared beside the table
 * (STATUS_EFFECTS); order.consumer.ts carries it out on the event.
 */
const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  [OrderStatus.PENDING]: [OrderStatus.AWAITING_PAYMENT],
  [OrderStatus.AWAITING_PAYMENT]: [OrderStatus.PAID, OrderStatus.PAYMENT_FAILED, OrderStatus.CANCELLED],
  [OrderStatus.PAID]: [OrderStatus.SHIPPED, OrderStatus.PARTIALLY_SHIPPED, OrderStatus.CANCELLED, OrderStatus.REFUNDED],
  // Shipments (the shipping subgraph): some units labelled, then all of them.
  [OrderStatus.PARTIALLY_SHIPPED]: [OrderStatus.SHIPPED, OrderStatus.REFUNDED],
  [OrderStatus.SHIPPED]: [OrderStatus.DELIVERED, OrderStatus.REFUNDED],
  [OrderStatus.DELIVERED]: [OrderStatus.REFUNDED],
  [OrderStatus.CANCELLED]: [],
  // Declined: still payable with another method (each new decline recorded) until cancelled or its reservation expires.
  [OrderStatus.PAYMENT_FAILED]: [OrderStatus.PAID, OrderStatus.PAYMENT_FAILED, OrderStatus.CANCELLED],
  [OrderStatus.REFUNDED]: [],
};

/** What reaching a status sets off in inventory and payments, each idempotent by order id. */
export type OrderEffect =
  /** The reserved units become a sale; when the reservation is gone, the order is cancelled instead (which refunds it). */
  | { readonly kind: 'commitStock' }
  /** Units still held return to available; units already sold go back on hand. */
  | { readonly kind: 'releaseStock'; readonly reason: string }
  /** The payment is cancelled, or refunded in full once money moved. */
  | { readonly kind: 'cancelOrRefundPayment'; readonly reason: string };

/** A status change as its effects depend on it: where the order came from, and the reason given. */
export interface ChangeOfStatus {
  readonly from: OrderStatusName | null;
  readonly reason: string | null;
}

/**
 * The effects of reaching a status, in the order they are carried out; a
 * status not listed sets off nothing. They follow the change through its
 * `order.status_changed` event, written with it, so they happen even when the
 * process dies right after the change.
 */
const STATUS_EFFECTS: Readonly<Partial<Record<OrderStatus, (change: ChangeOfStatus) => readonly OrderEffect[]>>> = {
  [OrderStatus.PAID]: () => [{ kind: 'commitStock' }],
  // The payment first, so the order cannot be paid any more once its stock is back on sale.
  [OrderStatus.CANCELLED]: ({ reason }) => {
    const why = reason ?? 'the order was cancelled';
    return [
      { kind: 'cancelOrRefundPayment', reason: why },
      { kind: 'releaseStock', reason: why },
    ];
  },
  // Refunded in full before it shipped: it never will, so its units go back. After shipping, goods come back (or not) through the agents.
  [OrderStatus.REFUNDED]: ({ from, reason }) =>
    from === OrderStatus.PAID ? [{ kind: 'releaseStock', reason: reason ?? 'the order was refunded before it shipped' }] : [],
};

/**
 * What an order reaching `to` sets off elsewhere: null for a status that
 * never sets off anything, possibly none for one whose effects depend on the
 * change (REFUNDED after shipping).
 */
export function effectsOf(to: OrderStatusName, change: ChangeOfStatus): readonly OrderEffect[] | null {
  return STATUS_EFFECTS[to]?.(change) ?? null;
}

/** Actor of the transitions the saga makes on its own (payment and stock events, expiry). */
export const SYSTEM_ACTOR = 'system';

export interface StatusChange {
  readonly to: OrderStatus;
  /** A user id, or SYSTEM_ACTOR. */
  readonly actor: string;
  readonly reason: string | null;
  /** The caller behind the change (audit); null for the saga itself. */
  readonly caller?: Caller | null;
  /** Sets the refunded total along with the status (a full refund). */
  readonly refundedAmount?: number;
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** The CONFLICT for a transition the state machine does not allow, with `extensions.reason` saying why. */
export function refusal(order: OrderEntity, to: OrderStatus): GraphQLError {
  const [reason, why] = explain(order.status, to);
  return conflict(`Order ${order.id} ${why}`, { reason, orderId: order.id, status: order.status });
}

/** The refusal of a move to the status the order is in already (those a caller can ask for again). */
const ALREADY: Readonly<Partial<Record<OrderStatus, RefusalReason>>> = {
  [OrderStatus.PAID]: 'ALREADY_PAID',
  [OrderStatus.SHIPPED]: 'ALREADY_SHIPPED',
  [OrderStatus.DELIVERED]: 'ALREADY_DELIVERED',
};

function explain(from: OrderStatus, to: OrderStatus): [reason: RefusalReason, why: string] {
  if (from === OrderStatus.CANCELLED) return ['ORDER_CANCELLED', 'is cancelled'];
  if (from === OrderStatus.REFUNDED) return ['ALREADY_REFUNDED', 'is already refunded'];
  if (from === OrderStatus.PAYMENT_FAILED) return ['PAYMENT_FAILED', 'was not paid: its payment failed'];
  if (from === OrderStatus.PENDING || from === OrderStatus.AWAITING_PAYMENT) return ['NOT_PAID', 'is not paid'];
  const already = from === to ? ALREADY[to] : undefined;
  if (already) return [already, `is already ${to.toLowerCase()}`];
  if (to === OrderStatus.CANCELLED) return ['ALREADY_SHIPPED', `is already ${from.toLowerCase()}; refund it instead`];
  if (to === OrderStatus.SHIPPED) return ['ALREADY_SHIPPED', `is already ${from.toLowerCase()}`];
  if (to === OrderStatus.DELIVERED) return ['NOT_SHIPPED', 'is not shipped'];
  return ['INVALID_TRANSITION', `cannot go from ${from} to ${to}`];
}

/** The checkout outcome a status marks, counted once its transition committed (metrics). */
const CHECKOUT_OUTCOMES: Partial<Record<OrderStatus, string>> = {
  [OrderStatus.AWAITING_PAYMENT]: 'placed',
  [OrderStatus.PAID]: 'paid',
  [OrderStatus.PAYMENT_FAILED]: 'failed',
};

export class OrderTransitions {
  /** Orders staged by a status change (not a refund amount), until announced after their commit. */
  private readonly moved = new WeakSet<OrderEntity>();

  constructor(private readonly deps: SubgraphDeps) {}

  /**
   * Moves `order` (as read, at its version) in its own unit of work, with
   * `also` joining it; null when the order changed since it was read.
   * Throws the refusal when the state machine does not allow the change.
   */
  async apply(order: OrderEntity, change: StatusChange, also?: (em: EntityManager) => Promise<void>): Promise<OrderEntity | null> {
    const moved = await this.deps.db.write(async (em) => {
      const next = await this.stage(em, order, change);
      if (next && also) await also(em);
      return next;
    });
    if (moved) await this.announce(moved);
    return moved;
  }

  /**
   * Adds the transition to the caller's unit of work (the compare-and-set
   * runs at once, so it comes first); null when the order changed since it
   * was read. Call `announce` once the unit of work committed.
   */
  async stage(em: EntityManager, order: OrderEntity, change: StatusChange): Promise<OrderEntity | null> {
    if (!canTransition(order.status, change.to)) throw refusal(order, change.to);
    const at = this.deps.clock.now();
    const next = this.copy(order, {
      status: change.to,
      statusHistory: [...order.statusHistory, StatusChangeEntity.of(order.status, change.to, at, change.actor, change.reason)],
      refundedAmount: change.refundedAmount ?? order.refundedAmount,
      version: order.version + 1,
      updatedAt: at,
    });
    if (!(await this.write(em, order, next))) return null;
    const payload: OrderStatusChangedPayload = {
      ...eventPayload(next),
      from: order.status,
      to: change.to,
      version: next.version,
      actor: change.actor,
      reason: change.reason,
    };
    this.deps.outbox.add(em, ORDER_EVENTS.statusChanged, payload);
    this.moved.add(next);
    if (change.to === OrderStatus.AWAITING_PAYMENT) this.deps.outbox.add(em, ORDER_EVENTS.placed, eventPayload(next));
    this.deps.outbox.add(
      em,
      AUDIT_RECORDED,
      auditRecord('orders', change.caller ?? null, at, {
        action: `order.${change.to.toLowerCase()}`,
        entityType: 'Order',
        entityId: order.id,
        reason: change.reason,
        before: { status: order.status },
        after: { status: change.to },
      }),
    );
    return next;
  }

  /** Records a partial refund (the status stays) in its own unit of work; null when the order changed since it was read. */
  async applyRefunded(order: OrderEntity, refundedAmount: number): Promise<OrderEntity | null> {
    const next = await this.deps.db.write((em) => this.stageRefunded(em, order, refundedAmount));
    if (next) await this.announce(next);
    return next;
  }

  /** Adds a partial refund (the status stays) to the caller's unit of work; null when the order changed since it was read. */
  async stageRefunded(em: EntityManager, order: OrderEntity, refundedAmount: number): Promise<OrderEntity | null> {
    const next = this.copy(order, { refundedAmount, version: order.version + 1, updatedAt: this.deps.clock.now() });
    return (await this.write(em, order, next)) ? next : null;
  }

  /** After the unit of work committed: the change notice for live subscriptions, and the relay nudged. */
  async announce(order: OrderEntity): Promise<void> {
    const outcome = this.moved.delete(order) ? CHECKOUT_OUTCOMES[order.status] : undefined;
    if (outcome) this.deps.metrics.checkouts.inc({ outcome, reason: '' });
    void this.deps.outbox.kick();
    const notice = { id: order.id, version: order.version };
    await Promise.all(
      [channels.order(order.id), channels.allOrders()].map((channel) =>
        this.deps.pubsub.publish(channel, notice).catch((error: unknown) => {
          // Best effort: a subscriber that misses a notice gets the state with the next one.
          this.deps.log.warn('order change notice not published', { orderId: order.id, version: order.version, channel, error: String(error) });
        }),
      ),
    );
  }

  private async write(em: EntityManager, before: OrderEntity, after: OrderEntity): Promise<boolean> {
    const written = await em.nativeUpdate(
      OrderEntity,
      { id: before.id, version: before.version },
      {
        status: after.status,
        statusHistory: after.statusHistory,
        refundedAmount: after.refundedAmount,
        version: after.version,
        updatedAt: after.updatedAt,
      },
    );
    return written === 1;
  }

  /** A detached copy: never the ORM-managed instance, which belongs to another unit of work. */
  private copy(order: OrderEntity, changes: Partial<OrderEntity>): OrderEntity {
    return Object.assign(new OrderEntity(), {
      id: order.id,
      customerId: order.customerId,
      placementKey: order.placementKey,
      status: order.status,
      lines: order.lines,
      totalAmount: order.totalAmount,
      currency: order.currency,
      shipping: order.shipping,
      refundedAmount: order.refundedAmount,
      refundRequestedBy: order.refundRequestedBy,
      statusHistory: order.statusHistory,
      version: order.version,
      createdAt: order.createdAt,
      updatedAt: order.updatedAt,
      ...changes,
    });
  }
}

/** What order events say about an order (contracts/orders-api.ts). */
function eventPayload(order: OrderEntity): OrderEventPayload {
  return {
    orderId: order.id,
    customerId: order.customerId,
    status: order.status,
    total: order.totalAmount,
    currency: order.currency,
    lines: order.lines.map((line) => ({ productId: line.productId, variantId: stockIdOf(line), quantity: line.quantity, unitPrice: line.unitPriceAmount })),
  };
}
