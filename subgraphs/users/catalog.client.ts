import type { InternalClient } from '../../platform/internal-client';
import type { Logger } from '../../platform/log';
import type { ProductLabel, ProductLabels } from './notification.templates';

const PRODUCT_LABELS = `query ProductLabels($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { id name sku } }
}`;

type ProductLabelsData = { readonly _entities: ReadonlyArray<(ProductLabel & { readonly id: string }) | null> };

/**
 * What notifications ask catalog: product names for order lines and stock
 * alerts (events carry ids only). Catalog being down must not hold mails
 * back, so a failed lookup names the products by id instead.
 */
export class CatalogClient {
  constructor(
    private readonly internal: InternalClient,
    private readonly log: Logger,
  ) {}

  async labels(productIds: readonly string[]): Promise<ProductLabels> {
    const ids = [...new Set(productIds)];
    if (ids.length === 0) return new Map();
    try {
      const data = await this.internal.request<ProductLabelsData>('catalog', PRODUCT_LABELS, {
        representations: ids.map((id) => ({ __typename: 'Product', id })),
      });
      return new Map(data._entities.flatMap((p) => (p ? [[p.id, { name: p.name, sku: p.sku }] as const] : [])));
    } catch (error) {
      this.log.warn('product names unavailable; mails name products by id', { error: String(error) });
      return new Map();
    }
  }
}
