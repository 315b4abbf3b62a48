import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../platform/ids';
import type { TaxRates } from '../../contracts/pricing-rules';

export enum TaxCategory {
  STANDARD = 'STANDARD',
  REDUCED = 'REDUCED',
  ZERO = 'ZERO',
}
registerEnumType(TaxCategory, { name: 'TaxCategory', description: "A product's tax category; STANDARD unless set (setTaxCategory)." });

/** Rates for countries, optionally narrowed to regions (a zone naming the region wins over one naming only its country). */
@Entity({ tableName: 'tax_zones' })
@ObjectType('TaxZone')
export class TaxZoneEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Field()
  name!: string;

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2, upper case.' })
  countries: string[] = [];

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'ISO 3166-2 (FR-75); empty: the whole of each country.' })
  regions: string[] = [];

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Basis points: 2000 is 20%.' })
  standardRate = 0;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Basis points.' })
  reducedRate = 0;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Basis points; usually 0.' })
  zeroRate = 0;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();

  get rates(): TaxRates {
    return { STANDARD: this.standardRate, REDUCED: this.reducedRate, ZERO: this.zeroRate };
  }
}

/** The tax category of a variant/product or of a category (the variant's own wins). */
@Entity({ tableName: 'tax_classes' })
export class TaxClassEntity {
  /** The variant, product or category id. */
  @PrimaryKey({ type: 'string' })
  targetId!: string;

  @Enum({ items: () => TaxCategory, type: 'string' })
  category!: TaxCategory;
}

/** The shop's pricing settings: one row, id "shop". */
@Entity({ tableName: 'pricing_settings' })
@ObjectType('PricingSettings')
export class PricingSettingsEntity {
  @PrimaryKey({ type: 'string' })
  id = 'shop';

  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: 'Catalog prices include tax (the tax is taken out of them) or exclude it (the tax is added).' })
  pricesIncludeTax = true;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'Where a cart without a shipping address is taxed (ISO 3166-1 alpha-2).' })
  defaultCountry = 'FR';
}

/** Membership of a customer group (WHOLESALE...), kept by pricing and set by staff; GROUP rules read it. */
@Entity({ tableName: 'customer_groups' })
export class CustomerGroupEntity {
  @PrimaryKey({ type: 'string' })
  userId!: string;

  @Property({ type: 'string' })
  group!: string;
}
