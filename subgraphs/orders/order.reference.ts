import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import type { OrderService } from './order.service';

/** The catalog's Product, by key only: the gateway fetches its fields. */
@ObjectType('Product')
@Directive('@key(fields: "id", resolvable: false)')
export class ProductRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): ProductRef {
    return Object.assign(new ProductRef(), { id });
  }
}

/** The users subgraph's User; orders contributes `User.orders`. */
@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): UserRef {
    return Object.assign(new UserRef(), { id });
  }
}

export function orderReferences(orders: OrderService): GraphQLResolverMap<RequestContext> {
  return {
    Order: {
      __resolveReference: (reference: { id: string }, ctx: RequestContext) => orders.load(ctx, reference.id),
    },
    User: {
      __resolveReference: (reference: { id: string }) => UserRef.of(reference.id),
    },
  };
}
