import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { ReviewContent } from './review.rules';

export enum ReviewSort {
  NEWEST = 'NEWEST',
  HELPFUL = 'HELPFUL',
  RATING = 'RATING',
}
registerEnumType(ReviewSort, {
  name: 'ReviewSort',
  description: 'Order of a product’s reviews; ties are broken by id, so paging is stable.',
  valuesConfig: { NEWEST: { description: 'Most recently written first.' }, HELPFUL: { description: 'Most helpful votes first.' }, RATING: { description: 'Highest rating first.' } },
});

@InputType({ description: 'Title and body are plain text: HTML is kept as written and never rendered.' })
export class ReviewContentInput implements ReviewContent {
  @Field(() => Int, { description: '1 to 5.' })
  rating!: number;

  @Field({ description: '1 to 120 characters.' })
  title!: string;

  @Field({ description: 'Up to 5,000 characters.' })
  body!: string;

  @Field(() => [String], { nullable: true, description: 'Up to 6 https URLs of photos.' })
  media?: string[] | null;
}

@InputType()
export class WriteReviewInput extends ReviewContentInput {
  @Field(() => ID)
  productId!: string;
}
