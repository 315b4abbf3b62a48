import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { RequestContext } from '../../platform/context';
import type { ProductService } from './product.service';

/** `_entities` for Product: batched, one query for all references in a request. */
export function productReference(products: ProductService): GraphQLResolverMap<RequestContext> {
  return {
    Product: {
      __resolveReference: (reference: { id: string }, ctx: RequestContext) => products.load(ctx, reference.id),
    },
  };
}
