import { consumeEvents, type EventOf } from '../../contracts/events';
import { INVENTORY_EVENTS } from '../../contracts/inventory-api';
import { ORDER_EVENTS } from '../../contracts/orders-api';
import type { EventConsumer } from '../../platform/messaging/event-bus';
import { handleOnce } from '../../platform/messaging/inbox';
import type { SubgraphDeps } from '../../platform/subgraph';
import { OrderPricingEntity } from './order-pricing.entity';
import { promotionLedger, retryRaces } from './promotion.ledger';

/** Consumer group and inbox name of the pricing subgraph. */
const PRICING_CONSUMER = 'pricing';

/**
 * Code uses follow their order: committed when it is paid, given back when
 * it is cancelled (by its customer, staff, or the reservation's expiry; a
 * declined payment leaves the order payable, and the use reserved), or
 * when its reservation expires: a placement that died after pricing and
 * before orders stored the order (orders/placement.saga.ts) leaves no order
 * to cancel, only the reservation, whose expiry gives the uses back. An
 * order orders priced from its copy of the rules leaves its breakdown here
 * (`order.priced`), as Order.totals answers it. Idempotent: the change and the event's inbox marker
 * commit together (handleOnce), and a use moves from RESERVED only once.
 */
export class UsageConsumer {
  constructor(private readonly deps: SubgraphDeps) {}

  start(): Promise<EventConsumer> {
    return consumeEvents(
      this.deps.events,
      { group: PRICING_CONSUMER },
      {
        [ORDER_EVENTS.statusChanged]: (event) => this.statusChanged(event),
        [INVENTORY_EVENTS.expired]: (event) => this.release(event, event.payload.orderId),
        [ORDER_EVENTS.priced]: (event) => this.priced(event),
      },
    );
  }

  private async statusChanged(event: EventOf<typeof ORDER_EVENTS.statusChanged>): Promise<void> {
    const { to, orderId } = event.payload;
    const now = this.deps.clock.now();
    if (to === 'PAID') await handleOnce(this.deps.db, PRICING_CONSUMER, event, (em) => promotionLedger.commit(em, orderId, now));
    // Not on PAYMENT_FAILED: the order may still be paid (its reservation's expiry cancels it).
    if (to === 'CANCELLED') await this.release(event, orderId);
  }

  /** The breakdown of an order orders priced itself (no code, so no use to reserve): kept as placed, as priceOrder keeps its own. */
  private async priced(event: EventOf<typeof ORDER_EVENTS.priced>): Promise<void> {
    const { orderId, customerId, totals } = event.payload;
    await handleOnce(this.deps.db, PRICING_CONSUMER, event, async (em) => {
      if (!(await em.findOne(OrderPricingEntity, { orderId }))) em.persist(Object.assign(new OrderPricingEntity(), { orderId, customerId, totals, pricedAt: new Date(event.occurredAt) }));
    });
  }

  /** Gives the order's reserved uses back; a use already committed (a paid order) stays. */
  private async release(event: EventOf<typeof ORDER_EVENTS.statusChanged | typeof INVENTORY_EVENTS.expired>, orderId: string): Promise<void> {
    const now = this.deps.clock.now();
    await retryRaces(() => handleOnce(this.deps.db, PRICING_CONSUMER, event, async (em) => void (await promotionLedger.release(em, orderId, now))));
  }
}
