import type { InternalClient } from '../../platform/internal-client';

/** A product as pricing needs it: its regular price and where it is filed (category rules, tax classes). */
export interface CatalogProduct {
  readonly id: string;
  readonly price: { readonly amount: number; readonly currency: string };
  readonly categories: ReadonlyArray<{ readonly id: string }>;
}

/** One call to catalog for any number of products. */
export class CatalogClient {
  constructor(private readonly internal: InternalClient) {}

  products(ids: readonly string[]): Promise<Map<string, CatalogProduct>> {
    return this.internal.entities<CatalogProduct>('catalog', 'Product', 'id price { amount currency } categories { id }', [...new Set(ids)]);
  }
}
