import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The orders subgraph's Order; shipping contributes `Order.shipments` and `Order.returns`. */
@ObjectType('Order')
@Directive('@key(fields: "id")')
export class OrderRef {
  @Field(() => ID)
  id!: string;
}
