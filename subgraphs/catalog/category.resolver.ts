import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import type { CatalogServices } from './catalog.services';
import { CategoryEntity } from './category.entity';
import { CreateCategoryInput, UpdateCategoryInput } from './category.inputs';

@Resolver(() => CategoryEntity)
export class CategoryResolver {
  constructor(private readonly services: CatalogServices) {}

  @Query(() => [CategoryEntity], { description: 'The children of parentId, or the top-level categories when it is omitted; by name.' })
  categories(@Ctx() ctx: RequestContext, @Arg('parentId', () => ID, { nullable: true }) parentId: string | null): Promise<CategoryEntity[]> {
    return this.services.categories.list(ctx, parentId ?? null);
  }

  @Query(() => CategoryEntity, { nullable: true })
  category(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<CategoryEntity | null> {
    return this.services.categories.load(ctx, id);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => CategoryEntity)
  createCategory(@Ctx() ctx: RequestContext, @Arg('input', () => CreateCategoryInput) input: CreateCategoryInput): Promise<CategoryEntity> {
    return this.services.categories.create(ctx, input);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => CategoryEntity, { description: 'Renames or moves a category (with everything below it).' })
  updateCategory(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCategoryInput) input: UpdateCategoryInput,
  ): Promise<CategoryEntity> {
    return this.services.categories.update(ctx, id, input);
  }

  @FieldResolver(() => CategoryEntity, { nullable: true })
  parent(@Ctx() ctx: RequestContext, @Root() category: CategoryEntity): Promise<CategoryEntity | null> | null {
    return category.parentId === null ? null : this.services.categories.load(ctx, category.parentId);
  }

  @FieldResolver(() => [CategoryEntity])
  children(@Ctx() ctx: RequestContext, @Root() category: CategoryEntity): Promise<CategoryEntity[]> {
    return this.services.categories.children(ctx, category.id);
  }
}
