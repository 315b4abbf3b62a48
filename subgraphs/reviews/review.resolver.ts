import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { ConnectionArgs, connectionType, type Connection } from '../../platform/graphql-types';
import { ProductRef } from './product.stub';
import { ProductRatingEntity } from './rating.entity';
import { ReviewEntity, ReviewStatus } from './review.entity';
import { ReviewContentInput, ReviewSort, WriteReviewInput } from './review.inputs';
import type { ReviewsServices } from './reviews.services';

export const ReviewConnection = connectionType('Review', ReviewEntity);

@Resolver(() => ReviewEntity)
export class ReviewResolver {
  constructor(private readonly services: ReviewsServices) {}

  @Query(() => ReviewEntity, { nullable: true, description: 'A published review; a held or hidden one only for its author and staff (null otherwise).' })
  review(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ReviewEntity | null> {
    return this.services.reviews.get(ctx, id);
  }

  @Authorized('AGENT', 'ADMIN')
  @Query(() => ReviewConnection, { description: 'Reviews in one status (PENDING: waiting for approval), most reported first, then newest.' })
  reviewsToModerate(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => ReviewStatus, { defaultValue: ReviewStatus.PENDING }) status: ReviewStatus,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ): Promise<Connection<ReviewEntity>> {
    return this.services.moderation.queue(ctx, status, page);
  }

  @Authorized()
  @Mutation(() => ReviewEntity, {
    description:
      'Reviews a product the caller received (a delivered order): FORBIDDEN with reason NOT_A_VERIFIED_BUYER otherwise, CONFLICT with reason REVIEW_EXISTS for a second review. PUBLISHED at once, or PENDING when moderation needs approval or the filter holds it (heldFor says why).',
  })
  writeReview(@Ctx() ctx: RequestContext, @Arg('input', () => WriteReviewInput) input: WriteReviewInput): Promise<ReviewEntity> {
    return this.services.reviews.write(ctx, input.productId, input);
  }

  @Authorized()
  @Mutation(() => ReviewEntity, { description: "The author's new version, checked and filtered like a new review; a hidden review stays hidden." })
  editReview(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => ReviewContentInput) input: ReviewContentInput): Promise<ReviewEntity> {
    return this.services.reviews.edit(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => ReviewEntity, { description: "One vote per customer per published review, not one's own; voting again changes nothing." })
  markReviewHelpful(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ReviewEntity> {
    return this.services.reviews.markHelpful(ctx, id);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Reports a published review to staff (once per customer); true when recorded.' })
  reportReview(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String, { description: '1 to 200 characters.' }) reason: string): Promise<boolean> {
    return this.services.reviews.report(ctx, id, reason);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ReviewEntity, { description: 'PENDING → PUBLISHED; CONFLICT from any other status. Audited.' })
  approveReview(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ReviewEntity> {
    return this.services.moderation.approve(ctx, id);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ReviewEntity, { description: 'PENDING or PUBLISHED → HIDDEN: no longer shown nor counted in the rating. Audited with the reason.' })
  hideReview(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String, { description: '1 to 200 characters.' }) reason: string): Promise<ReviewEntity> {
    return this.services.moderation.hide(ctx, id, reason);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ReviewEntity, { description: 'HIDDEN → PUBLISHED. Audited.' })
  restoreReview(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ReviewEntity> {
    return this.services.moderation.restore(ctx, id);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ReviewEntity, { description: "The shop's public answer (1 to 5,000 characters of plain text); replaces an earlier one. Audited." })
  replyToReview(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('body', () => String) body: string): Promise<ReviewEntity> {
    return this.services.moderation.reply(ctx, id, body);
  }
}

/**
 * The fields reviews adds to the catalog's Product. Both are nullable so
 * that, with reviews down, a product still answers (these fields null, with
 * an error naming the subgraph).
 */
@Resolver(() => ProductRef)
export class ProductReviewsResolver {
  constructor(private readonly services: ReviewsServices) {}

  @FieldResolver(() => ProductRatingEntity, { nullable: true, description: 'Over the published reviews, kept up to date as reviews change. Batched across a page of products.' })
  rating(@Ctx() ctx: RequestContext, @Root() product: ProductRef): Promise<ProductRatingEntity> {
    return this.services.reviews.ratingOf(ctx, product.id);
  }

  @FieldResolver(() => ReviewConnection, { nullable: true, description: "The published reviews, a page at a time (10 unless first or last says otherwise; a product's own page: one query per product)." })
  reviews(
    @Ctx() ctx: RequestContext,
    @Root() product: ProductRef,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('sort', () => ReviewSort, { defaultValue: ReviewSort.NEWEST }) sort: ReviewSort,
  ): Promise<Connection<ReviewEntity>> {
    return this.services.reviews.reviewsOf(ctx, product.id, { ...page, defaultSize: 10 }, sort);
  }
}
