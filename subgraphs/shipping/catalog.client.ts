import type { InternalClient } from '../../platform/internal-client';

const WEIGHTS = `query ShippingWeights($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { id weightGrams } }
}`;

/** Product weights from the catalog, one `_entities` call for any number of products. */
export class CatalogClient {
  constructor(private readonly internal: InternalClient) {}

  /** Grams by product id; a product without a weight (or unknown) is absent. */
  async weights(ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const data = await this.internal.request<{ _entities: Array<{ id: string; weightGrams: number | null } | null> }>('catalog', WEIGHTS, {
      representations: ids.map((id) => ({ __typename: 'Product', id })),
    });
    return new Map(data._entities.flatMap((p) => (p && p.weightGrams !== null ? [[p.id, p.weightGrams] as const] : [])));
  }
}
