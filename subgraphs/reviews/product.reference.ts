import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { RequestContext } from '../../platform/context';
import { ProductRef } from './product.stub';

/** Products reach reviews by key only: the fields it adds are resolved from the id. */
export function reviewsReferences(): GraphQLResolverMap<RequestContext> {
  return {
    Product: {
      __resolveReference: (reference: { id: string }) => ProductRef.of(reference.id),
    },
  };
}
