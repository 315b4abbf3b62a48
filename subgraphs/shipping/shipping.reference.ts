import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { RequestContext } from '../../platform/context';
import { OrderRef } from './order.stub';

export function shippingReferences(): GraphQLResolverMap<RequestContext> {
  return {
    Order: {
      __resolveReference: (reference: { id: string }) => Object.assign(new OrderRef(), { id: reference.id }),
    },
  };
}
