import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { ProductRef } from './product.stub';
import type { RecommendationsServices } from './recommendations.services';
import { UserRef } from './user.stub';

@Resolver()
export class RecommendationResolver {
  constructor(private readonly services: RecommendationsServices) {}

  @Query(() => [ProductRef], { description: 'Most bought (and, a tenth as much, viewed) lately, with time decay; in a category when given. Only products on sale and in stock.' })
  trendingProducts(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: '1 to 50.' }) first: number | null,
    @Arg('category', () => ID, { nullable: true }) category: string | null,
  ): Promise<ProductRef[]> {
    return this.services.recommendations.trending(ctx, first ?? 10, category ?? null);
  }

  @Query(() => Date, { nullable: true, description: 'When the recommendation model last took in an event or was rebuilt; null before the first.' })
  recommendationsUpdatedAt(@Ctx() ctx: RequestContext): Promise<Date | null> {
    return this.services.recommendations.updatedAt(ctx);
  }

  @Mutation(() => Boolean, {
    description: 'Records a view of a product page, for "customers also viewed" and trending. Anonymous callers too; TOO_MANY_REQUESTS past PRODUCT_VIEWS_PER_MINUTE per viewer.',
  })
  recordProductView(@Ctx() ctx: RequestContext, @Arg('productId', () => ID) productId: string): Promise<boolean> {
    return this.services.recommendations.recordView(ctx, productId);
  }
}

/**
 * The lists recommendations adds to the catalog's Product. Nullable, so
 * that with recommendations down a product still answers (these fields
 * null, with an error naming the subgraph).
 */
@Resolver(() => ProductRef)
export class ProductRecommendationsResolver {
  constructor(private readonly services: RecommendationsServices) {}

  @FieldResolver(() => [ProductRef], { nullable: true, description: 'Bought in the same orders as this product, most often first; trending products when there are none yet. On sale and in stock only.' })
  frequentlyBoughtTogether(
    @Ctx() ctx: RequestContext,
    @Root() product: ProductRef,
    @Arg('first', () => Int, { nullable: true, defaultValue: 4, description: '1 to 50.' }) first: number | null,
  ): Promise<ProductRef[]> {
    return this.services.recommendations.frequentlyBoughtTogether(ctx, product.id, first ?? 4);
  }

  @FieldResolver(() => [ProductRef], { nullable: true, description: 'Viewed by the same viewers within a day of this product, most often first. On sale and in stock only.' })
  customersAlsoViewed(
    @Ctx() ctx: RequestContext,
    @Root() product: ProductRef,
    @Arg('first', () => Int, { nullable: true, defaultValue: 4, description: '1 to 50.' }) first: number | null,
  ): Promise<ProductRef[]> {
    return this.services.recommendations.customersAlsoViewed(ctx, product.id, first ?? 4);
  }
}

@Resolver(() => UserRef)
export class UserRecommendationsResolver {
  constructor(private readonly services: RecommendationsServices) {}

  @FieldResolver(() => [ProductRef], {
    nullable: true,
    description: "Bought by customers who bought what this user bought, leaving out what the user owns; trending products for a new customer. The user's own (or staff). On sale and in stock only.",
  })
  recommendedProducts(
    @Ctx() ctx: RequestContext,
    @Root() user: UserRef,
    @Arg('first', () => Int, { nullable: true, defaultValue: 8, description: '1 to 50.' }) first: number | null,
  ): Promise<ProductRef[]> {
    return this.services.recommendations.recommendedFor(ctx, user.id, first ?? 8);
  }
}
