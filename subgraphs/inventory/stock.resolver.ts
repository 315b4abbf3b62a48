import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import type { InventoryServices } from './inventory.module';
import { ProductRef } from './product.reference';
import { StockLevelEntity } from './stock.entity';

@Resolver(() => ProductRef)
export class ProductStockResolver {
  constructor(private readonly services: InventoryServices) {}

  @FieldResolver(() => StockLevelEntity)
  stock(@Ctx() ctx: RequestContext, @Root() product: ProductRef): Promise<StockLevelEntity> {
    return this.services.stock.forProduct(ctx, product.id);
  }
}
