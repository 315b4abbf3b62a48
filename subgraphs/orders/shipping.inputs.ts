import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class ShippingAddressInput {
  @Field({ description: '1 to 100 characters.' })
  recipient!: string;

  @Field({ description: '1 to 200 characters.' })
  line1!: string;

  @Field(() => String, { nullable: true, description: 'Up to 200 characters.' })
  line2?: string | null;

  @Field({ description: '1 to 100 characters.' })
  city!: string;

  @Field({ description: '1 to 20 characters.' })
  postalCode!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 (FR).' })
  country!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 within the country (FR-75).' })
  region?: string | null;
}

@InputType()
export class OrderShippingInput {
  @Field(() => ShippingAddressInput)
  address!: ShippingAddressInput;

  @Field(() => ID, { description: "One of the options offered for the address and lines (the cart's shippingOptions)." })
  methodId!: string;
}
