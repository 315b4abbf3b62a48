import { Collection } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../platform/graphql-types';
import { newId } from '../../platform/ids';
import { CategoryEntity } from './category.entity';

export enum ProductStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ProductStatus, { name: 'ProductStatus', description: 'Only ACTIVE products are visible to customers.' });

@ObjectType('ProductAttribute', { description: 'A key/value property of a product, e.g. material: stoneware.' })
export class ProductAttribute {
  @Field()
  key!: string;

  @Field()
  value!: string;
}

@ObjectType('ProductMedia', { description: 'An image or video of a product, shown in position order.' })
export class ProductMedia {
  @Field()
  url!: string;

  @Field({ description: 'Alternative text for screen readers; empty for a purely decorative image.' })
  alt!: string;

  @Field(() => Int)
  position!: number;
}

@ObjectType('ProductOption', { description: 'A way a product varies, e.g. size: S, M, L; its variants each take one of the values.' })
export class ProductOption {
  @Field()
  name!: string;

  @Field(() => [String], { description: 'In display order.' })
  values!: string[];
}

@ObjectType('VariantOptionValue', { description: "One of a variant's option values, e.g. size: M." })
export class VariantOptionValue {
  @Field()
  option!: string;

  @Field()
  value!: string;
}

@Entity({ tableName: 'products' })
@ObjectType('Product')
@Directive('@key(fields: "id")')
export class ProductEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string', unique: true })
  @Field({ description: 'As given (trimmed); unique and looked up ignoring case.' })
  sku!: string;

  /**
   * The SKU lower-cased: what uniqueness and lookups by SKU go by. Nullable
   * only for rows written before it existed, which catalog fills in at start-up.
   */
  @Property({ type: 'string', nullable: true, unique: true })
  skuKey: string | null = null;

  @Property({ type: 'string' })
  @Index()
  @Field()
  name!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  description: string | null = null;

  @Property({ type: 'integer' })
  @Index()
  priceAmount!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Enum({ items: () => ProductStatus, type: 'string' })
  @Index()
  @Field(() => ProductStatus)
  status: ProductStatus = ProductStatus.ACTIVE;

  /** Exposed as `Product.categories` through a batched field resolver. */
  @ManyToMany({ entity: () => CategoryEntity })
  categories = new Collection<CategoryEntity>(this);

  /** Nullable in storage so rows written before attributes existed still load. */
  @Property({ type: 'json', nullable: true })
  attributeList: ProductAttribute[] | null = null;

  /** Kept sorted by position. */
  @Property({ type: 'json', nullable: true })
  mediaList: ProductMedia[] | null = null;

  /** The ways the product varies; null (no options) for a product sold as its one default variant. */
  @Property({ type: 'json', nullable: true })
  optionList: ProductOption[] | null = null;

  // Kept on the product until variants (issue 16) exist, which will take them over.
  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Shipping weight in grams; null: unknown (weight-banded shipping is then not offered for a cart holding it).' })
  weightGrams: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Parcel length in millimetres.' })
  lengthMm: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Parcel width in millimetres.' })
  widthMm: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Parcel height in millimetres.' })
  heightMm: number | null = null;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  @Field()
  updatedAt: Date = new Date();

  @Field(() => Money)
  get price(): Money {
    return Money.of(this.priceAmount, this.currency);
  }

  @Field(() => [ProductAttribute])
  get attributes(): ProductAttribute[] {
    return this.attributeList ?? [];
  }

  @Field(() => [ProductMedia])
  get media(): ProductMedia[] {
    return this.mediaList ?? [];
  }

  @Field(() => [ProductOption], { description: 'Empty for a product sold as its one default variant.' })
  get options(): ProductOption[] {
    return this.optionList ?? [];
  }
}
