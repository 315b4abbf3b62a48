import { byKeys, type RequestContext } from '../kernel/context';
import { DEMO_PRODUCTS } from '../kernel/demo';
import type { SubgraphDeps } from '../kernel/subgraph';
import { StockLevelEntity } from './stock.entity';

export class StockService {
  constructor(private readonly deps: SubgraphDeps) {}

  /** Batched: the stock of a whole page of products costs one query. */
  forProduct(ctx: RequestContext, productId: string): Promise<StockLevelEntity> {
    return ctx.loaders
      .get<string, StockLevelEntity>('stockByProductId', async (ids) => {
        const rows = await ctx.em.find(StockLevelEntity, { productId: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.productId).map((row, i) => row ?? StockLevelEntity.empty(ids[i]));
      })
      .load(productId);
  }

  /** Demo stock: only for products inventory has no row for yet. */
  async seedDemo(): Promise<void> {
    const em = this.deps.orm.em.fork();
    const existing = new Set((await em.find(StockLevelEntity, { productId: { $in: DEMO_PRODUCTS.map((p) => p.id) } })).map((s) => s.productId));
    for (const demo of DEMO_PRODUCTS) {
      if (!existing.has(demo.id)) em.persist(Object.assign(new StockLevelEntity(), { productId: demo.id, onHand: demo.onHand }));
    }
    await em.flush();
  }
}
