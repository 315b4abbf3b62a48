import { consumeEvents } from '../../contracts/events';
import { PRICING_EVENTS } from '../../contracts/pricing-api';
import type { EventConsumer } from '../../platform/messaging/event-bus';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { PriceBookCopy } from './price-book.copy';

/** Consumer group of the price book copy: apart from the order saga's, so neither waits on the other. */
const PRICE_BOOK_CONSUMER = 'orders-price-book';

/**
 * Keeps the copy of pricing's rules current: fills it at start-up (in the
 * background: placements are priced by pricing until it is filled) and
 * tells it of every change pricing announces. Announcing is idempotent and
 * order-blind (the copy ignores versions older than it has), so the inbox
 * is not needed.
 */
export class PriceBookFeed {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly copy: PriceBookCopy,
  ) {}

  async start(): Promise<EventConsumer> {
    const consumer = await consumeEvents(this.deps.events, { group: PRICE_BOOK_CONSUMER }, {
      [PRICING_EVENTS.rulesChanged]: async (event) => this.copy.announce(event.payload.version),
    });
    void this.copy.refresh();
    return consumer;
  }
}
