import { Field, ID, InputType, Int } from 'type-graphql';
import { OrderShippingInput } from './shipping.inputs';

@InputType()
export class OrderLineInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => Int, { description: 'From 1 to 100 units.' })
  quantity!: number;
}

@InputType()
export class PlaceOrderInput {
  @Field(() => [OrderLineInput], { description: 'From 1 to 50 lines; lines for the same product are added together.' })
  lines!: OrderLineInput[];

  @Field(() => String, {
    nullable: true,
    description:
      'Up to 100 characters. Sending the same key again answers the order it placed (never a second one); the same key with other lines is a CONFLICT.',
  })
  idempotencyKey?: string | null;

  @Field(() => OrderShippingInput, { nullable: true, description: 'Where and how it ships; its price becomes the shipping line of the total. None: an order without shipping.' })
  shipping?: OrderShippingInput | null;
}
