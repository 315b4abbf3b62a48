import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../platform/context';
import { badInput, conflict } from '../../platform/errors';
import { checkIdempotencyKey } from '../../platform/checks';
import type { Shortage } from '../../contracts/inventory-api';
import { every, type Periodic } from '../../platform/periodic';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { CartService } from './cart.service';
import { onSale, type CatalogClient } from './catalog.client';
import type { InventoryClient } from './inventory.client';
import { OrderEntity, OrderLineEntity, OrderStatus, StatusChangeEntity } from './order.entity';
import type { PlaceOrderInput } from './order.inputs';
import {
  customerIdOf,
  hasLines,
  MAX_ORDER_TOTAL,
  normalizeLines,
  placementKeyOf,
  type RequestedLine,
} from './order.rules';
import { SYSTEM_ACTOR, type OrderTransitions } from './order.transitions';
import type { PaymentsClient } from './payments.client';
import { isRefusal, retryWhileBusy } from './peer.errors';

const SWEEP_BATCH = 100;

/** Where an order's lines come from; also the input field its refusals name. */
type Source = 'lines' | 'cart';

/**
 * Placing an order: the synchronous half of the saga (DESIGN.md; README
 * "Orders and checkout"; order.events.ts is the asynchronous half).
 *
 * 1. Validate the lines; price them from the catalog (never from the client).
 * 2. Store the order PENDING: the saga's durable record (PENDING orders are
 *    never shown), unique per (customer, idempotency key).
 * 3. Reserve stock in inventory (all lines or none), keyed by the order id.
 * 4. Create the payment in payments, keyed by the order id.
 * 5. Move the order to AWAITING_PAYMENT (with `order.placed`).
 *
 * Steps 3 and 4 are idempotent by order id, so a repeated call with the same
 * idempotency key finishes an earlier call's PENDING order instead of starting
 * another. Bad input and short stock are refused before anything is held, and
 * the PENDING order is removed: nothing is left behind. A later step that
 * fails undoes the earlier ones (stock released, payment cancelled) and
 * removes the order too. A placement that dies midway (a crash) is found by
 * the placement sweep once ORDER_PLACEMENT_TIMEOUT_SECONDS have passed and
 * undone the same way.
 */
