import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Federation stub: the catalog's Product, by key. Recommendations answers
 * lists of them (the gateway fetches their other fields from catalog) and
 * adds `frequentlyBoughtTogether` and `customersAlsoViewed` to it.
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
