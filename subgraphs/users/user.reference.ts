import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { RequestContext } from '../../platform/context';
import type { UserService } from './user.service';

export function userReference(users: UserService): GraphQLResolverMap<RequestContext> {
  return {
    User: {
      __resolveReference: (reference: { id: string }, ctx: RequestContext) => users.reference(ctx, reference.id),
    },
  };
}
