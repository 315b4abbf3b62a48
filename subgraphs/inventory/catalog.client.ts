import { PRODUCT_IDS_BY_SKU, type ProductIdsBySkuData } from '../../contracts/catalog-api';
import type { InternalClient } from '../../platform/internal-client';

const VARIANT_PRODUCT = `query VariantProduct($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on ProductVariant { id product { id } } }
}`;

/** What inventory asks catalog: which product a variant belongs to (any status), before stocking it for the first time, and which variant a SKU names. */
export class CatalogClient {
  constructor(private readonly internal: InternalClient) {}

  /** The product of a variant (a product's id names its default variant: the answer is that id); null when catalog knows no such variant. */
  async productOfVariant(variantId: string): Promise<string | null> {
    const data = await this.internal.request<{ _entities: Array<{ id: string; product: { id: string } } | null> }>('catalog', VARIANT_PRODUCT, {
      representations: [{ __typename: 'ProductVariant', id: variantId }],
    });
    return data._entities[0]?.product.id ?? null;
  }

  /** The variant (and its product) each known SKU names, in the order asked; unknown SKUs are left out. */
  async productIdsBySku(skus: readonly string[]): Promise<ReadonlyArray<{ sku: string; productId: string; variantId: string }>> {
    if (skus.length === 0) return [];
    const data = await this.internal.request<ProductIdsBySkuData>('catalog', PRODUCT_IDS_BY_SKU, { skus });
    return data.productIdsBySku;
  }
}
