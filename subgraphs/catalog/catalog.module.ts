import type { SubgraphModule } from '../kernel/subgraph';
import { ProductEntity } from './product.entity';
import { productReference } from './product.reference';
import { ProductResolver } from './product.resolver';
import { ProductService } from './product.service';

export interface CatalogServices {
  readonly products: ProductService;
}

export const catalog: SubgraphModule<CatalogServices> = {
  name: 'catalog',
  entities: [ProductEntity],
  resolvers: [ProductResolver],
  createServices: (deps) => ({ products: new ProductService(deps) }),
  referenceResolvers: (services) => productReference(services.products),
  seed: async (services, deps) => {
    if (deps.config.seedDemo) await services.products.seedDemo();
  },
};
