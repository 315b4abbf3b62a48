import type { SubgraphModule } from '../../platform/subgraph';
import { AuditEntryEntity } from './audit.entity';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { CategoryEntity } from './category.entity';
import { CategoryResolver } from './category.resolver';
import { CategoryService } from './category.service';
import { ProductEntity } from './product.entity';
import { productReference } from './product.reference';
import { ProductResolver } from './product.resolver';
import { ProductService } from './product.service';
import { SkuResolver } from './sku.resolver';
import type { CatalogServices } from './catalog.services';

export const catalog: SubgraphModule<CatalogServices> = {
  name: 'catalog',
  entities: [ProductEntity, CategoryEntity, AuditEntryEntity],
  resolvers: [ProductResolver, SkuResolver, CategoryResolver, AuditResolver],
  createServices: (deps) => {
    const audit = new AuditService(deps);
    const categories = new CategoryService(deps, audit);
    return { audit, categories, products: new ProductService(deps, categories, audit) };
  },
  referenceResolvers: (services) => productReference(services.products),
  seed: async (services, deps) => {
    await services.products.backfillSkuKeys();
    if (!deps.config.seedDemo) return;
    await services.categories.seedDemo();
    await services.products.seedDemo();
  },
  // Stock changes are audited by inventory and arrive here as audit.recorded events.
  background: async (services) => [await services.audit.startConsuming()],
};
