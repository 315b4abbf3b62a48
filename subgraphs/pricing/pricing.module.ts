import type { SubgraphModule } from '../../platform/subgraph';
import { CartRef } from './cart.stub';
import { CatalogClient } from './catalog.client';
import { OrderPricingEntity } from './order-pricing.entity';
import { OrderRef } from './order.stub';
import { OrdersClient } from './orders.client';
import { PriceBookVersionEntity } from './price-book.entity';
import { PriceBookService } from './price-book.service';
import { PriceRuleEntity } from './price-rule.entity';
import { PriceRuleResolver } from './price-rule.resolver';
import { PriceRuleService } from './price-rule.service';
import { pricingReferences } from './pricing.reference';
import { CartPricingResolver, OrderPricingResolver, ProductPricingResolver } from './pricing.resolver';
import { PricingService } from './pricing.service';
import type { PricingServices } from './pricing.services';
import { ProductRef } from './product.stub';
import { CartCodeEntity, CodeUsageEntity, PromotionEntity } from './promotion.entity';
import { PromotionResolver } from './promotion.resolver';
import { PromotionService } from './promotion.service';
import { CustomerGroupEntity, PricingSettingsEntity, TaxClassEntity, TaxZoneEntity } from './tax.entity';
import { TaxResolver } from './tax.resolver';
import { TaxService } from './tax.service';
import { UsageConsumer } from './usage.consumer';

export const pricing: SubgraphModule<PricingServices> = {
  name: 'pricing',
  entities: [PriceRuleEntity, PromotionEntity, CodeUsageEntity, CartCodeEntity, TaxZoneEntity, TaxClassEntity, PricingSettingsEntity, CustomerGroupEntity, OrderPricingEntity, PriceBookVersionEntity],
  resolvers: [CartPricingResolver, OrderPricingResolver, ProductPricingResolver, PromotionResolver, PriceRuleResolver, TaxResolver],
  // Reachable only through entity references, so type-graphql must be told to emit them.
  orphanedTypes: [CartRef, OrderRef, ProductRef],
  createServices: (deps) => {
    const pricing = new PricingService(deps, new OrdersClient(deps.internal), new CatalogClient(deps.internal));
    return { pricing, promotions: new PromotionService(deps, pricing), rules: new PriceRuleService(deps), tax: new TaxService(deps), consumer: new UsageConsumer(deps), book: new PriceBookService(deps) };
  },
  seed: async (services, deps) => {
    if (deps.config.seedDemo) await services.tax.seedDemo();
  },
  referenceResolvers: () => pricingReferences(),
  // Code uses follow their orders: committed when paid, given back when cancelled or unpaid; orders priced by orders leave their breakdown here.
  background: async (services) => [await services.consumer.start()],
};
