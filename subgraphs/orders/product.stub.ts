import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Federation stub: the catalog's Product as orders refers to it, by key only
 * (order lines, cart lines and wishlist items point to it). The gateway
 * fetches its other fields from catalog.
 */
@ObjectType('Product')
@Directive('@key(fields: "id", resolvable: false)')
export class ProductRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): ProductRef {
    return Object.assign(new ProductRef(), { id });
  }
}
