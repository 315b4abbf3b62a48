import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../platform/graphql-types';
import { ProductRef } from './product.stub';

@ObjectType('CartLine')
export class CartLineView {
  @Field(() => ProductRef)
  product!: ProductRef;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money, { description: "The product's price now (the catalog's, read with the cart)." })
  unitPrice!: Money;

  @Field(() => Money)
  lineTotal!: Money;

  @Field({ description: 'True when the product is on sale and enough units are in stock for this quantity.' })
  available!: boolean;
}

@ObjectType('Cart', { description: "The caller's cart, priced from the catalog and checked against stock when read." })
export class CartView {
  @Field(() => [CartLineView], { description: 'Oldest first.' })
  lines!: CartLineView[];

  @Field(() => Money, { nullable: true, description: 'Sum of the line totals; null while the cart is empty or mixes currencies (such a cart cannot be ordered).' })
  total!: Money | null;
}
