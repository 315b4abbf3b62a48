import { Field, InputType, Int } from 'type-graphql';
import { ProductStatus } from './product.entity';
import { ProductAttributeInput, ProductMediaInput } from './product.inputs';
import { SKU_RULE } from './product.rules';

@InputType({ description: 'A way a product varies: a name (unique per product, ignoring case) and its values in display order.' })
export class ProductOptionInput {
  @Field({ description: 'e.g. "Size".' })
  name!: string;

  @Field(() => [String], { description: 'e.g. ["S", "M", "L"]: 1 to 50, each once (ignoring case).' })
  values!: string[];
}

@InputType({ description: 'One option value of a variant, matched to the product\'s options ignoring case.' })
export class VariantOptionValueInput {
  @Field()
  option!: string;

  @Field()
  value!: string;
}

@InputType()
export class AddProductVariantInput {
  @Field({ description: `Unique across every product's and variant's SKU: ${SKU_RULE}.` })
  sku!: string;

  @Field(() => [VariantOptionValueInput], { description: "One value of each of the product's options; no other live variant may have the same values." })
  optionValues!: VariantOptionValueInput[];

  @Field(() => String, { nullable: true, description: 'Defaults to the option values joined, e.g. "M / Blue".' })
  title?: string | null;

  @Field(() => Int, { nullable: true, description: "Minor units, 0 or more, in the product's currency; defaults to the product's price." })
  priceAmount?: number | null;

  @Field(() => [ProductAttributeInput], { nullable: true })
  attributes?: ProductAttributeInput[] | null;

  @Field(() => [ProductMediaInput], { nullable: true })
  media?: ProductMediaInput[] | null;

  @Field(() => ProductStatus, { nullable: true, defaultValue: ProductStatus.ACTIVE })
  status?: ProductStatus | null;
}

@InputType({ description: "Omitted fields stay as they are. On a product's default variant, price, attributes and media are the product's own and change with it." })
export class UpdateProductVariantInput {
  @Field(() => [VariantOptionValueInput], { nullable: true })
  optionValues?: VariantOptionValueInput[] | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Int, { nullable: true })
  priceAmount?: number | null;

  @Field(() => [ProductAttributeInput], { nullable: true, description: 'Replaces the attributes.' })
  attributes?: ProductAttributeInput[] | null;

  @Field(() => [ProductMediaInput], { nullable: true, description: 'Replaces the media.' })
  media?: ProductMediaInput[] | null;

  @Field(() => ProductStatus, { nullable: true })
  status?: ProductStatus | null;
}
