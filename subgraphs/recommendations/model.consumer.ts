import { consumeEvents, type EventOf } from '../../contracts/events';
import { ORDER_EVENTS } from '../../contracts/orders-api';
import { RECOMMENDATION_EVENTS } from '../../contracts/recommendations-api';
import type { EventConsumer } from '../../platform/messaging/event-bus';
import { handleOnce } from '../../platform/messaging/inbox';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { CatalogClient } from './catalog.client';
import type { ModelLedger } from './model.ledger';

/** Consumer group and inbox name of the recommendations subgraph. */
const RECOMMENDATIONS_CONSUMER = 'recommendations';

/**
 * The model kept up to date from events: an order reaching PAID is a
 * purchase (its products' categories read from catalog first, outside the
 * unit of work), a `product.viewed` event a view. Each is applied with the
 * event's inbox marker in one unit of work (handleOnce), so a redelivery
 * changes nothing; catalog unreachable, the event comes again later.
 */
export class ModelConsumer {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly model: ModelLedger,
    private readonly catalog: CatalogClient,
  ) {}

  start(): Promise<EventConsumer> {
    return consumeEvents(this.deps.events, { group: RECOMMENDATIONS_CONSUMER }, {
      [ORDER_EVENTS.statusChanged]: (event) => this.statusChanged(event),
      [RECOMMENDATION_EVENTS.productViewed]: (event) => this.viewed(event),
    });
  }

  private async statusChanged(event: EventOf<typeof ORDER_EVENTS.statusChanged>): Promise<void> {
    const { to, orderId, customerId, lines } = event.payload;
    if (to !== 'PAID') return;
    const products = await this.catalog.products([...new Set(lines.map((line) => line.productId))]);
    const categories = new Map([...products.values()].map((p) => [p.id, p.categories.map((c) => c.id)]));
    await handleOnce(this.deps.db, RECOMMENDATIONS_CONSUMER, event, (em) =>
      this.model.applyPurchase(em, { orderId, customerId, lines, at: new Date(event.occurredAt) }, categories),
    );
  }

  private async viewed(event: EventOf<typeof RECOMMENDATION_EVENTS.productViewed>): Promise<void> {
    const { viewerId, productId } = event.payload;
    await handleOnce(this.deps.db, RECOMMENDATIONS_CONSUMER, event, (em) => this.model.applyView(em, { viewerId, productId, at: new Date(event.occurredAt) }));
  }
}
