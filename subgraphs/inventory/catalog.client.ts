import { PRODUCT_IDS_BY_SKU, type ProductIdsBySkuData } from '../../contracts/catalog-api';
import type { InternalClient } from '../../platform/internal-client';

const PRODUCT_EXISTS = `query ProductExists($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { id } }
}`;

/** What inventory asks catalog: whether a product exists (any status), before stocking it for the first time, and which product a SKU names. */
export class CatalogClient {
  constructor(private readonly internal: InternalClient) {}

  async productExists(productId: string): Promise<boolean> {
    const data = await this.internal.request<{ _entities: Array<{ id: string } | null> }>('catalog', PRODUCT_EXISTS, {
      representations: [{ __typename: 'Product', id: productId }],
    });
    return data._entities[0] !== null;
  }

  /** The product id of each known SKU, in the order asked; unknown SKUs are left out. */
  async productIdsBySku(skus: readonly string[]): Promise<ReadonlyArray<{ sku: string; productId: string }>> {
    if (skus.length === 0) return [];
    const data = await this.internal.request<ProductIdsBySkuData>('catalog', PRODUCT_IDS_BY_SKU, { skus });
    return data.productIdsBySku;
  }
}
