import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ProductStatus } from './product.entity';
import { SKU_RULE } from './product.rules';

export enum ProductSort {
  NEWEST = 'NEWEST',
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
}
registerEnumType(ProductSort, {
  name: 'ProductSort',
  description: 'Order of a product listing; ties are broken by id, so paging is stable.',
  valuesConfig: {
    NEWEST: { description: 'Most recently created first.' },
    PRICE_ASC: { description: 'By amount in minor units, whatever the currency.' },
    PRICE_DESC: { description: 'By amount in minor units, whatever the currency.' },
  },
});

@InputType()
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name, SKU or description.' })
  search?: string | null;

  @Field(() => ProductStatus, { nullable: true })
  status?: ProductStatus | null;

  @Field(() => ID, { nullable: true, description: 'Products in this category or any category below it.' })
  categoryId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Lowest price amount (minor units), inclusive.' })
  minPrice?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest price amount (minor units), inclusive.' })
  maxPrice?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code, e.g. "EUR".' })
  currency?: string | null;
}

@InputType({ description: 'A key/value property; keys are unique per product (ignoring case).' })
export class ProductAttributeInput {
  @Field()
  key!: string;

  @Field()
  value!: string;
}

@InputType()
export class ProductMediaInput {
  @Field({ description: 'Absolute http(s) URL.' })
  url!: string;

  @Field({ description: 'Alternative text; empty for a purely decorative image.' })
  alt!: string;

  @Field(() => Int, { nullable: true, description: 'Display order, 0 first; defaults to the place in the list.' })
  position?: number | null;
}

@InputType()
export class CreateProductInput {
  @Field({ description: `Stock-keeping unit, unique: ${SKU_RULE}.` })
  sku!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, { description: 'Price in minor units (cents), 0 or more.' })
  priceAmount!: number;

  @Field({ description: 'ISO 4217 code in any case, e.g. "EUR" or "eur"; stored upper-case.' })
  currency!: string;

  @Field(() => ProductStatus, { nullable: true, defaultValue: ProductStatus.ACTIVE })
  status?: ProductStatus | null;

  @Field(() => [ID], { nullable: true })
  categoryIds?: string[] | null;

  @Field(() => [ProductAttributeInput], { nullable: true })
  attributes?: ProductAttributeInput[] | null;

  @Field(() => [ProductMediaInput], { nullable: true })
  media?: ProductMediaInput[] | null;

  @Field(() => Int, { nullable: true, description: 'Shipping weight in grams (0 to 1,000,000); null clears it.' })
  weightGrams?: number | null;

  @Field(() => Int, { nullable: true, description: 'Millimetres (1 to 10,000); null clears it.' })
  lengthMm?: number | null;

  @Field(() => Int, { nullable: true, description: 'Millimetres (1 to 10,000); null clears it.' })
  widthMm?: number | null;

  @Field(() => Int, { nullable: true, description: 'Millimetres (1 to 10,000); null clears it.' })
  heightMm?: number | null;
}

@InputType({ description: 'Omitted fields stay as they are; description, categoryIds, attributes and media can be cleared with null.' })
export class UpdateProductInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, { nullable: true })
  priceAmount?: number | null;

  @Field(() => String, { nullable: true })
  currency?: string | null;

  @Field(() => ProductStatus, { nullable: true })
  status?: ProductStatus | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the categories.' })
  categoryIds?: string[] | null;

  @Field(() => [ProductAttributeInput], { nullable: true, description: 'Replaces the attributes.' })
  attributes?: ProductAttributeInput[] | null;

  @Field(() => [ProductMediaInput], { nullable: true, description: 'Replaces the media.' })
  media?: ProductMediaInput[] | null;

  @Field(() => Int, { nullable: true, description: 'Shipping weight in grams (0 to 1,000,000); null clears it.' })
  weightGrams?: number | null;

  @Field(() => Int, { nullable: true, description: 'Millimetres (1 to 10,000); null clears it.' })
  lengthMm?: number | null;

  @Field(() => Int, { nullable: true, description: 'Millimetres (1 to 10,000); null clears it.' })
  widthMm?: number | null;

  @Field(() => Int, { nullable: true, description: 'Millimetres (1 to 10,000); null clears it.' })
  heightMm?: number | null;
}

@InputType({
  description:
    'One product of a bulk upsert, matched by SKU ignoring case. A new SKU is created (name, priceAmount and currency required; status defaults to ACTIVE); for an existing one, only the fields given change (patch) and omitted fields stay as they are.',
})
export class UpsertProductInput {
  @Field({ description: `Stock-keeping unit: ${SKU_RULE}.` })
  sku!: string;

  @Field(() => String, { nullable: true, description: 'Required for a new SKU.' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required for a new SKU.' })
  priceAmount?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code in any case, stored upper-case. Required for a new SKU.' })
  currency?: string | null;

  @Field(() => ProductStatus, { nullable: true })
  status?: ProductStatus | null;

  @Field(() => [ID], { nullable: true })
  categoryIds?: string[] | null;

  @Field(() => [ProductAttributeInput], { nullable: true })
  attributes?: ProductAttributeInput[] | null;

  @Field(() => [ProductMediaInput], { nullable: true })
  media?: ProductMediaInput[] | null;

  @Field(() => Int, { nullable: true, description: 'Shipping weight in grams (0 to 1,000,000); null clears it.' })
  weightGrams?: number | null;

  @Field(() => Int, { nullable: true, description: 'Millimetres (1 to 10,000); null clears it.' })
  lengthMm?: number | null;

  @Field(() => Int, { nullable: true, description: 'Millimetres (1 to 10,000); null clears it.' })
  widthMm?: number | null;

  @Field(() => Int, { nullable: true, description: 'Millimetres (1 to 10,000); null clears it.' })
  heightMm?: number | null;
}
