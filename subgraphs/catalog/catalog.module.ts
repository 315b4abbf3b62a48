import type { SubgraphModule } from '../../platform/subgraph';
import { AuditEntryEntity } from './audit.entity';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { CategoryEntity } from './category.entity';
import { CategoryResolver } from './category.resolver';
import { CategoryService } from './category.service';
import { ProductEntity } from './product.entity';
import { catalogReferences } from './catalog.reference';
import { ProductResolver } from './product.resolver';
import { ProductService } from './product.service';
import { SkuResolver } from './sku.resolver';
import { ProductVariantEntity } from './variant.entity';
import { VariantResolver } from './variant.resolver';
import { VariantService } from './variant.service';
import type { CatalogServices } from './catalog.services';
import { WebhookDeliveryEntity, WebhookEndpointEntity, WebhookEventEntity } from './webhook.entity';
import { WebhookResolver } from './webhook.resolver';
import { WebhookService } from './webhook.service';

export const catalog: SubgraphModule<CatalogServices> = {
  name: 'catalog',
  entities: [ProductEntity, ProductVariantEntity, CategoryEntity, AuditEntryEntity, WebhookEndpointEntity, WebhookEventEntity, WebhookDeliveryEntity],
  resolvers: [ProductResolver, VariantResolver, SkuResolver, CategoryResolver, AuditResolver, WebhookResolver],
  createServices: (deps) => {
    const audit = new AuditService(deps);
    const categories = new CategoryService(deps, audit);
    const variants = new VariantService(deps, audit);
    return { audit, categories, variants, products: new ProductService(deps, categories, audit, variants), webhooks: new WebhookService(deps, audit) };
  },
  referenceResolvers: (services) => catalogReferences(services),
  seed: async (services, deps) => {
    await services.products.backfillSkuKeys();
    await services.webhooks.rekey();
    if (deps.config.seedDemo) {
      await services.categories.seedDemo();
      await services.products.seedDemo();
    }
    // After the demo products, which get their default variants here too.
    await services.variants.ensureDefaultVariants();
  },
  // Stock changes are audited by inventory and arrive here as audit.recorded events.
  // Webhooks out live here: see README "Webhooks out" for why catalog hosts them.
  background: async (services) => [await services.audit.startConsuming(), await services.webhooks.startConsuming(), services.webhooks.startDispatching(), services.webhooks.startPruning()],
};
