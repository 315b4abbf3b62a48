import { Directive, Field, InputType, Int } from 'type-graphql';
import { RateKind } from './zone.entity';

@InputType()
export class ShippingZoneInput {
  @Field({ description: '1 to 100 characters.' })
  name!: string;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes (1 to 250).' })
  countries!: string[];

  @Field(() => [String], { nullable: true, description: 'ISO 3166-2 codes within those countries; none: the whole countries.' })
  regions?: string[] | null;
}

@InputType()
export class RateBandInput {
  @Field(() => Int)
  from!: number;

  @Field(() => Int, { nullable: true, description: 'Exclusive; null: no upper limit (last band only).' })
  to?: number | null;

  @Field(() => Int)
  amount!: number;
}

@InputType()
export class ShippingMethodInput {
  @Field({ description: '1 to 100 characters.' })
  name!: string;

  @Field(() => RateKind)
  kind!: RateKind;

  @Field({ description: 'ISO 4217; options are offered for carts in this currency only.' })
  currency!: string;

  @Field(() => Int, { nullable: true, description: 'FLAT and PICKUP: the price in minor units.' })
  amount?: number | null;

  @Field(() => [RateBandInput], { nullable: true, description: 'WEIGHT and SUBTOTAL: contiguous bands starting at 0; a gap or an overlap is refused.' })
  bands?: RateBandInput[] | null;

  @Field(() => Int, { nullable: true, description: 'Free when the subtotal reaches this (minor units).' })
  freeOver?: number | null;

  @Field(() => Int, { description: 'Delivery estimate, in days: 0 to 90.' })
  minDays!: number;

  @Field(() => Int, { description: 'At least minDays, at most 90.' })
  maxDays!: number;

  @Field(() => String, { nullable: true, description: 'PICKUP only, and required there.' })
  pickupLocation?: string | null;
}

/** What a quote is asked for (the internal shippingQuote): the destination and the parcel. */
@InputType()
@Directive('@inaccessible')
export class ParcelInput {
  @Field()
  country!: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field()
  currency!: string;

  @Field(() => Int, { description: 'Minor units.' })
  subtotal!: number;

  @Field(() => Int, { nullable: true, description: 'Grams; null when a product of the parcel has no weight (WEIGHT methods are then not offered).' })
  weightGrams?: number | null;
}
