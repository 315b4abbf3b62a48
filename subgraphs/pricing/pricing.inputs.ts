import { Directive, Field, ID, InputType, Int } from 'type-graphql';
import { PriceRuleKind } from './price-rule.entity';
import { PromotionKind } from './promotion.entity';

@InputType()
export class PriceRuleInput {
  @Field(() => PriceRuleKind)
  kind!: PriceRuleKind;

  @Field(() => ID, { nullable: true, description: 'A variant id (that variant only) or a product id (every variant of the product; its default variant has its id).' })
  variantId?: string | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field({ description: 'ISO 4217.' })
  currency!: string;

  @Field(() => Int, { nullable: true, description: 'The unit price it sets (minor units, 0 or more); or percentOff.' })
  amount?: number | null;

  @Field(() => Int, { nullable: true, description: '1 to 100; or amount.' })
  percentOff?: number | null;

  @Field(() => String, { nullable: true, description: 'GROUP: the customer group (setCustomerGroup).' })
  customerGroup?: string | null;

  @Field(() => Int, { nullable: true, description: 'TIER: the least quantity of the line (2 or more).' })
  minQuantity?: number | null;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive; after startsAt.' })
  endsAt?: Date | null;
}

@InputType()
export class PromotionInput {
  @Field({ description: '1 to 100 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'A discount code (4 to 40 letters, digits, - or _; matched case-insensitively, unique); none: automatic.' })
  code?: string | null;

  @Field(() => PromotionKind)
  kind!: PromotionKind;

  @Field(() => Int, { nullable: true, description: 'PERCENTAGE: 1 to 100. FIXED: minor units, 1 or more.' })
  value?: number | null;

  @Field({ description: 'ISO 4217: carts in another currency are refused the code (DISCOUNT_WRONG_CURRENCY).' })
  currency!: string;

  @Field(() => ID, { nullable: true, description: 'A variant id (that variant only) or a product id (every variant of the product).' })
  variantId?: string | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => Int, { nullable: true })
  buyQuantity?: number | null;

  @Field(() => Int, { nullable: true })
  getQuantity?: number | null;

  @Field(() => Int, { nullable: true })
  minSubtotal?: number | null;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true })
  usageLimit?: number | null;

  @Field(() => Int, { nullable: true })
  perCustomerLimit?: number | null;

  @Field({ nullable: true, defaultValue: true })
  stackable?: boolean;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  priority?: number;
}

@InputType()
export class TaxZoneInput {
  @Field()
  name!: string;

  @Field(() => [String])
  countries!: string[];

  @Field(() => [String], { nullable: true })
  regions?: string[] | null;

  @Field(() => Int, { description: 'Basis points (2000 = 20%), 0 to 10000.' })
  standardRate!: number;

  @Field(() => Int)
  reducedRate!: number;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  zeroRate?: number;
}

@InputType()
export class PricingSettingsInput {
  @Field({ nullable: true })
  pricesIncludeTax?: boolean;

  @Field({ nullable: true })
  defaultCountry?: string;
}

@InputType()
@Directive('@inaccessible')
export class PriceOrderLineInput {
  @Field(() => ID, { description: "The variant's product: its categories and tax class apply." })
  productId!: string;

  @Field(() => ID, { nullable: true, description: "The variant sold (a rule may target it or its product); absent: the product's default variant, whose id is the product's." })
  variantId?: string | null;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int)
  unitPrice!: number;
}

@InputType()
@Directive('@inaccessible')
export class PriceOrderInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => ID)
  customerId!: string;

  @Field()
  currency!: string;

  @Field(() => [PriceOrderLineInput])
  lines!: PriceOrderLineInput[];

  @Field(() => Int, { nullable: true })
  shipping?: number | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field()
  withCartCodes!: boolean;

  @Field(() => Int, { nullable: true })
  expectedTotal?: number | null;
}
