import { consumeEvents, type EventOf } from '../../contracts/events';
import { ORDER_EVENTS } from '../../contracts/orders-api';
import type { EventConsumer } from '../../platform/messaging/event-bus';
import { handleOnce } from '../../platform/messaging/inbox';
import type { SubgraphDeps } from '../../platform/subgraph';
import { promotionLedger, retryRaces } from './promotion.ledger';

/** Consumer group and inbox name of the pricing subgraph. */
const PRICING_CONSUMER = 'pricing';

/**
 * Code uses follow their order: committed when it is paid, given back when
 * it is cancelled (by its customer, staff, or the reservation's expiry; a
 * declined payment leaves the order payable, and the use reserved). Idempotent: the change and the event's inbox marker
 * commit together (handleOnce), and a use moves from RESERVED only once.
 */
export class UsageConsumer {
  constructor(private readonly deps: SubgraphDeps) {}

  start(): Promise<EventConsumer> {
    return consumeEvents(this.deps.events, { group: PRICING_CONSUMER }, { [ORDER_EVENTS.statusChanged]: (event) => this.statusChanged(event) });
  }

  private async statusChanged(event: EventOf<typeof ORDER_EVENTS.statusChanged>): Promise<void> {
    const { to, orderId } = event.payload;
    const now = this.deps.clock.now();
    if (to === 'PAID') await handleOnce(this.deps.db, PRICING_CONSUMER, event, (em) => promotionLedger.commit(em, orderId, now));
    // Not on PAYMENT_FAILED: the order may still be paid (its reservation's expiry cancels it).
    if (to === 'CANCELLED') {
      await retryRaces(() => handleOnce(this.deps.db, PRICING_CONSUMER, event, async (em) => void (await promotionLedger.release(em, orderId, now))));
    }
  }
}
