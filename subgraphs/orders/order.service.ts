import { hasRole, isStaff, type Caller } from '../../platform/caller';
import { byKeys, type RequestContext } from '../../platform/context';
import { badInput, conflict, forbidden, notFound, reasonOf, unauthenticated } from '../../platform/errors';
import { checkId, checkIdempotencyKey, optionalReason } from '../../platform/checks';
import { assertStepUp } from '../../platform/mfa';
import type { InternalPayment } from '../../contracts/payments-api';
import { MAX_PAYMENT_TERMS_PER_CALL } from '../../contracts/orders-api';
import { paginate, type Page, type PageArgs, type SortSpec } from '../../platform/pagination';
import { containsText, embeddedArrayHas } from '../../platform/orm';
import type { FilterQuery } from '@mikro-orm/core';
import type { SubgraphDeps } from '../../platform/subgraph';
import { OrderEntity, OrderStatus } from './order.entity';
import { canTransition, refusal, type OrderTransitions, type StatusChange } from './order.transitions';
import { OrderSort, type OrderFilter } from './order.inputs';
import { checkOrderFilter, MAX_SEARCH_CUSTOMERS } from './order.rules';
import type { UsersClient } from './users.client';
import type { PaymentsClient } from './payments.client';
import { isRefusal } from './peer.calls';
import { OrderPaymentTerms } from './payment-terms.view';

const ORDER_SORTS: Readonly<Record<OrderSort, SortSpec<OrderEntity>>> = {
  // Ids are time-ordered (platform/ids.ts), so the id alone orders by placement.
  [OrderSort.NEWEST]: { field: 'id', direction: 'desc' },
  [OrderSort.OLDEST]: { field: 'id', direction: 'asc' },
  [OrderSort.TOTAL_DESC]: { field: 'totalAmount', direction: 'desc' },
  [OrderSort.TOTAL_ASC]: { field: 'totalAmount', direction: 'asc' },
};

/** Re-reads when the order changed between reading and writing (a payment event, another agent). */
const ACT_ATTEMPTS = 5;

/**
 * Orders as customers and staff see and move them. A PENDING order is still
 * being placed and is not shown to anyone. Status changes go through the
 * state machine (order.transitions.ts); what they set off elsewhere (stock
 * released or committed, payments cancelled or refunded) is declared beside
 * its table and follows from their `order.status_changed` events
 * (order.consumer.ts).
 */
