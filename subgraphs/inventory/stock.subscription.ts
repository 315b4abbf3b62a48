import { Arg, FieldResolver, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import { servedByGateway } from '../../platform/subscriptions';
import { StockLevelEntity } from './stock.entity';

@Resolver(() => StockLevelEntity)
export class StockSubscriptionResolver {
  @Subscription(() => StockLevelEntity, {
    subscribe: servedByGateway,
    description:
      "Current stock of each product or variant first, then one message per change of any of them. A product's id delivers the product's sum over its variants (Product.stock), a variant's id that variant's own levels (variantId set). Anyone may watch. Served by the gateway over graphql-ws.",
  })
  stockLevelChanged(
    @Root() level: StockLevelEntity,
    @Arg('productIds', () => [ID], { description: 'Product ids and variant ids, in any mix.' }) _productIds: string[],
  ): StockLevelEntity {
    return level;
  }

  /** Increases with every change; live updates use it to drop stale states. */
  @FieldResolver(() => Int)
  version(@Root() level: StockLevelEntity): number {
    return level.version;
  }
}
