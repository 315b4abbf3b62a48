import type { InternalClient } from '../../platform/internal-client';

/** A product as recommendations needs it: whether it is on sale, and where it is filed. */
export interface CatalogProduct {
  readonly id: string;
  readonly status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  readonly categories: ReadonlyArray<{ readonly id: string }>;
}

/** One call to catalog for any number of products; as a SERVICE caller every status is seen. */
export class CatalogClient {
  constructor(private readonly internal: InternalClient) {}

  /** The products found, by id; unknown ids are absent. */
  products(ids: readonly string[]): Promise<Map<string, CatalogProduct>> {
    return this.internal.entities<CatalogProduct>('catalog', 'Product', 'id status categories { id }', ids);
  }
}
