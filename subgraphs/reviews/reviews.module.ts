import type { SubgraphModule } from '../../platform/subgraph';
import { ModerationService } from './moderation.service';
import { reviewsReferences } from './product.reference';
import { ProductRef } from './product.stub';
import { PurchaseConsumer } from './purchase.consumer';
import { VerifiedPurchaseEntity } from './purchase.entity';
import { ProductRatingEntity } from './rating.entity';
import { RatingSubscriptionResolver } from './rating.subscription';
import { HelpfulVoteEntity, ReviewEntity, ReviewReportEntity } from './review.entity';
import { ReviewLedger } from './review.ledger';
import { ProductReviewsResolver, ReviewResolver } from './review.resolver';
import { ReviewService } from './review.service';
import type { ReviewsServices } from './reviews.services';

export const reviews: SubgraphModule<ReviewsServices> = {
  name: 'reviews',
  entities: [ReviewEntity, ProductRatingEntity, HelpfulVoteEntity, ReviewReportEntity, VerifiedPurchaseEntity],
  resolvers: [ReviewResolver, ProductReviewsResolver, RatingSubscriptionResolver],
  orphanedTypes: [ProductRef],
  createServices: (deps) => {
    const ledger = new ReviewLedger(deps);
    return { reviews: new ReviewService(deps, ledger), moderation: new ModerationService(deps, ledger), purchases: new PurchaseConsumer(deps) };
  },
  referenceResolvers: (services) => reviewsReferences(services.reviews),
  // Delivered orders make verified purchases.
  background: async (services) => [await services.purchases.start()],
};
