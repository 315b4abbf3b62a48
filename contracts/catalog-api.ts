/**
 * Catalog's internal operations (`deps.internal.request('catalog', PRODUCT_IDS_BY_SKU, { skus })`):
 * SERVICE callers only and `@inaccessible`, so the gateway never exposes them.
 * - productIdsBySku(skus): the variant each known SKU names and its product
 *   (matched ignoring case and surrounding spaces, whatever the status; a
 *   product's own SKU names its default variant, whose id is the product's),
 *   in the order asked; unknown SKUs are left out. At most MAX_SKUS_PER_LOOKUP per call.
 */

export const MAX_SKUS_PER_LOOKUP = 500;

export const PRODUCT_IDS_BY_SKU = `query ProductIdsBySku($skus: [String!]!) {
  productIdsBySku(skus: $skus) { sku productId variantId }
}`;
export type ProductIdsBySkuData = { readonly productIdsBySku: ReadonlyArray<{ readonly sku: string; readonly productId: string; readonly variantId: string }> };
