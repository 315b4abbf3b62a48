import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import type { Shortage } from '../../contracts/inventory-api';
import { pastDeadline } from '../../platform/deadline';
import { badInput, conflict, errorMessage, tryAgain } from '../../platform/errors';
import { withoutDeadline } from '../../platform/request-scope';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { CartService } from './cart.service';
import { sellableVariant, type CatalogClient } from './catalog.client';
import type { InventoryClient } from './inventory.client';
import { OrderEntity, OrderLineEntity, OrderStatus, StatusChangeEntity, stockIdOf } from './order.entity';
import { checkSameLines, linesOf, MAX_ORDER_TOTAL, placementKeyOf, reservationLinesOf, type RequestedLine } from './order.rules';
import { SYSTEM_ACTOR, type OrderTransitions } from './order.transitions';
import type { PaymentsClient } from './payments.client';
import { isRefusal } from './peer.calls';
import { OrderShippingEntity, type ShippingAddressEntity } from './shipping.entity';
import type { PricingClient } from './pricing.client';
import type { ShippingClient } from './shipping.client';
import { noShippingToAddress, parcelWeight, shippingMethodUnavailable } from './shipping.rules';

/**
 * Placing an order, a saga across catalog, inventory and pricing
 * (docs/architecture.md, "The checkout saga"): the steps below, each beside
 * its undo. The order is stored PENDING as soon as it is priced: it is the
 * saga's durable record (PENDING orders are never shown), unique per
 * (customer, idempotency key). order.consumer.ts is the asynchronous half.
 *
 * | step          | does                                          | undo                          |
 * | price         | prices the lines (catalog, then pricing:      | gives the codes' uses back    |
 *                 | discounts, tax, codes reserved), stores it    |                               |
 * | reserve       | reserves the stock, all lines or none         | releases it                   |
 * | pay           | nothing now: payments makes the payment when  | cancels it, or refunds it     |
 *                 | the customer pays (payment.service.ts)        |                               |
 * | await payment | moves the order to AWAITING_PAYMENT           | —                             |
 *
 * Every step and every undo is idempotent by order id, so a repeated call
 * with the same idempotency key completes an earlier call's PENDING order
 * instead of starting another, and undoing twice is as undoing once. Bad input
 * and short stock are refused before anything is held, and the PENDING order
 * is removed: nothing is left behind. A step that fails after holding
 * something has everything undone and the order removed. A placement that dies
 * midway (a crash) is found by the placement sweep (checkout.service.ts) and
 * abandoned the same way.
 */

/** One step of a saga, beside what takes it back. */
export interface SagaStep<T> {
  readonly name: string;
  /**
   * Idempotent: run again (a retry, a resumed placement), it takes effect once.
   * Absent for a step whose effect is made later, outside the saga, but still
   * taken back when the placement is abandoned.
   */
  run?(subject: T): Promise<void>;
  /**
   * Takes back what `run` did, or may have done (a call that timed out may
   * still have landed): idempotent, and harmless where `run` never ran.
   * Absent where there is nothing to take back.
   */
  undo?(subject: T, reason: string): Promise<void>;
  /** With `undo`: the reason given for undoing everything when this step fails. */
  readonly failure?: string;
}

/** How a run of the steps ends early. */
export interface SagaRun<T> {
  /** True once the subject needs no more steps (another call completed it): the run stops there. */
  done(subject: T): boolean;
  /** Cleans up after `step` threw, before its error is passed on; what it throws is passed on instead. */
  failed(step: SagaStep<T>, subject: T, error: unknown): Promise<void>;
}

/** Runs the steps in order, until the subject is done or a step throws. */
export async function completeSteps<T>(steps: readonly SagaStep<T>[], subject: T, run: SagaRun<T>): Promise<void> {
  for (const step of steps) {
    if (run.done(subject)) return;
    try {
      await step.run?.(subject);
    } catch (error) {
      await run.failed(step, subject, error);
      throw error;
    }
  }
}

