import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { RequestContext } from '../../platform/context';
import { ProductRef } from './product.stub';
import { UserRef } from './user.stub';

/** Products and users reach recommendations by key only: the fields it adds are resolved from the id. */
export function recommendationsReferences(): GraphQLResolverMap<RequestContext> {
  return {
    Product: {
      __resolveReference: (reference: { id: string }) => ProductRef.of(reference.id),
    },
    User: {
      __resolveReference: (reference: { id: string }) => UserRef.of(reference.id),
    },
  };
}
