import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { RequestContext } from '../../platform/context';
import type { CatalogServices } from './catalog.services';

/**
 * `_entities` for Product, ProductVariant and Category: batched, one query
 * per type for all references in a request. A product or variant reference
 * resolves whatever its status (an order's lines keep archived ones), except
 * when the reference is marked `byId` (gateway/node.ts finding what node(id)
 * may show): then it answers as product(id) or productVariant(id) does.
 */
export function catalogReferences(services: CatalogServices): GraphQLResolverMap<RequestContext> {
  return {
    Product: {
      __resolveReference: (reference: { id: string; byId?: boolean }, ctx: RequestContext) =>
        reference.byId === true ? services.products.get(ctx, reference.id) : services.products.load(ctx, reference.id),
    },
    ProductVariant: {
      __resolveReference: (reference: { id: string; byId?: boolean }, ctx: RequestContext) =>
        reference.byId === true ? services.variants.find(ctx, reference.id, null) : services.variants.load(ctx, reference.id),
    },
    Category: {
      __resolveReference: (reference: { id: string }, ctx: RequestContext) => services.categories.load(ctx, reference.id),
    },
  };
}
