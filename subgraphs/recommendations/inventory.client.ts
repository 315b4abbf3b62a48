import type { InternalClient } from '../../platform/internal-client';

const STOCK = `query RecommendationStock($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { id stock { available } } }
}`;

/** One `_entities` call to inventory for the stock of any number of products. */
export class InventoryClient {
  constructor(private readonly internal: InternalClient) {}

  /** Units available to order, by product id (0 for a product never stocked). */
  async available(ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const data = await this.internal.request<{ _entities: Array<{ id: string; stock: { available: number } } | null> }>('inventory', STOCK, {
      representations: ids.map((id) => ({ __typename: 'Product', id })),
    });
    return new Map(data._entities.flatMap((product) => (product ? [[product.id, product.stock.available] as const] : [])));
  }
}
