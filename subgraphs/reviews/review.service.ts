import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { isStaff } from '../../platform/caller';
import { checkId, requiredReason } from '../../platform/checks';
import { byKeys, type RequestContext } from '../../platform/context';
import { appError, conflict, forbidden, notFound, unauthenticated } from '../../platform/errors';
import { paginate, type Page, type PageArgs, type SortSpec } from '../../platform/pagination';
import type { SubgraphDeps } from '../../platform/subgraph';
import { VerifiedPurchaseEntity } from './purchase.entity';
import { ProductRatingEntity } from './rating.entity';
import { HelpfulVoteEntity, ReviewEntity, ReviewReportEntity, ReviewStatus } from './review.entity';
import { ReviewSort } from './review.inputs';
import type { ReviewLedger, ReviewUnit } from './review.ledger';
import { checkContent, holdReason, statusFor, type ReviewContent } from './review.rules';

const SORTS: Readonly<Record<ReviewSort, SortSpec<ReviewEntity>>> = {
  [ReviewSort.NEWEST]: { field: 'createdAt', direction: 'desc' },
  [ReviewSort.HELPFUL]: { field: 'helpfulCount', direction: 'desc' },
  [ReviewSort.RATING]: { field: 'rating', direction: 'desc' },
};

/** The logged-in customer's id. */
export function customerIdOf(ctx: Pick<RequestContext, 'caller'>): string {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller.userId;
}

