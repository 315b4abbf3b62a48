import { appError } from '../../platform/errors';
import type { InternalClient } from '../../platform/internal-client';

/** A product as orders needs it: whether it is on sale, and at what price. */
export interface CatalogProduct {
  readonly id: string;
  readonly status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  readonly price: { readonly amount: number; readonly currency: string };
  /** Grams; null when the catalog does not know it. */
  readonly weightGrams: number | null;
}

const PRODUCTS = `query OrderProducts($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { id status price { amount currency } weightGrams } }
}`;

/**
 * Prices come from the catalog at the time of asking, never from the client.
 * One `_entities` call for any number of products; as a SERVICE caller orders
 * sees every status (an ARCHIVED product is still part of past orders).
 */
export class CatalogClient {
  constructor(private readonly internal: InternalClient) {}

  /** The products found, by id; unknown ids are absent. */
  async products(ids: readonly string[]): Promise<Map<string, CatalogProduct>> {
    if (ids.length === 0) return new Map();
    const data = await this.internal.request<{ _entities: Array<CatalogProduct | null> }>('catalog', PRODUCTS, {
      representations: ids.map((id) => ({ __typename: 'Product', id })),
    });
    return new Map(data._entities.flatMap((product) => (product ? [[product.id, product] as const] : [])));
  }
}

/**
 * The product, when it can be ordered; otherwise the refusal naming it. A
 * DRAFT product is answered like an unknown one, as the catalog hides it from customers.
 */
export function onSale(product: CatalogProduct | undefined, productId: string, field: string): CatalogProduct {
  if (!product || product.status === 'DRAFT') throw appError('NOT_FOUND', `Product ${productId} was not found`, { id: productId, field });
  if (product.status !== 'ACTIVE') {
    throw appError('BAD_USER_INPUT', `Product ${productId} is no longer sold`, { field, reason: 'PRODUCT_UNAVAILABLE', productId });
  }
  return product;
}
