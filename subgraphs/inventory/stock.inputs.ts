import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'One line of a stock feed: the counted units on hand of the product with this SKU.' })
export class StockLevelInput {
  @Field({ description: 'Matched ignoring case and surrounding spaces.' })
  sku!: string;

  @Field(() => Int)
  onHand!: number;
}
