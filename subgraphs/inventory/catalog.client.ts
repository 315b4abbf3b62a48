import type { InternalClient } from '../../platform/internal-client';

const PRODUCT_EXISTS = `query ProductExists($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { id } }
}`;

/** What inventory asks catalog: whether a product exists (any status), before stocking it for the first time. */
export class CatalogClient {
  constructor(private readonly internal: InternalClient) {}

  async productExists(productId: string): Promise<boolean> {
    const data = await this.internal.request<{ _entities: Array<{ id: string } | null> }>('catalog', PRODUCT_EXISTS, {
      representations: [{ __typename: 'Product', id: productId }],
    });
    return data._entities[0] !== null;
  }
}
