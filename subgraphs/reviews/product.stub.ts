import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Federation stub: the catalog's Product, by key. Reviews adds `rating` and
 * `reviews` to it (review.resolver.ts), so the stub is resolvable here.
 */
@ObjectType('Product')
@Directive('@key(fields: "id")')
export class ProductRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): ProductRef {
    return Object.assign(new ProductRef(), { id });
  }
}
