import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { RequestContext } from '../../platform/context';
import type { ProductService } from './product.service';
import type { VariantService } from './variant.service';

/** `_entities` for Product and ProductVariant: batched, one query per type for all references in a request. */
export function productReference(products: ProductService, variants: VariantService): GraphQLResolverMap<RequestContext> {
  return {
    Product: {
      __resolveReference: (reference: { id: string }, ctx: RequestContext) => products.load(ctx, reference.id),
    },
    ProductVariant: {
      __resolveReference: (reference: { id: string }, ctx: RequestContext) => variants.load(ctx, reference.id),
    },
  };
}
