import type { Shortage } from '../../contracts/inventory-api';
import { NoticedEntries } from '../../platform/copy-by-notice';
import { channels, type PubSub } from '../../platform/messaging/pubsub';

/** A line as the memo sees it: the variant whose stock it takes (a product's id names its default variant), and its product. */
export interface StockLine {
  readonly stockId: string;
  readonly productId: string;
  readonly quantity: number;
}

export interface SoldOutMemoOptions {
  readonly pubsub: PubSub;
  /** How long a refusal for no stock at all is repeated without asking inventory; 0 turns the memo off. */
  readonly maxAgeMs: number;
  readonly now?: () => number;
}

/** Variants remembered at most; past it the oldest is forgotten (a forgotten one only costs a call). */
const MAX_ENTRIES = 10_000;

/**
 * What a flash sale's buyers mostly get once the units are gone is the same
 * refusal, and each used to cost a reservation call that finds nothing to
 * take. Orders remembers the variants inventory last answered with nothing
 * available, and refuses a placement on one of them at once, as inventory
 * would (INSUFFICIENT_STOCK, available 0), holding nothing and asking no one.
 *
 * It forgets a variant as soon as its stock changes: inventory publishes a
 * notice on `channels.changes('StockLevel')` after every commit that moves a
 * variant's stock (a release, an expiry, a restock), naming the variant and
 * its product, and every orders process hears it. Notices are best effort,
 * so an entry also lapses after `maxAgeMs` (and all of them when the
 * transport reconnects): the most a lost notice costs is a buyer told
 * "sold out" for that long after a unit came back. It can never sell what
 * is not there: a placement it lets through is reserved by inventory as
 * before.
 */
export class SoldOutMemo {
  /** Variant id → when inventory answered none available; its product's notices clear it too. */
  private readonly soldOut = new NoticedEntries<{ readonly at: number }>(MAX_ENTRIES);
  private readonly now: () => number;

  constructor(private readonly options: SoldOutMemoOptions) {
    this.now = options.now ?? Date.now;
  }

  async start(): Promise<{ stop(): Promise<void> }> {
    if (this.options.maxAgeMs === 0) return { stop: async () => undefined };
    return this.soldOut.follow(this.options.pubsub, channels.changes('StockLevel'));
  }

  /** The lines known to have nothing available, as inventory would name them; null when none is known (ask inventory). */
  shortages(lines: readonly StockLine[]): Shortage[] | null {
    if (this.soldOut.size === 0) return null;
    const oldest = this.now() - this.options.maxAgeMs;
    const short = lines.filter((line) => {
      const entry = this.soldOut.get(line.stockId);
      if (entry && entry.at < oldest) this.soldOut.delete(line.stockId);
      return entry !== undefined && entry.at >= oldest;
    });
    return short.length > 0 ? short.map((line) => ({ productId: line.stockId, requested: line.quantity, available: 0 })) : null;
  }

  /**
   * Asks inventory by `reserve`; when it refuses, the variants it found with
   * nothing available are remembered, unless their stock moved while it was
   * asked (a unit released meanwhile: the refusal may already be old).
   */
  async asking<T>(lines: readonly StockLine[], reserve: () => Promise<T>, shortagesOf: (error: unknown) => readonly Shortage[] | null): Promise<T> {
    if (!this.soldOut.isFollowing) return reserve();
    const watch = this.soldOut.watch();
    try {
      return await reserve();
    } catch (error) {
      const at = this.now();
      for (const shortage of shortagesOf(error) ?? []) {
        const line = lines.find((candidate) => candidate.stockId === shortage.productId);
        if (line && shortage.available === 0 && !watch.heard(line.stockId, line.productId)) this.soldOut.set(line.stockId, { at }, line.productId);
      }
      throw error;
    } finally {
      watch.end();
    }
  }

  /** Entries held (tests). */
  get size(): number {
    return this.soldOut.size;
  }
}
