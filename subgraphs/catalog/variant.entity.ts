import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Money } from '../../platform/graphql-types';
import { newId } from '../../platform/ids';
import { ProductAttribute, ProductMedia, ProductStatus, VariantOptionValue } from './product.entity';

/**
 * One sellable version of a product: its own SKU, price, attributes, media and
 * status, and a value for each of the product's options. Every product has a
 * default variant whose id is the product's id (created with the product, or
 * by the start-up migration for products older than variants), so every stock
 * row, cart line, order line and reservation naming a product id names a
 * variant. Variants added to a product with options get fresh ids.
 */
@Entity({ tableName: 'product_variants' })
@ObjectType('ProductVariant')
@Directive('@key(fields: "id")')
export class ProductVariantEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Index()
  productId!: string;

  @Property({ type: 'string' })
  @Field({ description: "As given (trimmed); unique across every product's and variant's SKU, looked up ignoring case." })
  sku!: string;

  /** The SKU lower-cased: what uniqueness and lookups go by, as products' skuKey. */
  @Property({ type: 'string', unique: true })
  skuKey!: string;

  @Property({ type: 'string' })
  @Field({ description: 'The option values joined ("M / Blue"), or "Default" for a product without options, unless a title was given.' })
  title!: string;

  @Property({ type: 'json' })
  optionValueList: VariantOptionValue[] = [];

  @Property({ type: 'integer' })
  priceAmount!: number;

  /** Always the product's currency: a product is priced in one currency. */
  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'json' })
  attributeList: ProductAttribute[] = [];

  /** Kept sorted by position. */
  @Property({ type: 'json' })
  mediaList: ProductMedia[] = [];

  @Enum({ items: () => ProductStatus, type: 'string' })
  @Field(() => ProductStatus, { description: 'A variant is sold when it and its product are ACTIVE.' })
  status: ProductStatus = ProductStatus.ACTIVE;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  @Field()
  updatedAt: Date = new Date();

  @Field({ description: "True for the product's default variant, whose id is the product's id." })
  get isDefault(): boolean {
    return this.id === this.productId;
  }

  @Field(() => [VariantOptionValue], { description: "In the order of the product's options." })
  get optionValues(): VariantOptionValue[] {
    return this.optionValueList;
  }

  @Field(() => Money)
  get price(): Money {
    return Money.of(this.priceAmount, this.currency);
  }

  @Field(() => [ProductAttribute])
  get attributes(): ProductAttribute[] {
    return this.attributeList;
  }

  @Field(() => [ProductMedia])
  get media(): ProductMedia[] {
    return this.mediaList;
  }
}
