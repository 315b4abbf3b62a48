import { Arg, Authorized, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { MAX_SKUS_PER_LOOKUP } from '../../contracts/catalog-api';
import { badInput } from '../../platform/errors';
import type { CatalogServices } from './catalog.services';

@ObjectType('SkuMatch', { description: 'Internal: a SKU and the variant and product it names (SERVICE callers only).' })
@Directive('@inaccessible')
export class SkuMatch {
  @Field({ description: 'As asked.' })
  sku!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => ID, { description: "The variant the SKU names: a product's own SKU names its default variant, whose id is the product's." })
  variantId!: string;
}

/** The internal SKU lookup inventory's stock feeds call (documented in contracts/catalog-api.ts). */
@Resolver()
export class SkuResolver {
  constructor(private readonly services: CatalogServices) {}

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Query(() => [SkuMatch])
  async productIdsBySku(@Arg('skus', () => [String]) skus: string[]): Promise<SkuMatch[]> {
    if (skus.length > MAX_SKUS_PER_LOOKUP) throw badInput(`at most ${MAX_SKUS_PER_LOOKUP} SKUs per lookup`, 'skus');
    const matches = await this.services.products.idsBySku(skus);
    return matches.map((match) => Object.assign(new SkuMatch(), match));
  }
}