/** What customers do with reviews: read, write, edit, vote, report. */
export class ReviewService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly ledger: ReviewLedger,
  ) {}

  /** Batched: the ratings of a whole page of products cost one query. */
  ratingOf(ctx: RequestContext, productId: string): Promise<ProductRatingEntity> {
    return ctx.loaders
      .get<string, ProductRatingEntity>('ratingByProductId', async (ids) => {
        const rows = await ctx.em.find(ProductRatingEntity, { productId: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.productId).map((row, i) => row ?? ProductRatingEntity.empty(ids[i]));
      })
      .load(productId);
  }

  /** A product's published reviews, a page at a time. */
  reviewsOf(ctx: RequestContext, productId: string, page: PageArgs, sort: ReviewSort): Promise<Page<ReviewEntity>> {
    return paginate(ctx.em, ReviewEntity, { productId, status: ReviewStatus.PUBLISHED }, page, SORTS[sort]);
  }

  /** A published review to anyone; a held or hidden one to its author and staff only. */
  async get(ctx: RequestContext, id: string): Promise<ReviewEntity | null> {
    const review = await ctx.loaders
      .get<string, ReviewEntity | null>('reviewById', async (ids) => {
        const rows = await ctx.em.find(ReviewEntity, { id: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.id).map((row) => row ?? null);
      })
      .load(checkId(id, 'id'));
    if (!review) return null;
    const visible = review.status === ReviewStatus.PUBLISHED || review.customerId === ctx.caller?.userId || isStaff(ctx.caller);
    return visible ? review : null;
  }

  /**
   * A verified buyer's review of a product: published at once, or held
   * (PENDING) when moderation needs approval or the filter finds a link or a
   * blocked word. Refused, with nothing written, for anyone who did not
   * receive the product and for a second review of it.
   */
  async write(ctx: RequestContext, productId: string, input: ReviewContent): Promise<ReviewEntity> {
    const customerId = customerIdOf(ctx);
    checkId(productId, 'productId');
    const content = checkContent(input);
    const heldFor = holdReason(content, this.deps.config.reviews.blockedWords);
    try {
      return await this.ledger.write(async (unit) => {
        if (!(await unit.em.findOne(VerifiedPurchaseEntity, { customerId, productId }))) {
          throw appError('FORBIDDEN', 'Only customers who received this product may review it', { reason: 'NOT_A_VERIFIED_BUYER', field: 'productId' });
        }
        const existing = await unit.find({ customerId, productId });
        if (existing) throw reviewExists(existing.id);
        const now = this.deps.clock.now();
        const review = Object.assign(new ReviewEntity(), {
          productId,
          customerId,
          ...content,
          status: statusFor(this.deps.config.reviews.moderation, heldFor),
          heldFor,
          createdAt: now,
          updatedAt: now,
        });
        await unit.add(review);
        if (heldFor) held(unit, review, null);
        return review;
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      // The same customer's concurrent review of the product came first.
      const other = await this.deps.db.read((em) => em.findOne(ReviewEntity, { customerId, productId }));
      throw other ? reviewExists(other.id) : error;
    }
  }

  /**
   * The author's new version of their review, checked and filtered like a
   * new one; the rating follows. A review staff hid stays hidden.
   */
  edit(ctx: RequestContext, id: string, input: ReviewContent): Promise<ReviewEntity> {
    const customerId = customerIdOf(ctx);
    const content = checkContent(input);
    const heldFor = holdReason(content, this.deps.config.reviews.blockedWords);
    return this.ledger.write(async (unit) => {
      const review = await unit.find({ id: checkId(id, 'id') });
      if (!review || review.customerId !== customerId) throw notFound('Review', id);
      const status = review.status === ReviewStatus.HIDDEN ? ReviewStatus.HIDDEN : statusFor(this.deps.config.reviews.moderation, heldFor);
      const before = { status: review.status };
      await unit.change(review, { ...content, status, heldFor });
      if (heldFor && before.status !== status) held(unit, review, before);
      return review;
    });
  }

  /** One "helpful" vote per customer per published review, never for one's own; voting again changes nothing. */
  async markHelpful(ctx: RequestContext, id: string): Promise<ReviewEntity> {
    const customerId = customerIdOf(ctx);
    try {
      return await this.ledger.write(async (unit) => {
        const review = await this.publishedForCustomer(unit, id, customerId);
        if (await unit.em.findOne(HelpfulVoteEntity, { reviewId: review.id, customerId })) return review;
        await unit.em.insert(Object.assign(new HelpfulVoteEntity(), { reviewId: review.id, customerId }));
        return unit.change(review, { helpfulCount: review.helpfulCount + 1 });
      });
    } catch (error) {
      // The same customer's concurrent vote came first: the vote stands, once.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      return this.deps.db.read(async (em) => em.findOneOrFail(ReviewEntity, { id }));
    }
  }

  /** A customer's abuse report (one per customer per review), counted on the review and audited for staff. */
  async report(ctx: RequestContext, id: string, reason: string): Promise<boolean> {
    const customerId = customerIdOf(ctx);
    const why = requiredReason(reason);
    try {
      await this.ledger.write(async (unit) => {
        const review = await this.publishedForCustomer(unit, id, customerId);
        if (await unit.em.findOne(ReviewReportEntity, { reviewId: review.id, customerId })) return;
        await unit.em.insert(Object.assign(new ReviewReportEntity(), { reviewId: review.id, customerId, reason: why, at: this.deps.clock.now() }));
        await unit.change(review, { reportCount: review.reportCount + 1 });
        unit.audit(ctx.caller, { action: 'review.reported', entityType: 'Review', entityId: review.id, reason: why, before: null, after: { reportCount: review.reportCount } });
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
    return true;
  }

  /** A published review someone else wrote: what a customer may vote for or report. */
  private async publishedForCustomer(unit: ReviewUnit, id: string, customerId: string): Promise<ReviewEntity> {
    const review = await unit.find({ id: checkId(id, 'id') });
    if (!review || review.status !== ReviewStatus.PUBLISHED) throw notFound('Review', id);
    if (review.customerId === customerId) throw forbidden('You cannot vote for or report your own review');
    return review;
  }
}

function reviewExists(reviewId: string) {
  return conflict('You have reviewed this product already: edit that review instead', { reason: 'REVIEW_EXISTS', reviewId });
}

/** The filter's hold, audited as a moderation step of the service itself. */
function held(unit: ReviewUnit, review: ReviewEntity, before: { status: ReviewStatus } | null): void {
  unit.audit(null, { action: 'review.held', entityType: 'Review', entityId: review.id, reason: review.heldFor, before, after: { status: review.status } });
}
