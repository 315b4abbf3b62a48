import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import type { Shortage } from '../../contracts/inventory-api';
import { ORDER_EVENTS } from '../../contracts/orders-api';
import { basketOf, priceBasket, priceChanged, type Totals } from '../../contracts/pricing-rules';
import { pastDeadline } from '../../platform/deadline';
import { badInput, conflict, errorMessage, tryAgain } from '../../platform/errors';
import { withoutDeadline } from '../../platform/request-scope';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { CartService } from './cart.service';
import { sellableVariant } from './catalog.client';
import type { CatalogVariants } from './catalog.copy';
import type { InventoryClient } from './inventory.client';
import { OrderEntity, OrderLineEntity, OrderStatus, StatusChangeEntity, stockIdOf } from './order.entity';
import { checkSameLines, linesOf, MAX_ORDER_TOTAL, placementKeyOf, reservationLinesOf, type RequestedLine } from './order.rules';
import { SYSTEM_ACTOR, type OrderTransitions } from './order.transitions';
import type { PaymentsClient } from './payments.client';
import { isRefusal } from './peer.calls';
import { OrderShippingEntity, type ShippingAddressEntity } from './shipping.entity';
import type { PriceBookCopy } from './price-book.copy';
import type { PricingClient } from './pricing.client';
import type { ShippingClient } from './shipping.client';
import type { SoldOutMemo } from './sold-out.memo';
import { noShippingToAddress, parcelWeight, shippingMethodUnavailable } from './shipping.rules';

/**
 * Placing an order, a saga across catalog, inventory and pricing
 * (docs/architecture.md, "The checkout saga"): the steps below, each beside
 * its undo. order.consumer.ts is the asynchronous half.
 *
 * | step          | does                                          | undo                          |
 * | quote         | the lines at the catalog's prices, shipping;  | —  (holds nothing)            |
 * |               | without a code, priced here from the copy of  |                               |
 * |               | pricing's rules; drafted in memory, with id   |                               |
 * | price         | otherwise priced by pricing (discounts, tax,  | gives the codes' uses back    |
 * |               | code uses reserved)                           |                               |
 * | reserve       | reserves the stock by the draft's id, all     | releases it                   |
 * |               | lines or none                                 |                               |
 * | store         | stores the order PENDING                      | (abandoning removes it)       |
 * | pay           | nothing now: payments makes the payment when  | cancels it, or refunds it     |
 * |               | the customer pays (payment.service.ts)        |                               |
 * | await payment | moves the order to AWAITING_PAYMENT           | —                             |
 *
 * Synchronous calls: inventory's reservation (not for a variant it last
 * found sold out, sold-out.memo.ts); catalog only for variants not in
 * orders' copy of it (catalog.copy.ts); pricing only
 * for an order that may carry codes (placed from the cart, whose codes
 * pricing keeps) or while the copy of its rules is not known current
 * (price-book.copy.ts: cold, behind a change, too old). The reservation
 * comes before anything is written in orders: a sold-out refusal writes
 * nothing here (inventory takes nothing), and for an order priced from the
 * copy asks pricing nothing either. The order id is made with the draft, so
 * the reservation and the code uses are keyed by it before the order exists.
 *
 * Every step and every undo is idempotent by order id, so a repeated call
 * with the same idempotency key completes an earlier call's PENDING order
 * instead of starting another, and undoing twice is as undoing once. Bad
 * input, a code refused and PRICE_CHANGED are refused before anything is
 * held. A step that fails after holding something has everything undone
 * and the order, if stored, removed.
 *
 * A placement that dies midway (a crash) is undone by whichever of two
 * clocks applies. Once the order is stored, the placement sweep
 * (checkout.service.ts) finds it PENDING and abandons it as above. Before
 * it is stored, nothing in orders names it: the reservation expires after
 * its TTL (`reservation.expired`), and pricing gives the codes' uses back on
 * that event (pricing/usage.consumer.ts). Nobody was told the order was
 * placed, so nobody is left waiting on it; the units come back at the TTL.
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
    /** Null until the store step stored it; PENDING until the last step moved it on. */
    public order: OrderEntity | null = null,
  ) {}

  /** The order quoted but not yet stored: its id keys the reservation and the code uses before it is written. */
  draft: OrderEntity | null = null;

  /** The breakdown, when orders priced it from its copy of pricing's rules; null: pricing prices it (or did). */
  totals: Totals | null = null;

  /** A placement stored earlier (a repeated key, the sweep), resumed or abandoned from its order. */
  static of(order: OrderEntity, source: Source): Placement {
    return new Placement(order.customerId, linesOf(order), null, source, order);
  }

  /** The order, once stored. */
  get stored(): OrderEntity {
    if (!this.order) throw new Error('the placement has no order before it is stored');
    return this.order;
  }

  /** The order stored, or else the one drafted: what the reservation and pricing are keyed by. */
  get subject(): OrderEntity {
    const order = this.order ?? this.draft;
    if (!order) throw new Error('the placement has no order before it is quoted');
    return order;
  }

  /** Takes up the order an earlier call with the same key stored: the same lines, or a CONFLICT. */
  resume(earlier: OrderEntity): void {
    checkSameLines(earlier, this.lines);
    this.order = earlier;
  }
}

