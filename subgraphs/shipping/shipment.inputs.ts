import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class ShipmentLineInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => Int)
  quantity!: number;
}

@InputType()
export class ReturnLineInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => Int)
  quantity!: number;
}
