import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The catalog's Product; pricing adds `salePrice` and `promotions`. */
@ObjectType('Product')
@Directive('@key(fields: "id")')
export class ProductRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): ProductRef {
    return Object.assign(new ProductRef(), { id });
  }
}
