import type { PriceBook } from '../../contracts/pricing-api';
import { errorMessage } from '../../platform/errors';
import type { Logger } from '../../platform/log';

/** After a failed read of the book, the next is tried no sooner than this. */
const RETRY_AFTER_MS = 1_000;

/**
 * Orders' copy of pricing's rules (the price book), kept current by
 * `pricing.rules_changed` and read again from pricing (`priceBook`) when it
 * is told of a newer version, when it grows old, and at start-up.
 *
 * It knows what it has seen: the book's version, and the newest version a
 * change was announced at. It answers only a book known current (at least
 * the newest version announced, read within `maxAgeMs`); otherwise null, and
 * the caller prices by pricing, so a cold, stale or missing copy costs a
 * call, never a wrong price. Announcements and books older than what it has
 * are ignored, whatever order they arrive in.
 *
 * Staleness: a change reaches the copy within the event lag (the outbox
 * relay, then this process's consumer); a change whose event went to another
 * orders process (consumer groups deliver an event once per group) within
 * `maxAgeMs`. Within that window an order may be priced by the rules just
 * replaced; the client's expectedTotal still refuses a total it did not see
 * (PRICE_CHANGED), and the order keeps the breakdown it was placed at.
 */
export class PriceBookCopy {
  private book: PriceBook | null = null;
  /** When the book was read (ms, the injected clock). */
  private readAt = 0;
  /** The newest version announced; '' before any. */
  private announced = '';
  private reading: Promise<void> | null = null;
  private retryAt = 0;

  constructor(
    private readonly read: () => Promise<PriceBook>,
    private readonly maxAgeMs: number,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The book, when known current; null otherwise (cold, behind an announced
   * change, or older than maxAgeMs), and a read is started. Past half its
   * age it is read again in the background, so a busy copy never expires.
   */
  current(): PriceBook | null {
    const age = this.now() - this.readAt;
    const known = this.book !== null && this.book.version >= this.announced && age <= this.maxAgeMs;
    if (!known || age > this.maxAgeMs / 2) void this.refresh();
    return known ? this.book : null;
  }

  /** A change pricing announced: a version newer than the copy's makes it stale until read again. */
  announce(version: string): void {
    if (version <= this.announced) return;
    this.announced = version;
    if (this.book && this.book.version < version) void this.refresh();
  }

  /** Reads the book (one read at a time; after a failure, not again for RETRY_AFTER_MS). Keeps it unless older than the one held. */
  refresh(): Promise<void> {
    if (this.reading) return this.reading;
    if (this.now() < this.retryAt) return Promise.resolve();
    const started = this.now();
    this.reading = this.read()
      .then((book) => {
        if (this.book && book.version < this.book.version) return;
        this.book = book;
        this.readAt = started;
      })
      .catch((error: unknown) => {
        this.retryAt = this.now() + RETRY_AFTER_MS;
        this.log.warn('could not read the price book; orders are priced by pricing meanwhile', { error: errorMessage(error) });
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }
}
