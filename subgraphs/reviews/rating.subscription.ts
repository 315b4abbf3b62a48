import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { servedByGateway } from '../../platform/subscriptions';
import { ProductRatingEntity } from './rating.entity';

@Resolver(() => ProductRatingEntity)
export class RatingSubscriptionResolver {
  @Subscription(() => ProductRatingEntity, {
    subscribe: servedByGateway,
    description: "The product's current rating first, then one message per change (a review published, edited, hidden or restored). Anyone may watch. Served by the gateway over graphql-ws.",
  })
  productRatingChanged(@Root() rating: ProductRatingEntity, @Arg('productId', () => ID) _productId: string): ProductRatingEntity {
    return rating;
  }
}
