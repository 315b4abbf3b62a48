import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Inventory's view of a catalog ProductVariant: only the key, to attach its own `stock`. */
@ObjectType('ProductVariant')
@Directive('@key(fields: "id")')
export class ProductVariantRef {
  @Field(() => ID)
  id!: string;
}
