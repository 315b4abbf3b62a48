import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { RequestContext } from '../../platform/context';
import { CartRef } from './cart.stub';
import { OrderRef } from './order.stub';
import { ProductRef } from './product.stub';

/** Carts, orders and products reach pricing by key only: the fields it adds check access and read from the id. */
export function pricingReferences(): GraphQLResolverMap<RequestContext> {
  return {
    Cart: { __resolveReference: (reference: { id: string }) => CartRef.of(reference.id) },
    Order: { __resolveReference: (reference: { id: string }) => OrderRef.of(reference.id) },
    Product: { __resolveReference: (reference: { id: string }) => ProductRef.of(reference.id) },
  };
}
