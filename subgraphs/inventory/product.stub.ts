import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Inventory's view of a catalog Product: only the key, to attach `stock`. */
@ObjectType('Product')
@Directive('@key(fields: "id")')
export class ProductRef {
  @Field(() => ID)
  id!: string;
}
