import { Admission } from '../../platform/admission';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../platform/context';
import { badInput, isExpectedCode, reasonOf } from '../../platform/errors';
import { checkIdempotencyKey } from '../../platform/checks';
import { every, type Periodic } from '../../platform/periodic';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { CartService } from './cart.service';
import { OrderEntity, OrderStatus } from './order.entity';
import type { PlaceOrderInput } from './order.inputs';
import { checkExpectedTotal, customerIdOf, normalizeLines } from './order.rules';
import { Placement, type PlacementSaga } from './placement.saga';
import { checkAddress, checkMethodId } from './shipping.rules';

const SWEEP_BATCH = 100;

/** The refusal reason from the catalogue, else the error's code: both bounded sets, fit for a metric label. */
function refusalLabel(error: unknown): string {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return reasonOf(error) ?? (isExpectedCode(code) ? String(code) : 'INTERNAL_SERVER_ERROR');
}

/**
 * Checkout: placing an order from lines or from the cart, by the placement
 * saga (placement.saga.ts), and the sweep that abandons placements a crash
 * cut short.
 */
export class CheckoutService {
  /** Placements wait in a bounded queue; past it, or too late for their deadline, they are refused with TRY_AGAIN before anything is written. */
  private readonly admission: Admission;

  /**
   * Placements under way in this process, by customer and idempotency key.
   * The stock is reserved before the order (and so the key) is stored, so
   * concurrent calls with one key would each reserve for a draft of their
   * own; a call waits for the one before it instead and then resumes the
   * order it stored. Across processes the key's unique index still decides
   * (placement.saga.ts, the store step), the losers giving their holds back.
   */
  private readonly placing = new Map<string, Promise<unknown>>();

  constructor(
    private readonly deps: SubgraphDeps,
    private readonly saga: PlacementSaga,
    private readonly cart: CartService,
  ) {
    this.admission = new Admission('place the order', { concurrency: deps.config.orders.placementConcurrency, queue: deps.config.orders.placementQueue });
  }

  placeOrder(ctx: RequestContext, input: PlaceOrderInput): Promise<OrderEntity> {
    const placement = new Placement(customerIdOf(ctx), normalizeLines(input.lines), checkIdempotencyKey(input.idempotencyKey), 'lines');
    placement.expectedTotal = checkExpectedTotal(input.expectedTotal);
    if (input.shipping) placement.shipping = { address: checkAddress(input.shipping.address, 'shipping.address'), methodId: checkMethodId(input.shipping.methodId, 'shipping.methodId'), field: 'shipping' };
    return this.place(placement);
  }

  /** Orders what the cart holds; the ordered lines leave the cart with the placement. */
  async placeOrderFromCart(ctx: RequestContext, idempotencyKey: string | null, expectedTotal: number | null = null): Promise<OrderEntity> {
    const customerId = customerIdOf(ctx);
    const key = checkIdempotencyKey(idempotencyKey);
    const cart = await this.cart.lines(ctx);
    if (cart.length === 0) {
      // Repeated after it succeeded: the cart it emptied answers with the order it placed.
      const earlier = key ? await this.saga.findByKey(customerId, key) : null;
      if (earlier) return this.saga.complete(Placement.of(earlier, 'cart'));
      throw badInput('The cart is empty', 'cart');
    }
    // A cart line names its variant (cart.entity.ts).
    const lines = cart.map((line) => ({ productId: null, variantId: line.productId, quantity: line.quantity }));
    const placement = new Placement(customerId, normalizeLines(lines, 'cart'), key, 'cart');
    placement.expectedTotal = checkExpectedTotal(expectedTotal);
    const shipping = await this.cart.shippingOf(ctx);
    if (shipping?.address) {
      if (!shipping.methodId) throw badInput('Choose a shipping method for the cart first (chooseShippingMethod)', 'cart.shippingMethod');
      placement.shipping = { address: shipping.address, methodId: shipping.methodId, field: 'cart.shipping' };
    }
    return this.place(placement);
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
      const placement = Placement.of(Object.assign(order, { version }), 'lines');
      if (claimed === 1 && (await this.saga.abandon(placement, 'the placement did not complete in time'))) undone += 1;
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

  /** The same key again answers the order it placed (completed first if it is still PENDING), never a second one. */
  private async place(placement: Placement): Promise<OrderEntity> {
    if (!placement.key) return this.admit(placement);
    const slot = `${placement.customerId}\u0000${placement.key}`;
    const before = this.placing.get(slot);
    const mine = (async () => {
      // Only its end matters: this call then finds the order it stored, or places anew.
      await before?.catch(() => undefined);
      return this.admit(placement);
    })();
    this.placing.set(slot, mine);
    try {
      return await mine;
    } finally {
      if (this.placing.get(slot) === mine) this.placing.delete(slot);
    }
  }

  private async admit(placement: Placement): Promise<OrderEntity> {
    try {
      return await this.admission.run(async () => {
        const earlier = placement.key ? await this.saga.findByKey(placement.customerId, placement.key) : null;
        if (earlier) placement.resume(earlier);
        return this.saga.complete(placement);
      });
    } catch (error) {
      // Placed orders are counted when they reach AWAITING_PAYMENT (order.transitions.ts); refusals here (a full queue included), by why.
      this.deps.metrics.checkouts.inc({ outcome: 'refused', reason: refusalLabel(error) });
      throw error;
    }
  }
}
