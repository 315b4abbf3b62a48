import type { AuditService } from './audit.service';
import type { CategoryService } from './category.service';
import type { ProductService } from './product.service';
import type { VariantService } from './variant.service';
import type { WebhookService } from './webhook.service';

/** What the catalog resolvers are given; apart from catalog.module.ts, which imports the resolvers. */
export interface CatalogServices {
  readonly products: ProductService;
  readonly variants: VariantService;
  readonly categories: CategoryService;
  readonly audit: AuditService;
  readonly webhooks: WebhookService;
}