export class CheckoutService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly catalog: CatalogClient,
    private readonly inventory: InventoryClient,
    private readonly payments: PaymentsClient,
    private readonly transitions: OrderTransitions,
    private readonly cart: CartService,
  ) {}

  placeOrder(ctx: RequestContext, input: PlaceOrderInput): Promise<OrderEntity> {
    const customerId = customerIdOf(ctx);
    const lines = normalizeLines(input.lines);
    return this.place(customerId, lines, checkIdempotencyKey(input.idempotencyKey), 'lines');
  }

  /** Orders what the cart holds; the ordered lines leave the cart with the placement. */
  async placeOrderFromCart(ctx: RequestContext, idempotencyKey: string | null): Promise<OrderEntity> {
    const customerId = customerIdOf(ctx);
    const key = checkIdempotencyKey(idempotencyKey);
    const cart = await this.cart.lines(customerId);
    if (cart.length === 0) {
      // Repeated after it succeeded: the cart it emptied answers with the order it placed.
      const earlier = key ? await this.findByKey(customerId, key) : null;
      if (earlier) return this.resume(earlier, null, 'cart');
      throw badInput('The cart is empty', 'cart');
    }
    return this.place(customerId, normalizeLines(cart, 'cart'), key, 'cart');
  }

  /**
   * Undoes placements still PENDING ORDER_PLACEMENT_TIMEOUT_SECONDS after
   * they began (the process placing them died). Returns how many it undid;
   * one it cannot undo yet (a subgraph down) is tried again next time.
   */
  async sweepStalePlacements(now: Date = this.deps.clock.now()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.deps.config.orders.placementTimeoutSeconds * 1000);
    const stale = await this.deps.db.read((em) =>
      em.find(OrderEntity, { status: OrderStatus.PENDING, createdAt: { $lte: cutoff } }, { orderBy: { createdAt: 'asc' }, limit: SWEEP_BATCH }),
    );
    let undone = 0;
    for (const order of stale) {
      // Claimed by a version bump first, so a placement still running cannot complete it while it is undone.
      const version = order.version + 1;
      const claimed = await this.deps.db.write((em) =>
        em.nativeUpdate(OrderEntity, { id: order.id, status: OrderStatus.PENDING, version: order.version }, { version, updatedAt: now }),
      );
      if (claimed === 1 && (await this.abandon(Object.assign(order, { version }), 'the placement did not complete in time'))) undone += 1;
    }
    return undone;
  }

  /** The background sweep: every ORDER_PLACEMENT_SWEEP_INTERVAL_MS, never two at once in a process. */
  startSweeping(): Periodic {
    return every(this.deps.config.orders.placementSweepIntervalMs, 'placement sweep', this.deps.log, async () => {
      const count = await this.sweepStalePlacements();
      if (count > 0) this.deps.log.info('undid placements that did not complete', { count });
    });
  }

  private async place(customerId: string, lines: RequestedLine[], key: string | null, source: Source): Promise<OrderEntity> {
    if (key) {
      const earlier = await this.findByKey(customerId, key);
      if (earlier) return this.resume(earlier, lines, source);
    }
    const order = await this.priced(customerId, lines, key, source);
    try {
      await this.deps.db.write(async (em) => {
        em.persist(order);
      });
    } catch (error) {
      // A concurrent call with the same key stored its order first: that one is this call's order too.
      const earlier = key && error instanceof UniqueConstraintViolationException ? await this.findByKey(customerId, key) : null;
      if (!earlier) throw error;
      return this.resume(earlier, lines, source);
    }
    return this.complete(order, source);
  }

  /** The same key again: the order it placed (finished first if it is still PENDING), but never for other lines. */
  private resume(earlier: OrderEntity, lines: RequestedLine[] | null, source: Source): Promise<OrderEntity> {
    if (lines && !hasLines(earlier, lines)) {
      throw conflict('This idempotencyKey was already used for an order with other lines', {
        reason: 'IDEMPOTENCY_KEY_REUSED',
        field: 'idempotencyKey',
        orderId: earlier.id,
      });
    }
    return earlier.status === OrderStatus.PENDING ? this.complete(earlier, source) : Promise.resolve(earlier);
  }

  /** A new PENDING order for `lines` at the catalog's current prices. */
  private async priced(customerId: string, lines: readonly RequestedLine[], key: string | null, source: Source): Promise<OrderEntity> {
    const products = await this.catalog.products(lines.map((line) => line.productId));
    const priced = lines.map((line) => {
      const product = onSale(products.get(line.productId), line.productId, source);
      return Object.assign(new OrderLineEntity(), {
        productId: line.productId,
        quantity: line.quantity,
        unitPriceAmount: product.price.amount,
        currency: product.price.currency,
      });
    });
    const currencies = [...new Set(priced.map((line) => line.currency))];
    if (currencies.length > 1) throw badInput(`An order is paid in one currency; these products are priced in ${currencies.join(', ')}`, source);
    const total = priced.reduce((sum, line) => sum + line.unitPriceAmount * line.quantity, 0);
    if (total < 1) throw badInput('An order must cost something to be paid for; these products are free', source);
    if (total > MAX_ORDER_TOTAL) throw badInput(`The order total would exceed ${MAX_ORDER_TOTAL} minor units, the most one payment takes; split it into several orders`, source);
    const now = this.deps.clock.now();
    const order = Object.assign(new OrderEntity(), {
      customerId,
      lines: priced,
      totalAmount: total,
      currency: currencies[0],
      statusHistory: [StatusChangeEntity.of(null, OrderStatus.PENDING, now, customerId, null)],
      createdAt: now,
      updatedAt: now,
    });
    if (key) order.placementKey = placementKeyOf(key);
    return order;
  }

  /** Steps 3 to 5 for a PENDING order; each is idempotent, so running them twice (a retry) does each once. */
  private async complete(order: OrderEntity, source: Source): Promise<OrderEntity> {
    const lines = order.lines.map((line) => ({ productId: line.productId, quantity: line.quantity }));
    try {
      const reservation = await retryWhileBusy(() => this.inventory.reserve(order.id, lines));
      if (reservation.status !== 'ACTIVE') throw abandoned(order.id);
    } catch (error) {
      const shortages = shortagesOf(error);
      if (!shortages) {
        await this.abandon(order, 'the stock could not be reserved');
        throw error;
      }
      // Inventory took nothing, and no payment exists before stock is held: only the order is left to remove.
      await this.discard(order);
      throw insufficientStock(shortages, source);
    }
    try {
      await this.payments.create({
        orderId: order.id,
        customerId: order.customerId,
        amount: order.totalAmount,
        currency: order.currency,
        lines: order.lines.map((line) => ({ productId: line.productId, quantity: line.quantity, unitPrice: line.unitPriceAmount })),
      });
    } catch (error) {
      await this.abandon(order, 'the payment could not be created');
      throw error;
    }
    const placed = await this.transitions.apply(
      order,
      { to: OrderStatus.AWAITING_PAYMENT, actor: SYSTEM_ACTOR, reason: null },
      source === 'cart' ? (em) => this.cart.removeOrdered(em, order) : undefined,
    );
    if (placed) return placed;
    // Lost the compare-and-set: a concurrent call with the same key placed it, or the sweep is undoing it.
    const current = await this.deps.db.read((em) => em.findOne(OrderEntity, { id: order.id }));
    if (current && current.status !== OrderStatus.PENDING) return current;
    throw abandoned(order.id);
  }

  /**
   * Undoes what a placement may have done (each step idempotent: releasing
   * stock never reserved records the release, so a late reservation is
   * refused), then removes the order. Returns false, leaving the order PENDING
   * for the sweep, when a step cannot be undone now.
   */
  private async abandon(order: OrderEntity, reason: string): Promise<boolean> {
    const undone = await Promise.allSettled([
      this.payments.cancelOrRefund(order.id, reason),
      retryWhileBusy(() => this.inventory.release(order.id, reason)),
    ]);
    const failures = undone.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
    if (failures.length > 0) {
      this.deps.log.warn('could not undo an order placement yet; the placement sweep will retry', { orderId: order.id, failures });
      return false;
    }
    await this.discard(order);
    return true;
  }

  /** Removes a PENDING order, unless someone else moved it on since it was read. */
  private async discard(order: OrderEntity): Promise<void> {
    await this.deps.db.write((em) => em.nativeDelete(OrderEntity, { id: order.id, status: OrderStatus.PENDING, version: order.version }));
  }

  private findByKey(customerId: string, key: string): Promise<OrderEntity | null> {
    return this.deps.db.read((em) => em.findOne(OrderEntity, { customerId, placementKey: placementKeyOf(key) }));
  }
}

/** Inventory's shortages when the refusal was for too little stock, null for any other failure. */
function shortagesOf(error: unknown): Shortage[] | null {
  if (!isRefusal(error, 'CONFLICT') || !(error instanceof GraphQLError)) return null;
  const shortages = error.extensions.shortages;
  return Array.isArray(shortages) ? (shortages as Shortage[]) : null;
}

function insufficientStock(shortages: readonly Shortage[], field: string): GraphQLError {
  const list = shortages.map((s) => `${s.productId} (requested ${s.requested}, available ${s.available})`).join(', ');
  return conflict(`Not enough stock: ${list}`, { reason: 'INSUFFICIENT_STOCK', field, shortages });
}

const abandoned = (orderId: string): GraphQLError =>
  conflict('Placing the order took too long and it was abandoned; place it again', { reason: 'PLACEMENT_ABANDONED', orderId });
