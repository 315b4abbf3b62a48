import { Arg, FieldResolver, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import { servedByGateway } from '../../platform/subscriptions';
import { StockLevelEntity } from './stock.entity';

@Resolver(() => StockLevelEntity)
export class StockSubscriptionResolver {
  @Subscription(() => StockLevelEntity, {
    subscribe: servedByGateway,
    description:
      'Current stock of each product first, then one message per change of any of them. Anyone may watch. Served by the gateway over graphql-ws.',
  })
  stockLevelChanged(@Root() level: StockLevelEntity, @Arg('productIds', () => [ID]) _productIds: string[]): StockLevelEntity {
    return level;
  }

  /** Increases with every change; live updates use it to drop stale states. */
  @FieldResolver(() => Int)
  version(@Root() level: StockLevelEntity): number {
    return level.version;
  }
}