/** The actions of the placement steps, in the order the steps take them. */
export interface PlacementActions {
  quote(placement: Placement): Promise<void>;
  price(placement: Placement): Promise<void>;
  unprice(placement: Placement): Promise<void>;
  reserve(placement: Placement): Promise<void>;
  release(placement: Placement, reason: string): Promise<void>;
  store(placement: Placement): Promise<void>;
  cancelOrRefund(placement: Placement, reason: string): Promise<void>;
  awaitPayment(placement: Placement): Promise<void>;
}

/** The placement saga: its steps in order, each beside its undo. */
export function placementSteps(act: PlacementActions): readonly SagaStep<Placement>[] {
  return [
    { name: 'quote', run: (p) => act.quote(p) },
    // Its undo has no `failure`: a price step that fails holds nothing (pricing refuses before it reserves a use), and nothing before it does.
    { name: 'price', run: (p) => act.price(p), undo: (p) => act.unprice(p) },
    { name: 'reserve', run: (p) => act.reserve(p), undo: (p, reason) => act.release(p, reason), failure: 'the stock could not be reserved' },
    { name: 'store', run: (p) => act.store(p) },
    // No run: the payment is made when the customer pays, not at placement (payments' PaymentService.paymentFor).
    // Its undo stays for placements made before that, whose PENDING order the sweep may still abandon with a payment.
    { name: 'pay', undo: (p, reason) => act.cancelOrRefund(p, reason) },
    { name: 'await payment', run: (p) => act.awaitPayment(p) },
  ];
}

/** The placement saga's steps at work against catalog, inventory, payments and the orders database. */
export class PlacementSaga {
  private readonly steps = placementSteps({
    quote: (p) => this.quote(p),
    price: (p) => this.price(p),
    unprice: (p) => this.unprice(p),
    reserve: (p) => this.reserve(p),
    release: (p, reason) => this.release(p, reason),
    store: (p) => this.store(p),
    cancelOrRefund: (p, reason) => this.cancelOrRefund(p, reason),
    awaitPayment: (p) => this.awaitPayment(p),
  });

  constructor(
    private readonly deps: SubgraphDeps,
    private readonly catalog: CatalogVariants,
    private readonly inventory: InventoryClient,
    private readonly payments: PaymentsClient,
    private readonly transitions: OrderTransitions,
    private readonly cart: CartService,
    private readonly shipping: ShippingClient,
    private readonly pricing: PricingClient,
    private readonly prices: PriceBookCopy,
    private readonly soldOut: SoldOutMemo,
  ) {}

