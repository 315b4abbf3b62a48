import { Directive, Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Lines for the same product are added together.' })
@Directive('@inaccessible')
export class ReservationLineInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => Int)
  quantity!: number;
}
