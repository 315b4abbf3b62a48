import { CopyByNotice, countCatalogCopyLookups } from '../../platform/copy-by-notice';
import type { InternalClient } from '../../platform/internal-client';
import type { Metrics } from '../../platform/metrics';
import { channels, type PubSub } from '../../platform/messaging/pubsub';

/** A product as recommendations needs it: whether it is on sale, and where it is filed. */
export interface CatalogProduct {
  readonly id: string;
  readonly status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  readonly categories: ReadonlyArray<{ readonly id: string }>;
}

export interface CatalogProductCopyOptions {
  readonly pubsub: PubSub;
  readonly metrics: Pick<Metrics, 'catalogCopyReads'>;
  /** CATALOG_COPY_MAX_AGE_MS: 0 asks catalog for every lookup. */
  readonly maxAgeMs: number;
  readonly maxEntries: number;
}

/**
 * One call to catalog for any number of products; as a SERVICE caller every
 * status is seen. Kept in a copy dropped by catalog's change notices
 * (platform/copy-by-notice.ts): every paid order's products are looked up
 * to file the purchase, and every recommendation list is checked for
 * products still on sale, mostly the same products each time.
 */
export class CatalogClient {
  private readonly copy: CopyByNotice<CatalogProduct>;

  constructor(internal: InternalClient, options: CatalogProductCopyOptions) {
    this.copy = new CopyByNotice<CatalogProduct>({
      read: (ids) => internal.entities<CatalogProduct>('catalog', 'Product', 'id status categories { id }', ids),
      ownerOf: (product) => product.id,
      pubsub: options.pubsub,
      channel: channels.changes('Product'),
      maxAgeMs: options.maxAgeMs,
      maxEntries: options.maxEntries,
      onLookup: countCatalogCopyLookups(options.metrics, 'recommendations.products'),
    });
  }

  /** Listens for catalog's change notices (the copy keeps nothing until then). */
  start(): Promise<{ stop(): Promise<void> }> {
    return this.copy.start();
  }

  /** The products found, by id; unknown ids are absent. */
  products(ids: readonly string[]): Promise<Map<string, CatalogProduct>> {
    return this.copy.get(ids);
  }
}