export class OrderService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly transitions: OrderTransitions,
    private readonly payments: PaymentsClient,
    private readonly users: UsersClient,
  ) {}

  /**
   * Every customer's orders, for AGENT and ADMIN, filtered and sorted (ties
   * by id, so paging is stable). A search asks users once for the customers
   * it names.
   */
  async list(ctx: RequestContext, page: PageArgs, filter: OrderFilter | null, sort: OrderSort): Promise<Page<OrderEntity>> {
    staffOf(ctx);
    const checked = checkOrderFilter(filter ?? {});
    const conditions: FilterQuery<OrderEntity>[] = [{ status: { $ne: OrderStatus.PENDING } }];
    if (checked.status) conditions.push({ status: { $in: checked.status } });
    if (checked.customer) conditions.push({ customerId: checked.customer });
    if (checked.from) conditions.push({ createdAt: { $gte: checked.from } });
    if (checked.to) conditions.push({ createdAt: { $lt: checked.to } });
    if (checked.search) {
      // One more than allowed, to tell "exactly the limit" from "too many".
      const customers = await this.users.idsMatching(checked.search, MAX_SEARCH_CUSTOMERS + 1);
      if (customers.length > MAX_SEARCH_CUSTOMERS) {
        throw badInput(`search "${checked.search}" names more than ${MAX_SEARCH_CUSTOMERS} customers: narrow it (or filter by customer)`, 'filter.search');
      }
      conditions.push({ $or: [{ id: containsText(ctx.em, checked.search) }, { customerId: { $in: [...customers] } }] } as FilterQuery<OrderEntity>);
    }
    const { productId } = checked;
    // Built per query: the product condition is a raw fragment on SQL, which MikroORM uses once.
    const where = (): FilterQuery<OrderEntity> => ({
      $and: productId ? [...conditions, embeddedArrayHas(ctx.em, OrderEntity, 'lines', 'productId', productId)] : conditions,
    });
    return paginate(ctx.em, OrderEntity, where, page, ORDER_SORTS[sort]);
  }

  /**
   * Owner, AGENT or ADMIN. Anyone else gets null, so order ids cannot be
   * probed for existence.
   */
  async get(ctx: RequestContext, id: string): Promise<OrderEntity | null> {
    const caller = callerOf(ctx);
    const order = await this.load(ctx, id);
    return order && isVisible(caller, order) ? order : null;
  }

  /**
   * Internal (payments): the terms of the orders' payments, made when each
   * customer first pays (contracts/orders-api.ts). One query for all of them.
   */
  async paymentTerms(ctx: RequestContext, orderIds: readonly string[]): Promise<Array<OrderPaymentTerms | null>> {
    if (orderIds.length > MAX_PAYMENT_TERMS_PER_CALL) throw badInput(`At most ${MAX_PAYMENT_TERMS_PER_CALL} orders at once`, 'orderIds');
    orderIds.forEach((id, i) => checkId(id, `orderIds.${i}`));
    const orders = await Promise.all(orderIds.map((id) => this.load(ctx, id)));
    return orders.map((order) => (order ? OrderPaymentTerms.of(order) : null));
  }

  load(ctx: RequestContext, id: string): Promise<OrderEntity | null> {
    return ctx.loaders
      .get<string, OrderEntity | null>('orderById', async (ids) => {
        const rows = await ctx.em.find(OrderEntity, { id: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.id).map((row) => row ?? null);
      })
      .load(id);
  }

  /** A customer's orders, newest first: the customer themself or staff. */
  forCustomer(ctx: RequestContext, customerId: string, page: PageArgs): Promise<Page<OrderEntity>> {
    const caller = callerOf(ctx);
    if (caller.userId !== customerId && !isStaff(caller)) throw forbidden('You may only list your own orders');
    return paginate(ctx.em, OrderEntity, { customerId, status: { $ne: OrderStatus.PENDING } }, page, { field: 'id', direction: 'desc' });
  }

  /**
   * Owner (until shipped), AGENT or ADMIN. An unpaid order's payment is
   * cancelled first, so a cancelled order cannot be paid any more; the stock
   * is released and a paid amount refunded after the change.
   */
  cancel(ctx: RequestContext, id: string, reason: string | null): Promise<OrderEntity> {
    const caller = callerOf(ctx);
    const why = optionalReason(reason) ?? (isStaff(caller) ? 'cancelled by staff' : 'cancelled by the customer');
    return this.act(caller, id, { to: OrderStatus.CANCELLED, actor: caller.userId, reason: why, caller }, async (order) => {
      if (order.status !== OrderStatus.AWAITING_PAYMENT) return;
      try {
        await this.payments.cancel(order.id, why);
      } catch (error) {
        // Already paid (the cancellation then refunds it) or never created: the order can be cancelled either way.
        if (!isRefusal(error, 'CONFLICT', 'NOT_FOUND')) throw error;
      }
    });
  }

  /** AGENT or ADMIN; only a PAID order ships. */
  ship(ctx: RequestContext, id: string): Promise<OrderEntity> {
    const caller = staffOf(ctx);
    return this.act(caller, id, { to: OrderStatus.SHIPPED, actor: caller.userId, reason: null, caller });
  }

  /** AGENT or ADMIN; only a SHIPPED order is delivered. */
  deliver(ctx: RequestContext, id: string): Promise<OrderEntity> {
    const caller = staffOf(ctx);
    return this.act(caller, id, { to: OrderStatus.DELIVERED, actor: caller.userId, reason: null, caller });
  }

  /**
   * AGENT or ADMIN, for a PAID, SHIPPED or DELIVERED order: returns `amount`
   * (minor units) to the customer, or all that is left when null. The order
   * becomes REFUNDED once the whole total is refunded; a partial refund adds
   * to `refunded` and keeps the status. Needs a step-up (a recent code):
   * a stolen staff session must not send money out.
   */
  async refund(ctx: RequestContext, id: string, amount: number | null, reason: string | null, idempotencyKey: string | null = null): Promise<OrderEntity> {
    const caller = staffOf(ctx);
    assertStepUp(caller, this.deps.clock.now(), this.deps.config.auth.mfa.stepUpSeconds);
    const why = optionalReason(reason) ?? 'refunded by staff';
    const key = checkIdempotencyKey(idempotencyKey);
    const order = await this.visible(caller, id);
    // A repeated key may follow its own refund to the end (REFUNDED, nothing left): payments answers it as recorded.
    const repeatable = key !== null && order.status === OrderStatus.REFUNDED;
    if (!repeatable && !canTransition(order.status, OrderStatus.REFUNDED)) throw refusal(order, OrderStatus.REFUNDED);
    const left = order.totalAmount - order.refundedAmount;
    const tooMuch = () => badInput(`amount must be a whole number of minor units from 1 to ${left} (what is left to refund)`, 'amount');
    if (amount !== null && (!Number.isInteger(amount) || amount < 1 || amount > (key ? order.totalAmount : left))) throw tooMuch();
    await this.deps.db.write((em) => em.nativeUpdate(OrderEntity, { id: order.id }, { refundRequestedBy: caller.userId }));
    let payment: InternalPayment;
    try {
      payment = await this.payments.refund(order.id, amount, why, key);
    } catch (error) {
      // With a key, only payments knows whether this is a repeat; a new request for more than is left is refused as without one.
      if (key && isRefusal(error, 'CONFLICT') && reasonOf(error) === 'REFUND_EXCEEDS_PAYMENT') throw tooMuch();
      throw error;
    }
    // The payment's cumulative total: a repeated request adds nothing.
    const refunded = Math.min(payment.refundedAmount.amount, order.totalAmount);
    // The payment.refunded event records the same refund; whichever comes second finds it recorded.
    for (let attempt = 1; attempt <= ACT_ATTEMPTS; attempt += 1) {
      const current = await this.visible(caller, id);
      if (refunded < current.totalAmount) {
        if (current.refundedAmount >= refunded) return current;
        const next = await this.transitions.applyRefunded(current, refunded);
        if (next) return next;
      } else {
        if (current.status === OrderStatus.REFUNDED) return current;
        const next = await this.transitions.apply(current, { to: OrderStatus.REFUNDED, actor: caller.userId, reason: why, caller, refundedAmount: refunded });
        if (next) return next;
      }
    }
    throw busy(id);
  }

  /**
   * Applies `change` to the order as it is now, after `before` (a step
   * elsewhere that must come first); again on a fresh read when the order
   * changed meanwhile, so a refusal always reflects the current status.
   */
  private async act(caller: Caller, id: string, change: StatusChange, before?: (order: OrderEntity) => Promise<void>): Promise<OrderEntity> {
    for (let attempt = 1; attempt <= ACT_ATTEMPTS; attempt += 1) {
      const order = await this.visible(caller, id);
      if (!canTransition(order.status, change.to)) throw refusal(order, change.to);
      await before?.(order);
      const next = await this.transitions.apply(order, change);
      if (next) return next;
    }
    throw busy(id);
  }

  /** The order as stored now, when the caller may see it; NOT_FOUND otherwise (as for an unknown id). */
  private async visible(caller: Caller, id: string): Promise<OrderEntity> {
    const order = await this.deps.db.read((em) => em.findOne(OrderEntity, { id }));
    if (!order || !isVisible(caller, order)) throw notFound('Order', id);
    return order;
  }
}

function isVisible(caller: Caller, order: OrderEntity): boolean {
  // SERVICE: a peer reading the order it works on (shipping buying its labels).
  return order.status !== OrderStatus.PENDING && (isStaff(caller) || hasRole(caller, 'SERVICE') || order.customerId === caller.userId);
}

function callerOf(ctx: RequestContext): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}

function staffOf(ctx: RequestContext): Caller {
  const caller = callerOf(ctx);
  if (!isStaff(caller)) throw forbidden('Requires role AGENT or ADMIN');
  return caller;
}

const busy = (id: string) => conflict(`Order ${id} is changing too often to apply this now; try again`, { retryable: true, orderId: id });
