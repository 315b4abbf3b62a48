import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import type { CatalogServices } from './catalog.services';
import { ProductEntity } from './product.entity';
import { AddProductVariantInput, ProductOptionInput, UpdateProductVariantInput, VariantOptionValueInput } from './variant.inputs';
import { ProductVariantEntity } from './variant.entity';

@Resolver(() => ProductVariantEntity)
export class VariantResolver {
  constructor(private readonly services: CatalogServices) {}

  @Query(() => ProductVariantEntity, {
    nullable: true,
    description: "By id or by SKU (ignoring case), exactly one of them (BAD_USER_INPUT otherwise). A product's id names its default variant. Null when absent or not visible to the caller (customers see ACTIVE variants of ACTIVE products).",
  })
  productVariant(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('sku', () => String, { nullable: true }) sku: string | null,
  ): Promise<ProductVariantEntity | null> {
    return this.services.variants.find(ctx, id ?? null, sku ?? null);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ProductEntity, {
    description:
      "Defines the product's options (an empty list removes them). While the product has only its default variant, that variant takes defaultVariantValues (default: the first value of each option); otherwise every live variant must still fit (BAD_USER_INPUT, reason OPTION_VALUES_MISMATCH). Audited.",
  })
  setProductOptions(
    @Ctx() ctx: RequestContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('options', () => [ProductOptionInput]) options: ProductOptionInput[],
    @Arg('defaultVariantValues', () => [VariantOptionValueInput], { nullable: true }) defaultVariantValues: VariantOptionValueInput[] | null,
  ): Promise<ProductEntity> {
    return this.services.variants.setOptions(ctx, productId, options, defaultVariantValues ?? null);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ProductVariantEntity, {
    description:
      'Adds a variant to a product with options: CONFLICT SKU_TAKEN for a SKU any product or variant has, BAD_USER_INPUT OPTION_VALUES_MISMATCH for values that do not fit the options, CONFLICT VARIANT_COMBINATION_EXISTS for the values of another live variant. Audited.',
  })
  addProductVariant(@Ctx() ctx: RequestContext, @Arg('productId', () => ID) productId: string, @Arg('input', () => AddProductVariantInput) input: AddProductVariantInput): Promise<ProductVariantEntity> {
    return this.services.variants.add(ctx, productId, input);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ProductVariantEntity, { description: 'Changes the given fields of one variant, refused as addProductVariant is; NOT_FOUND for an unknown id. Audited.' })
  updateProductVariant(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateProductVariantInput) input: UpdateProductVariantInput): Promise<ProductVariantEntity> {
    return this.services.variants.update(ctx, id, input);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ProductVariantEntity, { description: 'Sets the status to ARCHIVED: no longer sold, its option values free for another variant, still part of past orders. Idempotent.' })
  archiveProductVariant(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ProductVariantEntity> {
    return this.services.variants.archive(ctx, id);
  }

  @FieldResolver(() => ProductEntity, { description: 'The product this is a variant of.' })
  async product(@Ctx() ctx: RequestContext, @Root() variant: ProductVariantEntity): Promise<ProductEntity> {
    return (await this.services.products.load(ctx, variant.productId)) as ProductEntity;
  }
}
