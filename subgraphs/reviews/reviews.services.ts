import type { ModerationService } from './moderation.service';
import type { PurchaseConsumer } from './purchase.consumer';
import type { ReviewService } from './review.service';

/** What the reviews resolvers and background tasks are given (reviews.module.ts builds it). */
export interface ReviewsServices {
  readonly reviews: ReviewService;
  readonly moderation: ModerationService;
  readonly purchases: PurchaseConsumer;
}
