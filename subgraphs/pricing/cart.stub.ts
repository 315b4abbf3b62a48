import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The orders subgraph's Cart (its id is the customer's); pricing adds `totals` and `discountCodes`. */
@ObjectType('Cart')
@Directive('@key(fields: "id")')
export class CartRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): CartRef {
    return Object.assign(new CartRef(), { id });
  }
}
