import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { connectionType, type Connection } from '../kernel/graphql-types';
import type { CatalogServices } from './catalog.module';
import { ProductEntity } from './product.entity';
import { ProductFilter } from './product.inputs';

export const ProductConnection = connectionType('Product', ProductEntity);

@Resolver(() => ProductEntity)
export class ProductResolver {
  constructor(private readonly services: CatalogServices) {}

  @Query(() => ProductEntity, { nullable: true, description: 'Null when absent or not visible to the caller.' })
  product(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ProductEntity | null> {
    return this.services.products.get(ctx, id);
  }

  @Query(() => ProductConnection, { description: 'Newest first. Customers see ACTIVE products only.' })
  products(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter: ProductFilter | null,
  ): Promise<Connection<ProductEntity>> {
    return this.services.products.list(ctx, { first: first ?? 20, after }, filter);
  }
}