  /** Runs the steps the placement still needs; the order as placed (AWAITING_PAYMENT, or later when placed earlier). */
  async complete(placement: Placement): Promise<OrderEntity> {
    await completeSteps(this.steps, placement, {
      done: (p) => p.order !== null && p.order.status !== OrderStatus.PENDING,
      failed: (step, p, error) => this.failed(step, p, error),
    });
    return placement.stored;
  }

  /**
   * Undoes everything the placement may have done, then removes its order
   * (if stored). Returns false when a step cannot be undone now, leaving a
   * stored order PENDING for the sweep (a draft's holds to their expiry).
   */
  async abandon(placement: Placement, reason: string): Promise<boolean> {
    // Undone even when the request's caller has stopped waiting: that is often why it is undone.
    const failures = await withoutDeadline(() => undoSteps(this.steps, placement, reason));
    if (failures.length > 0) {
      this.deps.log.warn('could not undo an order placement yet; the placement sweep or the reservation expiry will', { orderId: placement.subject.id, failures });
      return false;
    }
    if (placement.order) await this.forget(placement);
    return true;
  }

  /** The order stored for this customer and idempotency key, if any. */
  findByKey(customerId: string, key: string): Promise<OrderEntity | null> {
    return this.deps.db.read((em) => em.findOne(OrderEntity, { customerId, placementKey: placementKeyOf(key) }));
  }

  /**
   * A step failed. One with an undo may have held something: everything is
   * undone. One without holds nothing of its own (quote writes nothing,
   * pricing refuses before it holds, a store that failed stored nothing and
   * undoes itself), and an order the last step could not move is the
   * sweep's. Short stock held nothing either.
   */
  private async failed(step: SagaStep<Placement>, placement: Placement, error: unknown): Promise<void> {
    if (step.undo && step.failure && !refusedHoldingNothing.has(error as object)) await this.abandon(placement, step.failure);
  }

  /**
   * Prices the lines from the catalog (never from the client) into a draft
   * order, and without a code from the copy of pricing's rules with the one
   * pricing function: nothing is written, nothing is called but catalog (and
   * shipping for a shipping line).
   */
  private async quote(placement: Placement): Promise<void> {
    // Resumed by its key, or quoted by an earlier run: the order stands as first quoted.
    if (placement.order || placement.draft) return;
    const { order, categoryIds } = await this.priced(placement);
    // From the cart it may carry codes, which pricing alone knows: pricing prices it.
    const book = placement.source === 'lines' ? this.prices.current() : null;
    if (book) {
      const totals = priceBasket(
        basketOf(
          book,
          {
            currency: order.currency,
            customerGroup: book.customerGroups.get(order.customerId) ?? null,
            lines: order.lines.map((line) => ({ productId: line.productId, variantId: stockIdOf(line), categoryIds: categoryIds.get(stockIdOf(line)) ?? [], quantity: line.quantity, unitPrice: line.unitPriceAmount })),
            shipping: order.shipping?.amount ?? null,
            country: order.shipping?.address.country ?? null,
            region: order.shipping?.address.region ?? null,
          },
          [],
          this.deps.clock.now(),
        ),
      );
      if (placement.expectedTotal !== null && placement.expectedTotal !== totals.total) throw priceChanged(totals);
      order.totalAmount = checkTotal(totals.total, placement.source);
      placement.totals = totals;
    }
    placement.draft = order;
  }

  /** Discounts, tax and code uses from pricing, unless quoted from the copy: refusals (a code no longer valid, PRICE_CHANGED, pricing down) hold nothing there. */
  private async price(placement: Placement): Promise<void> {
    // Priced when it was first stored, or from the copy.
    if (placement.order || placement.totals) return;
    const order = placement.subject;
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
    order.totalAmount = checkTotal(total, placement.source);
  }

  /** Gives back the code uses reserved for the order: harmless for an order pricing never saw; none for one priced from the copy. */
  private async unprice(placement: Placement): Promise<void> {
    if (!placement.totals) await this.pricing.release(placement.subject.id);
  }

