import type { SubgraphModule } from '../../platform/subgraph';
import { CatalogClient } from './catalog.client';
import { PurchaseEntity, ViewEntity } from './history.entity';
import { InventoryClient } from './inventory.client';
import { ModelConsumer } from './model.consumer';
import { ModelStateEntity, PairEntity, ProductFactsEntity, TrendEntity } from './model.entity';
import { ModelLedger } from './model.ledger';
import { recommendationsReferences } from './product.reference';
import { ProductRef } from './product.stub';
import { ProductRecommendationsResolver, RecommendationResolver, UserRecommendationsResolver } from './recommendation.resolver';
import { RecommendationService } from './recommendation.service';
import type { RecommendationsServices } from './recommendations.services';
import { UserRef } from './user.stub';

export const recommendations: SubgraphModule<RecommendationsServices> = {
  name: 'recommendations',
  entities: [PurchaseEntity, ViewEntity, PairEntity, TrendEntity, ProductFactsEntity, ModelStateEntity],
  resolvers: [RecommendationResolver, ProductRecommendationsResolver, UserRecommendationsResolver],
  orphanedTypes: [ProductRef, UserRef],
  createServices: (deps) => {
    const catalog = new CatalogClient(deps.internal, { pubsub: deps.pubsub, metrics: deps.metrics, ...deps.config.catalogCopy });
    const model = new ModelLedger(deps.db, deps.clock, deps.config.recommendations.trendingHalfLifeHours);
    return {
      recommendations: new RecommendationService(deps, catalog, new InventoryClient(deps.internal)),
      model,
      consumer: new ModelConsumer(deps, model, catalog),
      catalog,
    };
  },
  referenceResolvers: () => recommendationsReferences(),
  // Paid orders and product views keep the model up to date; catalog's notices keep the copy of its products current.
  background: async (services) => [await services.consumer.start(), await services.catalog.start()],
};
