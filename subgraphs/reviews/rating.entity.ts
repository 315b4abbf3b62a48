import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { RATINGS, type RatingCounts } from './rating.rules';

@ObjectType('RatingCount')
export class RatingCount {
  @Field(() => Int, { description: '1 to 5.' })
  rating!: number;

  @Field(() => Int)
  count!: number;
}

/**
 * A product's rating over its published reviews, kept up to date by every
 * change of a review (never recomputed per request). Written only by
 * RatingLedger, with a compare-and-set on `version`.
 */
@Entity({ tableName: 'product_ratings' })
@ObjectType('ProductRating', { description: 'Over the published reviews only.' })
export class ProductRatingEntity implements RatingCounts {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  productId!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Published reviews.' })
  count = 0;

  /** Sum of the published ratings; average = sum / count. */
  @Property({ type: 'integer' })
  sum = 0;

  /** Published reviews per rating, index 0 for 1 star to 4 for 5 stars. */
  @Property({ type: 'json' })
  stars: number[] = [0, 0, 0, 0, 0];

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Increases with every change; live updates use it to drop stale states.' })
  version = 0;

  @Field(() => Float, { nullable: true, description: 'Rounded to two decimals; null without published reviews.' })
  get average(): number | null {
    return this.count === 0 ? null : Math.round((this.sum / this.count) * 100) / 100;
  }

  @Field(() => [RatingCount], { description: 'One entry per rating from 5 down to 1, zeros included.' })
  get distribution(): RatingCount[] {
    return [...RATINGS].reverse().map((rating) => Object.assign(new RatingCount(), { rating, count: this.stars[rating - 1] ?? 0 }));
  }

  static empty(productId: string): ProductRatingEntity {
    return Object.assign(new ProductRatingEntity(), { productId });
  }
}