/**
 * Undoes every step that has an undo, last first. Which steps ran is not
 * known (an earlier call with the same key, or a process that died, may have
 * gone further than this one), but every undo is harmless for a step that
 * never ran, so all of them run. Each is tried even when another failed, so
 * one subgraph being down does not keep the others' holds. Returns what
 * could not be undone (empty: everything was).
 */
export async function undoSteps<T>(steps: readonly SagaStep<T>[], subject: T, reason: string): Promise<string[]> {
  const failures: string[] = [];
  for (const step of [...steps].reverse()) {
    try {
      await step.undo?.(subject, reason);
    } catch (error) {
      failures.push(`${step.name}: ${errorMessage(error)}`);
    }
  }
  return failures;
}

/** Where an order's lines come from; also the input field its refusals name. */
export type Source = 'lines' | 'cart';

/** Where and how a placement's order ships: checked address, the method asked for, and the input field its refusals name. */
export interface ShippingChoice {
  readonly address: ShippingAddressEntity;
  readonly methodId: string;
  readonly field: string;
}

/** One placement under way: what was asked, and the order that records it. */
export class Placement {
  /** How the order ships; null: placed without shipping (no shipping line). */
  shipping: ShippingChoice | null = null;

  /** The total the client showed; a different priced total is refused with PRICE_CHANGED. Null: not checked. */
  expectedTotal: number | null = null;

  constructor(
    readonly customerId: string,
    /** Validated and one per product or variant asked (order.rules.ts, normalizeLines). */
    readonly lines: readonly RequestedLine[],
    readonly key: string | null,
    readonly source: Source,
    /** Null until the price step stored it; PENDING until the last step moved it on. */
    public order: OrderEntity | null = null,
  ) {}

  /** A placement stored earlier (a repeated key, the sweep), resumed or abandoned from its order. */
  static of(order: OrderEntity, source: Source): Placement {
    return new Placement(order.customerId, linesOf(order), null, source, order);
  }

  /** The order, once stored. */
  get stored(): OrderEntity {
    if (!this.order) throw new Error('the placement has no order before it is priced');
    return this.order;
  }

  /** Takes up the order an earlier call with the same key stored: the same lines, or a CONFLICT. */
  resume(earlier: OrderEntity): void {
    checkSameLines(earlier, this.lines);
    this.order = earlier;
  }
}

/** The actions of the placement steps, in the order the steps take them. */
export interface PlacementActions {
  price(placement: Placement): Promise<void>;
  unprice(placement: Placement): Promise<void>;
  reserve(placement: Placement): Promise<void>;
  release(placement: Placement, reason: string): Promise<void>;
  cancelOrRefund(placement: Placement, reason: string): Promise<void>;
  awaitPayment(placement: Placement): Promise<void>;
}

/** The placement saga: its steps in order, each beside its undo. */
export function placementSteps(act: PlacementActions): readonly SagaStep<Placement>[] {
  return [
    // Its undo has no `failure`: a price step that fails holds nothing (it gives back what it reserved itself).
    { name: 'price', run: (p) => act.price(p), undo: (p) => act.unprice(p) },
    { name: 'reserve', run: (p) => act.reserve(p), undo: (p, reason) => act.release(p, reason), failure: 'the stock could not be reserved' },
    // No run: the payment is made when the customer pays, not at placement (payments' PaymentService.paymentFor).
    // Its undo stays for placements made before that, whose PENDING order the sweep may still abandon with a payment.
    { name: 'pay', undo: (p, reason) => act.cancelOrRefund(p, reason) },
    { name: 'await payment', run: (p) => act.awaitPayment(p) },
  ];
}

/** The placement saga's steps at work against catalog, inventory, payments and the orders database. */
export class PlacementSaga {
  private readonly steps = placementSteps({
    price: (p) => this.price(p),
    unprice: (p) => this.unprice(p),
    reserve: (p) => this.reserve(p),
    release: (p, reason) => this.release(p, reason),
    cancelOrRefund: (p, reason) => this.cancelOrRefund(p, reason),
    awaitPayment: (p) => this.awaitPayment(p),
  });

