import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderStatus } from './order.entity';
import { OrderShippingInput } from './shipping.inputs';

@InputType({ description: 'A product sold as one variant (productId alone), or a variant (variantId; productId then names its product).' })
export class OrderLineInput {
  @Field(() => ID, { description: 'The product, or a variant\'s id. A product sold in several variants needs variantId (BAD_USER_INPUT, reason VARIANT_REQUIRED).' })
  productId!: string;

  @Field(() => ID, { nullable: true, description: 'The variant ordered; must be a variant of productId.' })
  variantId?: string | null;

  @Field(() => Int, { description: 'From 1 to 100 units.' })
  quantity!: number;
}

@InputType()
export class PlaceOrderInput {
  @Field(() => [OrderLineInput], { description: 'From 1 to 50 lines; lines for the same product or variant are added together.' })
  lines!: OrderLineInput[];

  @Field(() => String, {
    nullable: true,
    description:
      'Up to 100 characters. Sending the same key again answers the order it placed (never a second one); the same key with other lines is a CONFLICT.',
  })
  idempotencyKey?: string | null;

  @Field(() => OrderShippingInput, { nullable: true, description: 'Where and how it ships; its price becomes the shipping line of the total. None: an order without shipping.' })
  shipping?: OrderShippingInput | null;

  @Field(() => Int, { nullable: true, description: 'The total (minor units) the client showed; a different priced total is refused with PRICE_CHANGED (extensions.totals) and nothing is held.' })
  expectedTotal?: number | null;
}

export enum OrderSort {
  NEWEST = 'NEWEST',
  OLDEST = 'OLDEST',
  TOTAL_DESC = 'TOTAL_DESC',
  TOTAL_ASC = 'TOTAL_ASC',
}
registerEnumType(OrderSort, {
  name: 'OrderSort',
  description: 'Order of a staff order listing; ties are broken by id, so paging is stable.',
  valuesConfig: {
    NEWEST: { description: 'Most recently placed first.' },
    TOTAL_DESC: { description: 'By total in minor units, whatever the currency.' },
    TOTAL_ASC: { description: 'By total in minor units, whatever the currency.' },
  },
});

@InputType({ description: 'A time range; either end may be left open.' })
export class DateRangeInput {
  @Field(() => Date, { nullable: true, description: 'Inclusive.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive.' })
  to?: Date | null;
}

@InputType({ description: 'Every condition given must hold.' })
export class OrderFilter {
  @Field(() => [OrderStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: OrderStatus[] | null;

  @Field(() => ID, { nullable: true, description: "The customer's user id (find it with users(search:))." })
  customer?: string | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'When the order was placed.' })
  placedBetween?: DateRangeInput | null;

  @Field(() => ID, { nullable: true, description: 'Orders with a line of this product.' })
  productId?: string | null;

  @Field(() => String, { nullable: true, description: "Part of the order id, or of the customer's email or name (ignoring case)." })
  search?: string | null;
}

@InputType({ description: 'Which order changes a board follows; every condition given must hold.' })
export class OrderChangeFilter {
  @Field(() => [OrderStatus], { nullable: true, description: 'Orders now in any of these statuses.' })
  status?: OrderStatus[] | null;

  @Field(() => ID, { nullable: true, description: "The customer's user id." })
  customer?: string | null;

  @Field(() => ID, { nullable: true, description: 'Orders with a line of this product.' })
  productId?: string | null;
}
