import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { RequestContext } from '../../platform/context';
import { ProductRef } from './product.stub';
import type { ReviewService } from './review.service';

/**
 * Products reach reviews by key only: the fields it adds are resolved from
 * the id. A Review reference (node(id)) answers as review(id) does, batched.
 */
export function reviewsReferences(reviews: ReviewService): GraphQLResolverMap<RequestContext> {
  return {
    Product: {
      __resolveReference: (reference: { id: string }) => ProductRef.of(reference.id),
    },
    Review: {
      __resolveReference: (reference: { id: string }, ctx: RequestContext) => reviews.get(ctx, reference.id),
    },
  };
}
