import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Federation stub: the catalog's ProductVariant as cart and order lines point to it, by key only. */
@ObjectType('ProductVariant')
@Directive('@key(fields: "id", resolvable: false)')
export class ProductVariantRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): ProductVariantRef {
    return Object.assign(new ProductVariantRef(), { id });
  }
}
