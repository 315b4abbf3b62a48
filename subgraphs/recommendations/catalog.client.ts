import type { InternalClient } from '../../platform/internal-client';

/** A product as recommendations needs it: whether it is on sale, and where it is filed. */
export interface CatalogProduct {
  readonly id: string;
  readonly status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  readonly categories: ReadonlyArray<{ readonly id: string }>;
}

const PRODUCTS = `query RecommendationProducts($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { id status categories { id } } }
}`;

/** One `_entities` call to catalog for any number of products; as a SERVICE caller every status is seen. */
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
