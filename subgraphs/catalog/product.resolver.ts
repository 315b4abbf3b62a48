import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { ConnectionArgs, connectionType, type Connection } from '../../platform/graphql-types';
import type { CatalogServices } from './catalog.services';
import { CategoryEntity } from './category.entity';
import { ProductEntity } from './product.entity';
import { CreateProductInput, ProductFilter, ProductSort, UpdateProductInput, UpsertProductInput } from './product.inputs';
import { UpsertProductResult } from './product.results';
import { MAX_UPSERT_ITEMS } from './product.rules';
import { ProductVariantEntity } from './variant.entity';

export const ProductConnection = connectionType('Product', ProductEntity);

@Resolver(() => ProductEntity)
export class ProductResolver {
  constructor(private readonly services: CatalogServices) {}

  @Query(() => ProductEntity, {
    nullable: true,
    description: 'By id or by SKU (ignoring case), exactly one of them (BAD_USER_INPUT otherwise). Null when absent or not visible to the caller.',
  })
  product(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('sku', () => String, { nullable: true }) sku: string | null,
  ): Promise<ProductEntity | null> {
    return this.services.products.find(ctx, id ?? null, sku ?? null);
  }

  @Query(() => ProductConnection, { description: 'Customers and anonymous callers see ACTIVE products only; agents and admins see all.' })
  products(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter: ProductFilter | null,
    @Arg('sort', () => ProductSort, { defaultValue: ProductSort.NEWEST, nullable: true, description: 'A cursor only continues the sort it came from.' })
    sort: ProductSort | null,
  ): Promise<Connection<ProductEntity>> {
    return this.services.products.list(ctx, page, filter, sort ?? ProductSort.NEWEST);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ProductEntity, { description: 'CONFLICT (field "sku") when the SKU is taken.' })
  createProduct(@Ctx() ctx: RequestContext, @Arg('input', () => CreateProductInput) input: CreateProductInput): Promise<ProductEntity> {
    return this.services.products.create(ctx, input);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ProductEntity, { description: 'Changes the given fields of one product (omitted fields stay as they are); NOT_FOUND for an unknown id.' })
  updateProduct(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateProductInput) input: UpdateProductInput): Promise<ProductEntity> {
    return this.services.products.update(ctx, id, input);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ProductEntity, { description: 'Sets the status to ARCHIVED: hidden from customers, still part of past orders.' })
  archiveProduct(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ProductEntity> {
    return this.services.products.archive(ctx, id);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => [UpsertProductResult], {
    description: `Creates or updates up to ${MAX_UPSERT_ITEMS} products by SKU (ignoring case), with one result per item listing every violation (a bad item does not stop the others). Only the fields given change. Idempotent: repeating a call changes nothing. More items are refused whole (BAD_USER_INPUT).`,
  })
  upsertProducts(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => [UpsertProductInput]) input: UpsertProductInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: false, nullable: true, description: 'Answer the results (every violation of every item, what would be created or updated) and write nothing.' })
    dryRun: boolean | null,
  ): Promise<UpsertProductResult[]> {
    return this.services.products.upsert(ctx, input, dryRun ?? false);
  }

  @FieldResolver(() => [CategoryEntity])
  categories(@Ctx() ctx: RequestContext, @Root() product: ProductEntity): Promise<CategoryEntity[]> {
    return this.services.products.categoriesOf(ctx, product);
  }

  @FieldResolver(() => [ProductVariantEntity], {
    description: 'Default variant first (its id is the product\'s), then oldest first. One for a product without options. Customers see ACTIVE variants only.',
  })
  variants(@Ctx() ctx: RequestContext, @Root() product: ProductEntity): Promise<ProductVariantEntity[]> {
    return this.services.variants.ofProduct(ctx, product);
  }
}
