import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Federation stubs: other subgraphs' entities as orders refers to them, by
 * key only. The gateway fetches their other fields from their owners.
 */

/** The catalog's Product: order lines, cart lines and wishlist items point to it. */
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
