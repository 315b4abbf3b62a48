import { consumeEvents, type EventOf } from '../../contracts/events';
import { ORDER_EVENTS } from '../../contracts/orders-api';
import type { EventConsumer } from '../../platform/messaging/event-bus';
import { handleOnce } from '../../platform/messaging/inbox';
import type { SubgraphDeps } from '../../platform/subgraph';
import { VerifiedPurchaseEntity } from './purchase.entity';

/** Consumer group and inbox name of the reviews subgraph. */
const REVIEWS_CONSUMER = 'reviews';

/**
 * Verified purchases from orders' events: an order reaching DELIVERED lets
 * its customer review each product in it. Idempotent: the purchases and the
 * event's inbox marker commit together (handleOnce), and a product already
 * verified for the customer stays as it was.
 */
export class PurchaseConsumer {
  constructor(private readonly deps: SubgraphDeps) {}

  start(): Promise<EventConsumer> {
    return consumeEvents(this.deps.events, { group: REVIEWS_CONSUMER }, { [ORDER_EVENTS.statusChanged]: (event) => this.statusChanged(event) });
  }

  private async statusChanged(event: EventOf<typeof ORDER_EVENTS.statusChanged>): Promise<void> {
    const { to, orderId, customerId, lines } = event.payload;
    if (to !== 'DELIVERED') return;
    const productIds = [...new Set(lines.map((line) => line.productId))];
    await handleOnce(this.deps.db, REVIEWS_CONSUMER, event, async (em) => {
      const known = new Set((await em.find(VerifiedPurchaseEntity, { customerId, productId: { $in: productIds } })).map((p) => p.productId));
      const deliveredAt = new Date(event.occurredAt);
      for (const productId of productIds) {
        if (!known.has(productId)) em.persist(Object.assign(new VerifiedPurchaseEntity(), { customerId, productId, orderId, deliveredAt }));
      }
    });
  }
}
