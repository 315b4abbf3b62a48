import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The orders subgraph's Order; pricing adds `totals`, the breakdown stored when it was placed. */
@ObjectType('Order')
@Directive('@key(fields: "id")')
export class OrderRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): OrderRef {
    return Object.assign(new OrderRef(), { id });
  }
}
