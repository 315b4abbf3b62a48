import type { FilterQuery } from '@mikro-orm/core';
import { isStaff } from '../kernel/caller';
import { byKeys, type RequestContext } from '../kernel/context';
import { containsText } from '../kernel/orm';
import { paginate, type Page, type PageArgs } from '../kernel/pagination';
import type { SubgraphDeps } from '../kernel/subgraph';
import { DEMO_PRODUCTS } from '../kernel/demo';
import { ProductEntity, ProductStatus } from './product.entity';
import type { ProductFilter } from './product.inputs';

export class ProductService {
  constructor(private readonly deps: SubgraphDeps) {}

  /** Customers and anonymous callers see ACTIVE products only; staff see all. */
  private visibility(ctx: RequestContext): FilterQuery<ProductEntity> {
    return isStaff(ctx.caller) ? {} : { status: ProductStatus.ACTIVE };
  }

  async get(ctx: RequestContext, id: string): Promise<ProductEntity | null> {
    const product = await this.load(ctx, id);
    if (!product) return null;
    return isStaff(ctx.caller) || product.status === ProductStatus.ACTIVE ? product : null;
  }

  /**
   * Batched by id for `_entities` and lookups: one query per request however
   * many products are referenced. References (an order's lines) resolve
   * whatever the status, since an archived product stays part of past orders.
   */
  load(ctx: RequestContext, id: string): Promise<ProductEntity | null> {
    return ctx.loaders
      .get<string, ProductEntity | null>('productById', async (ids) => {
        const rows = await ctx.em.find(ProductEntity, { id: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.id).map((row) => row ?? null);
      })
      .load(id);
  }

  list(ctx: RequestContext, page: PageArgs, filter: ProductFilter | null | undefined): Promise<Page<ProductEntity>> {
    const conditions: FilterQuery<ProductEntity>[] = [this.visibility(ctx)];
    if (filter?.status) conditions.push({ status: filter.status });
    const search = filter?.search?.trim();
    if (search) {
      const match = containsText(ctx.em, search);
      conditions.push({ $or: [{ name: match }, { sku: match }, { description: match }] } as FilterQuery<ProductEntity>);
    }
    return paginate(ctx.em, ProductEntity, { $and: conditions }, page, { field: 'id', direction: 'desc' });
  }

  /** Demo catalogue: inserts what is missing, by SKU, so restarts add nothing twice. */
  async seedDemo(): Promise<void> {
    const em = this.deps.orm.em.fork();
    const existing = new Set((await em.find(ProductEntity, { sku: { $in: DEMO_PRODUCTS.map((p) => p.sku) } })).map((p) => p.sku));
    for (const demo of DEMO_PRODUCTS) {
      if (existing.has(demo.sku)) continue;
      em.persist(
        Object.assign(new ProductEntity(), {
          id: demo.id,
          sku: demo.sku,
          name: demo.name,
          description: demo.description,
          priceAmount: demo.priceAmount,
          currency: demo.currency,
          status: ProductStatus.ACTIVE,
        }),
      );
    }
    await em.flush();
  }
}
