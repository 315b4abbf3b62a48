import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../kernel/graphql-types';
import { newId } from '../kernel/ids';

export enum ProductStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ProductStatus, { name: 'ProductStatus', description: 'Only ACTIVE products are visible to customers.' });

@Entity({ tableName: 'products' })
@ObjectType('Product')
@Directive('@key(fields: "id")')
export class ProductEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string', unique: true })
  @Field()
  sku!: string;

  @Property({ type: 'string' })
  @Index()
  @Field()
  name!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  description: string | null = null;

  @Property({ type: 'integer' })
  priceAmount!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Enum({ items: () => ProductStatus, type: 'string' })
  @Index()
  @Field(() => ProductStatus)
  status: ProductStatus = ProductStatus.ACTIVE;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Money)
  get price(): Money {
    return Money.of(this.priceAmount, this.currency);
  }
}