  constructor(
    private readonly deps: SubgraphDeps,
    private readonly catalog: CatalogClient,
    private readonly inventory: InventoryClient,
    private readonly payments: PaymentsClient,
    private readonly transitions: OrderTransitions,
    private readonly cart: CartService,
    private readonly shipping: ShippingClient,
    private readonly pricing: PricingClient,
  ) {}

  /** Runs the steps the placement still needs; the order as placed (AWAITING_PAYMENT, or later when placed earlier). */
  async complete(placement: Placement): Promise<OrderEntity> {
    await completeSteps(this.steps, placement, {
      done: (p) => p.order !== null && p.order.status !== OrderStatus.PENDING,
      failed: (step, p) => this.failed(step, p),
    });
    return placement.stored;
  }

  /**
   * Undoes everything the placement may have done, then removes its order.
   * Returns false, leaving the order PENDING for the sweep, when a step
   * cannot be undone now.
   */
  async abandon(placement: Placement, reason: string): Promise<boolean> {
    // Undone even when the request's caller has stopped waiting: that is often why it is undone.
    const failures = await withoutDeadline(() => undoSteps(this.steps, placement, reason));
    if (failures.length > 0) {
      this.deps.log.warn('could not undo an order placement yet; the placement sweep will retry', { orderId: placement.order?.id, failures });
      return false;
    }
    await this.forget(placement);
    return true;
  }

  /** The order stored for this customer and idempotency key, if any. */
  findByKey(customerId: string, key: string): Promise<OrderEntity | null> {
    return this.deps.db.read((em) => em.findOne(OrderEntity, { customerId, placementKey: placementKeyOf(key) }));
  }

  /**
   * A step failed. One with an undo may have held something: everything is
   * undone. One without holds nothing of its own: pricing stored nothing
   * yet, and an order the last step could not move is the sweep's.
   */
  private async failed(step: SagaStep<Placement>, placement: Placement): Promise<void> {
    if (step.undo && step.failure && placement.order) await this.abandon(placement, step.failure);
  }

  /** Prices the lines from the catalog (never from the client) and stores the order PENDING. */
  private async price(placement: Placement): Promise<void> {
    // Resumed by its key: priced when it was first stored.
    if (placement.order) return;
    const order = await this.priced(placement);
    // Pricing refuses (a code no longer valid, PRICE_CHANGED, pricing down) before it holds anything.
    const { total } = await this.pricing.priceOrder({
      orderId: order.id,
      customerId: order.customerId,
      currency: order.currency,
      lines: order.lines.map((line) => ({ productId: line.productId, variantId: stockIdOf(line), quantity: line.quantity, unitPrice: line.unitPriceAmount })),
      shipping: order.shipping?.amount ?? null,
      country: order.shipping?.address.country ?? null,
      region: order.shipping?.address.region ?? null,
      withCartCodes: placement.source === 'cart',
      expectedTotal: placement.expectedTotal,
    });
    try {
      order.totalAmount = checkTotal(total, placement.source);
      await this.deps.db.write(async (em) => {
        em.persist(order);
      });
      placement.order = order;
    } catch (error) {
      // Not stored: the code uses reserved for it go back.
      await this.pricing.release(order.id);
      // A concurrent call with the same key stored its order first: that one is this call's order too.
      const earlier = placement.key && error instanceof UniqueConstraintViolationException ? await this.findByKey(placement.customerId, placement.key) : null;
      if (!earlier) throw error;
      placement.resume(earlier);
    }
  }

  /** Gives back the code uses reserved for the order: harmless for an order pricing never saw. */
  private async unprice(placement: Placement): Promise<void> {
    if (placement.order) await this.pricing.release(placement.order.id);
  }

