import { CopyByNotice, countCatalogCopyLookups } from '../../platform/copy-by-notice';
import type { InternalClient } from '../../platform/internal-client';
import type { Logger } from '../../platform/log';
import type { Metrics } from '../../platform/metrics';
import { channels, type PubSub } from '../../platform/messaging/pubsub';
import type { ProductLabel, ProductLabels } from './notification.templates';

const PRODUCT_LABELS = `query ProductLabels($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { id name sku } }
}`;

type ProductLabelsData = { readonly _entities: ReadonlyArray<(ProductLabel & { readonly id: string }) | null> };

export interface ProductLabelCopyOptions {
  readonly pubsub: PubSub;
  readonly metrics: Pick<Metrics, 'catalogCopyReads'>;
  /** CATALOG_COPY_MAX_AGE_MS: 0 reads catalog for every batch of mails. */
  readonly maxAgeMs: number;
  readonly maxEntries: number;
}

/**
 * What notifications ask catalog: product names for order lines and stock
 * alerts (events carry ids only). Catalog being down must not hold mails
 * back, so a failed lookup names the products by id instead. Names are
 * kept in a copy dropped by catalog's change notices (platform/
 * copy-by-notice.ts): a shop's mails name the same few products over and
 * over, and each read is a call to catalog.
 */
export class CatalogClient {
  private readonly copy: CopyByNotice<ProductLabel & { readonly id: string }>;

  constructor(
    private readonly internal: InternalClient,
    private readonly log: Logger,
    options: ProductLabelCopyOptions,
  ) {
    const { metrics } = options;
    this.copy = new CopyByNotice({
      read: (ids) => this.read(ids),
      ownerOf: (product) => product.id,
      pubsub: options.pubsub,
      channel: channels.changes('Product'),
      maxAgeMs: options.maxAgeMs,
      maxEntries: options.maxEntries,
      onLookup: countCatalogCopyLookups(metrics, 'users.product_labels'),
    });
  }

  /** Listens for catalog's change notices (the copy keeps nothing until then). */
  start(): Promise<{ stop(): Promise<void> }> {
    return this.copy.start();
  }

  async labels(productIds: readonly string[]): Promise<ProductLabels> {
    if (productIds.length === 0) return new Map();
    try {
      const found = await this.copy.get(productIds);
      return new Map([...found].map(([id, { name, sku }]) => [id, { name, sku }] as const));
    } catch (error) {
      this.log.warn('product names unavailable; mails name products by id', { error: String(error) });
      return new Map();
    }
  }

  private async read(ids: readonly string[]): Promise<Map<string, ProductLabel & { readonly id: string }>> {
    const data = await this.internal.request<ProductLabelsData>('catalog', PRODUCT_LABELS, {
      representations: ids.map((id) => ({ __typename: 'Product', id })),
    });
    return new Map(data._entities.flatMap((p) => (p ? [[p.id, p] as const] : [])));
  }
}
