import { CopyByNotice, countCatalogCopyLookups } from '../../platform/copy-by-notice';
import type { Metrics } from '../../platform/metrics';
import { channels, type PubSub } from '../../platform/messaging/pubsub';
import type { CatalogVariant } from './catalog.client';

/** What placement and the cart read from the catalog: variants by id (a product's id names its default variant). */
export interface CatalogVariants {
  variants(ids: readonly string[]): Promise<Map<string, CatalogVariant>>;
}

export interface CatalogCopyOptions {
  /** Where misses are read (the catalog subgraph, by `_entities`). */
  readonly source: CatalogVariants;
  readonly pubsub: PubSub;
  /** The longest a variant is answered without being read again; 0 turns the copy off (every read goes to the catalog). */
  readonly maxAgeMs: number;
  /** Variants kept; past it the oldest read goes first. */
  readonly maxEntries: number;
  readonly metrics: Pick<Metrics, 'catalogCopyReads'>;
  readonly now?: () => number;
}

/**
 * Orders' copy of what it needs from the catalog (a variant's price, status,
 * SKU and options, its product's status, weight, categories and variants),
 * so a placement or a cart read on a known product calls nothing but
 * inventory. Read through on a miss and dropped per product by the change
 * notices catalog publishes after every commit that touches a product or
 * its variants (`channels.changes('Product')`, the ones the gateway's
 * response cache evicts on): platform/copy-by-notice.ts. Within the window a
 * lost notice leaves (at most `maxAgeMs`) the client's expectedTotal still
 * refuses a total it did not see (PRICE_CHANGED), and an order keeps the
 * prices it was placed at.
 */
export class CatalogCopy implements CatalogVariants {
  private readonly copy: CopyByNotice<CatalogVariant>;

  constructor(options: CatalogCopyOptions) {
    const { source, metrics } = options;
    this.copy = new CopyByNotice<CatalogVariant>({
      read: (ids) => source.variants(ids),
      ownerOf: (variant) => variant.product.id,
      pubsub: options.pubsub,
      channel: channels.changes('Product'),
      maxAgeMs: options.maxAgeMs,
      maxEntries: options.maxEntries,
      onLookup: countCatalogCopyLookups(metrics, 'orders.variants'),
      now: options.now,
    });
  }

  start(): Promise<{ stop(): Promise<void> }> {
    return this.copy.start();
  }

  variants(ids: readonly string[]): Promise<Map<string, CatalogVariant>> {
    return this.copy.get(ids);
  }

  /** Variants held (tests). */
  get size(): number {
    return this.copy.size;
  }
}