  /** All lines or none. Too little stock is refused before anything is held: the order goes, nothing is left to undo. */
  private async reserve(placement: Placement): Promise<void> {
    const order = placement.stored;
    try {
      const reservation = await this.inventory.reserve(order.id, reservationLinesOf(order));
      if (reservation.status !== 'ACTIVE') throw abandoned(order.id);
    } catch (error) {
      const shortages = shortagesOf(error);
      if (!shortages) throw error;
      // Inventory took nothing, and no payment exists before stock is held: the code uses and the order are left to remove.
      await this.unprice(placement);
      await this.forget(placement);
      throw insufficientStock(shortages, placement.source);
    }
  }

  /** Releasing stock never reserved records the release, so a reservation arriving late is refused. */
  private async release(placement: Placement, reason: string): Promise<void> {
    await this.inventory.release(placement.stored.id, reason);
  }

  private async cancelOrRefund(placement: Placement, reason: string): Promise<void> {
    await this.payments.cancelOrRefund(placement.stored.id, reason);
  }

  /**
   * PENDING → AWAITING_PAYMENT, with `order.placed`; an order placed from the cart leaves it in the same unit of work.
   * The point of no return: a placement whose caller has stopped waiting is undone here, at once, rather than
   * holding stock for a buyer who was told it failed until the reservation expires.
   */
  private async awaitPayment(placement: Placement): Promise<void> {
    const order = placement.stored;
    if (pastDeadline()) {
      await this.abandon(placement, 'the caller stopped waiting');
      throw tryAgain('Placing the order took longer than the request could wait, so it was undone; place it again with the same idempotency key');
    }
    const placed = await this.transitions.apply(
      order,
      { to: OrderStatus.AWAITING_PAYMENT, actor: SYSTEM_ACTOR, reason: null },
      placement.source === 'cart' ? (em) => this.cart.removeOrdered(em, order) : undefined,
    );
    if (placed) {
      placement.order = placed;
      return;
    }
    // Lost the compare-and-set: a concurrent call with the same key placed it, or the sweep is undoing it.
    const current = await this.deps.db.read((em) => em.findOne(OrderEntity, { id: order.id }));
    if (!current || current.status === OrderStatus.PENDING) throw abandoned(order.id);
    placement.order = current;
  }

  /**
   * A new PENDING order for the placement's lines at the catalog's current prices. Stock known to be short
   * is refused here, before the order is written (the reservation still decides: stock may go meanwhile).
   */
  private async priced(placement: Placement): Promise<OrderEntity> {
    const { customerId, lines, key, source } = placement;
    const variants = await this.catalog.variants(lines.map((line) => line.variantId ?? line.productId ?? ''));
    const chosen = lines.map((line) => sellableVariant(variants, { productId: line.productId, variantId: line.variantId ?? null }, source));
    const available = await this.inventory.available(chosen.map((c) => c.variant.id));
    const shortages = lines.flatMap((line, i) => {
      const left = available.get(chosen[i].variant.id) ?? 0;
      return left < line.quantity ? [{ productId: chosen[i].variant.id, requested: line.quantity, available: left }] : [];
    });
    const priced = lines.map((line, i) => {
      const { productId, variant } = chosen[i];
      return Object.assign(new OrderLineEntity(), {
        productId,
        variantId: variant.id,
        sku: variant.sku,
        optionValueList: variant.optionValues.map(({ option, value }) => ({ option, value })),
        quantity: line.quantity,
        unitPriceAmount: variant.price.amount,
        currency: variant.price.currency,
      });
    });
    checkDistinctVariants(priced, source);
    const weights = new Map(chosen.map((c) => [c.variant.id, c.weightGrams]));
    if (shortages.length > 0) throw insufficientStock(shortages, source);
    const currencies = [...new Set(priced.map((line) => line.currency))];
    if (currencies.length > 1) throw badInput(`An order is paid in one currency; these products are priced in ${currencies.join(', ')}`, source);
    const subtotal = priced.reduce((sum, line) => sum + line.unitPriceAmount * line.quantity, 0);
    const shipping = placement.shipping ? await this.shippingLine(placement.shipping, currencies[0], subtotal, priced, weights) : null;
    // The price before pricing's discounts and tax: checked again once priced (checkTotal).
    const total = checkTotal(subtotal + (shipping?.amount ?? 0), source);
    const now = this.deps.clock.now();
    const order = Object.assign(new OrderEntity(), {
      customerId,
      lines: priced,
      totalAmount: total,
      currency: currencies[0],
      shipping,
      statusHistory: [StatusChangeEntity.of(null, OrderStatus.PENDING, now, customerId, null)],
      createdAt: now,
      updatedAt: now,
    });
    if (key) order.placementKey = placementKeyOf(key);
    return order;
  }

