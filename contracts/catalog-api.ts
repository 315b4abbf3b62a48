/**
 * Catalog's internal operations (`deps.internal.request('catalog', PRODUCT_IDS_BY_SKU, { skus })`):
 * SERVICE callers only and `@inaccessible`, so the gateway never exposes them.
 * - productIdsBySku(skus): the product id of each known SKU (matched ignoring
 *   case and surrounding spaces, whatever the product's status), in the order
 *   asked; unknown SKUs are left out. At most MAX_SKUS_PER_LOOKUP per call.
 */

export const MAX_SKUS_PER_LOOKUP = 500;

export const PRODUCT_IDS_BY_SKU = `query ProductIdsBySku($skus: [String!]!) {
  productIdsBySku(skus: $skus) { sku productId }
}`;
export type ProductIdsBySkuData = { readonly productIdsBySku: ReadonlyArray<{ readonly sku: string; readonly productId: string }> };
