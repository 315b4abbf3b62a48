import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../platform/ids';
import type { PriceRule } from '../../contracts/pricing-rules';

export enum PriceRuleKind {
  SALE = 'SALE',
  GROUP = 'GROUP',
  TIER = 'TIER',
}
registerEnumType(PriceRuleKind, {
  name: 'PriceRuleKind',
  valuesConfig: {
    SALE: { description: 'A sale price for a variant/product or a category, within its window.' },
    GROUP: { description: "A price for the customers of a group (setCustomerGroup), e.g. WHOLESALE." },
    TIER: { description: 'A price from a quantity of the line (minQuantity).' },
  },
});

/** A rule setting a unit price; the lowest applicable price wins (pricing.rules.ts, unitPriceOf). */
@Entity({ tableName: 'price_rules' })
@Index({ properties: ['variantId'] })
@ObjectType('PriceRule')
export class PriceRuleEntity implements PriceRule {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Enum({ items: () => PriceRuleKind, type: 'string' })
  @Field(() => PriceRuleKind)
  kind!: PriceRuleKind;

  @Property({ type: 'string', nullable: true })
  @Field(() => ID, { nullable: true, description: 'A variant id, or a product id (its default variant has the same id); null: by category or for everything.' })
  variantId: string | null = null;

  @Property({ type: 'string', nullable: true })
  @Field(() => ID, { nullable: true })
  categoryId: string | null = null;

  @Property({ type: 'string' })
  @Field()
  currency!: string;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The unit price it sets, minor units (or percentOff).' })
  amount: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Percent off the regular price, 1-100 (or amount).' })
  percentOff: number | null = null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  customerGroup: string | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int)
  minQuantity = 1;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  startsAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Exclusive.' })
  endsAt: Date | null = null;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();
}
