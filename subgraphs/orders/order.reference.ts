import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { RequestContext } from '../../platform/context';
import type { CartService } from './cart.service';
import type { OrderService } from './order.service';
import { UserRef } from './user.stub';

/**
 * `__resolveReference` of the entities orders resolves: its own Order, with
 * the rule of `order(id)` (a subgraph reached with `_entities` answers no
 * more than the root field), and the User it adds `orders` to.
 */
export function orderReferences(orders: OrderService, cart: CartService): GraphQLResolverMap<RequestContext> {
  return {
    // A cart reached from pricing (applyDiscountCode): the caller's own only, as the `cart` query.
    Cart: {
      __resolveReference: (reference: { id: string }, ctx: RequestContext) => (ctx.caller?.userId === reference.id ? cart.view(ctx) : null),
    },
    Order: {
      __resolveReference: (reference: { id: string }, ctx: RequestContext) => orders.get(ctx, reference.id),
    },
    User: {
      __resolveReference: (reference: { id: string }) => UserRef.of(reference.id),
    },
  };
}