  /**
   * The shipping line for the chosen method, priced by the shipping subgraph
   * for the address and the parcel; refused when no zone covers the address
   * or the method is not among the options.
   */
  private async shippingLine(
    choice: ShippingChoice,
    currency: string,
    subtotal: number,
    lines: readonly OrderLineEntity[],
    weights: ReadonlyMap<string, number | null>,
  ): Promise<OrderShippingEntity> {
    const weightGrams = parcelWeight(lines.map((line) => ({ quantity: line.quantity, weightGrams: weights.get(stockIdOf(line)) ?? null })));
    const { address } = choice;
    const options = await this.shipping.quote({ country: address.country, region: address.region, currency, subtotal, weightGrams });
    if (options.length === 0) throw noShippingToAddress(address.country, `${choice.field}.address`);
    const option = options.find((o) => o.methodId === choice.methodId);
    if (!option) throw shippingMethodUnavailable(choice.methodId, `${choice.field}.methodId`);
    return Object.assign(new OrderShippingEntity(), {
      methodId: option.methodId,
      methodName: option.name,
      amount: option.amount,
      currency: option.currency,
      minDays: option.minDays,
      maxDays: option.maxDays,
      address,
    });
  }

  /** Removes the PENDING order, unless someone else moved it on since it was read; the placement is over. */
  private async forget(placement: Placement): Promise<void> {
    const order = placement.stored;
    await this.deps.db.write((em) => em.nativeDelete(OrderEntity, { id: order.id, status: OrderStatus.PENDING, version: order.version }));
    placement.order = null;
  }
}

/** A total one payment can take: something, and at most MAX_ORDER_TOTAL. */
function checkTotal(total: number, source: Source): number {
  if (total < 1) throw badInput('An order must cost something to be paid for; these products are free', source);
  if (total > MAX_ORDER_TOTAL) throw badInput(`The order total would exceed ${MAX_ORDER_TOTAL} minor units, the most one payment takes; split it into several orders`, source);
  return total;
}

/** Inventory's shortages when the refusal was for too little stock, null for any other failure. */
function shortagesOf(error: unknown): Shortage[] | null {
  if (!isRefusal(error, 'CONFLICT') || !(error instanceof GraphQLError)) return null;
  const shortages = error.extensions.shortages;
  return Array.isArray(shortages) ? (shortages as Shortage[]) : null;
}

/** Two lines that came to name one variant (a product's id and its variant's): one line per variant, as stock is reserved. */
function checkDistinctVariants(lines: readonly OrderLineEntity[], field: string): void {
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(stockIdOf(line))) throw badInput(`Variant ${stockIdOf(line)} is named by two lines: name it once, with the quantities added up`, field);
    seen.add(stockIdOf(line));
  }
}

function insufficientStock(shortages: readonly Shortage[], field: string): GraphQLError {
  const list = shortages.map((s) => `${s.productId} (requested ${s.requested}, available ${s.available})`).join(', ');
  return conflict(`Not enough stock: ${list}`, { reason: 'INSUFFICIENT_STOCK', field, shortages });
}

const abandoned = (orderId: string): GraphQLError =>
  conflict('Placing the order took too long and it was abandoned; place it again', { reason: 'PLACEMENT_ABANDONED', orderId });
