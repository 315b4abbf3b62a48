import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../platform/graphql-types';
import type { ParcelVariables } from '../../contracts/shipping-api';
import { ProductRef } from './product.stub';
import { ProductVariantRef } from './variant.stub';
import { ShippingAddressEntity, type ShippingOptionView } from './shipping.entity';

@ObjectType('CartLine')
export class CartLineView {
  @Field(() => ProductRef)
  product!: ProductRef;

  @Field(() => ProductVariantRef, { description: 'The variant in the cart (for a product sold as one, its default variant, whose id is the product\'s).' })
  variant!: ProductVariantRef;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money, { description: "The variant's price now (the catalog's, read with the cart)." })
  unitPrice!: Money;

  @Field(() => Money)
  lineTotal!: Money;

  @Field({ description: 'True when the product is on sale and enough units are in stock for this quantity.' })
  available!: boolean;
}

@ObjectType('Cart', { description: "The caller's cart, priced from the catalog and checked against stock when read." })
@Directive('@key(fields: "id")')
export class CartView {
  @Field(() => ID, { description: "The customer's id: one cart per customer (pricing adds totals and discount codes by it)." })
  id!: string;

  @Field(() => [CartLineView], { description: 'Oldest first.' })
  lines!: CartLineView[];

  @Field(() => Money, { nullable: true, description: 'Sum of the line totals; null while the cart is empty or mixes currencies (such a cart cannot be ordered).' })
  total!: Money | null;

  @Field(() => ShippingAddressEntity, { nullable: true, description: 'Where the cart ships (setCartShippingAddress); null until set.' })
  shippingAddress!: ShippingAddressEntity | null;

  /** The chosen method's id, as stored (it may no longer be offered). */
  chosenMethodId!: string | null;

  /** What the shipping options are priced for: null while there is no address or no total. */
  parcel!: ParcelVariables | null;

  /** The options, fetched once per cart answer (shippingOptions and shippingMethod share them). */
  options?: Promise<ShippingOptionView[]>;
}

/** What pricing prices a cart from (contracts/orders-api.ts, cartPricingBasis). */
@ObjectType('CartPricingLine')
@Directive('@inaccessible')
export class CartPricingLine {
  @Field(() => ID, { description: "The variant's product." })
  productId!: string;

  @Field(() => ID, { description: 'The variant in the cart; unitPrice is its price.' })
  variantId!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int)
  unitPrice!: number;
}

@ObjectType('CartPricingBasis')
@Directive('@inaccessible')
export class CartPricingBasis {
  @Field(() => ID)
  customerId!: string;

  @Field(() => String, { nullable: true })
  currency!: string | null;

  @Field(() => Int, { nullable: true })
  shipping!: number | null;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => [CartPricingLine])
  lines!: CartPricingLine[];
}
