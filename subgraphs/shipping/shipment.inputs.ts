import { Field, ID, InputType, Int } from 'type-graphql';

const PRODUCT = "The product (or a variant's id). An order holding several variants of the product needs variantId (BAD_USER_INPUT, reason VARIANT_REQUIRED).";
const VARIANT = "The variant of the order's line; must be a variant of productId.";

@InputType({ description: 'Units of one variant of the order.' })
export class ShipmentLineInput {
  @Field(() => ID, { description: PRODUCT })
  productId!: string;

  @Field(() => ID, { nullable: true, description: VARIANT })
  variantId?: string | null;

  @Field(() => Int)
  quantity!: number;
}

@InputType({ description: 'Delivered units of one variant of the order.' })
export class ReturnLineInput {
  @Field(() => ID, { description: PRODUCT })
  productId!: string;

  @Field(() => ID, { nullable: true, description: VARIANT })
  variantId?: string | null;

  @Field(() => Int)
  quantity!: number;
}
