import type { CatalogClient } from './catalog.client';
import type { ModelConsumer } from './model.consumer';
import type { ModelLedger } from './model.ledger';
import type { RecommendationService } from './recommendation.service';

/** What the recommendations resolvers, background tasks and the rebuild command are given (recommendations.module.ts builds it). */
export interface RecommendationsServices {
  readonly recommendations: RecommendationService;
  readonly model: ModelLedger;
  readonly consumer: ModelConsumer;
  /** Catalog's products as recommendations reads them, through a copy kept current by catalog's notices. */
  readonly catalog: CatalogClient;
}