  /** All lines or none, keyed by the order's id. Too little stock is refused before anything is written in orders or held. */
  private async reserve(placement: Placement): Promise<void> {
    const order = placement.subject;
    const lines = order.lines.map((line) => ({ stockId: stockIdOf(line), productId: line.productId, quantity: line.quantity }));
    // Known sold out (inventory said so, and no stock moved since): refused as inventory would, asking no one. Not for
    // an order already stored: it was reserved before (a resumed placement), and inventory answers its reservation.
    const known = placement.order ? null : this.soldOut.shortages(lines);
    if (known) {
      await this.unprice(placement);
      throw heldNothing(insufficientStock(known, placement.source));
    }
    try {
      const reservation = await this.soldOut.asking(lines, () => this.inventory.reserve(order.id, reservationLinesOf(order)), shortagesOf);
      if (reservation.status !== 'ACTIVE') throw abandoned(order.id);
    } catch (error) {
      const shortages = shortagesOf(error);
      if (!shortages) throw error;
      // Inventory took nothing; the code uses pricing reserved go back (none when priced from the copy).
      await this.unprice(placement);
      throw heldNothing(insufficientStock(shortages, placement.source));
    }
  }

  /** Stores the priced draft PENDING (with the breakdown for pricing, when priced from the copy): from here the sweep can find it. */
  private async store(placement: Placement): Promise<void> {
    const order = placement.draft;
    if (placement.order || !order) return;
    const { totals } = placement;
    try {
      await this.deps.db.write(async (em) => {
        em.persist(order);
        if (totals) this.deps.outbox.add(em, ORDER_EVENTS.priced, { orderId: order.id, customerId: order.customerId, totals });
      });
      placement.order = order;
    } catch (error) {
      // A concurrent call with the same key stored its order first: that one is this call's order too, and this draft's holds go back.
      const earlier = placement.key && error instanceof UniqueConstraintViolationException ? await this.findByKey(placement.customerId, placement.key) : null;
      // Not stored: what the draft holds goes back now rather than at the reservation's expiry.
      await this.abandon(placement, earlier ? 'the same order was placed by a concurrent call' : 'the order could not be stored');
      if (!earlier) throw error;
      placement.resume(earlier);
    }
  }

  /** Releasing stock never reserved records the release, so a reservation arriving late is refused. */
  private async release(placement: Placement, reason: string): Promise<void> {
    await this.inventory.release(placement.subject.id, reason);
  }

  private async cancelOrRefund(placement: Placement, reason: string): Promise<void> {
    // A draft has no payment: payments makes it when the customer pays, after the order is stored.
    if (placement.order) await this.payments.cancelOrRefund(placement.order.id, reason);
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
   * A new PENDING order, not yet stored, for the placement's lines at the catalog's current prices;
   * beside it, each variant's product's categories (category rules and tax classes apply by them).
   */
  private async priced(placement: Placement): Promise<{ order: OrderEntity; categoryIds: Map<string, readonly string[]> }> {
    const { customerId, lines, key, source } = placement;
    const variants = await this.catalog.variants(lines.map((line) => line.variantId ?? line.productId ?? ''));
    const chosen = lines.map((line) => sellableVariant(variants, { productId: line.productId, variantId: line.variantId ?? null }, source));
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
    return { order, categoryIds: new Map(chosen.map((c) => [c.variant.id, c.categoryIds])) };
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

/** Refusals that held nothing: a step failing with one has nothing to undo. */
const refusedHoldingNothing = new WeakSet<object>();

function heldNothing(error: GraphQLError): GraphQLError {
  refusedHoldingNothing.add(error);
  return error;
}

function insufficientStock(shortages: readonly Shortage[], field: string): GraphQLError {
  const list = shortages.map((s) => `${s.productId} (requested ${s.requested}, available ${s.available})`).join(', ');
  return conflict(`Not enough stock: ${list}`, { reason: 'INSUFFICIENT_STOCK', field, shortages });
}

const abandoned = (orderId: string): GraphQLError =>
  conflict('Placing the order took too long and it was abandoned; place it again', { reason: 'PLACEMENT_ABANDONED', orderId });
