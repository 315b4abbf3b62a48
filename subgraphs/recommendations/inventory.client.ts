import type { InternalClient } from '../../platform/internal-client';

/** One call to inventory for the stock of any number of products. */
export class InventoryClient {
  constructor(private readonly internal: InternalClient) {}

  /** Units available to order, by product id (absent for an id inventory does not answer). */
  async available(ids: readonly string[]): Promise<Map<string, number>> {
    const products = await this.internal.entities<{ id: string; stock: { available: number } }>('inventory', 'Product', 'id stock { available }', ids);
    return new Map([...products.values()].map((product) => [product.id, product.stock.available]));
  }
}
