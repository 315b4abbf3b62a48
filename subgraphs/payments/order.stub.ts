import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The orders subgraph's Order; payments contributes `Order.payment`. */
@ObjectType('Order')
@Directive('@key(fields: "id")')
export class OrderRef {
  @Field(() => ID)
  id!: string;
}
