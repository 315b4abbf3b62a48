import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../platform/ids';
import type { Discount, Promotion } from '../../contracts/pricing-rules';

export enum PromotionKind {
  PERCENTAGE = 'PERCENTAGE',
  FIXED = 'FIXED',
  FREE_SHIPPING = 'FREE_SHIPPING',
  BUY_X_GET_Y = 'BUY_X_GET_Y',
  FREE_ITEM_OVER = 'FREE_ITEM_OVER',
}
registerEnumType(PromotionKind, {
  name: 'PromotionKind',
  valuesConfig: {
    PERCENTAGE: { description: 'value percent (0-100) off the targeted lines (all lines without a target).' },
    FIXED: { description: 'value minor units off the targeted lines, at most down to zero.' },
    FREE_SHIPPING: { description: 'The shipping price is taken off.' },
    BUY_X_GET_Y: { description: 'Of every buyQuantity + getQuantity units of the targeted item, getQuantity are free.' },
    FREE_ITEM_OVER: { description: 'One unit of the targeted item is free when the subtotal reaches minSubtotal.' },
  },
});

/**
 * An automatic promotion (code null) or a discount code. A code's uses are
 * counted in `used` (reserved and committed), moved only by a
 * compare-and-set on `version` (promotion.ledger.ts).
 */
@Entity({ tableName: 'promotions' })
@Unique({ properties: ['codeKey'] })
@Index({ properties: ['active'] })
@ObjectType('Promotion')
export class PromotionEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Field()
  name!: string;

  /** The code upper-cased (codes match case-insensitively), or `auto:<id>` for a promotion: a unique index on MongoDB treats nulls as equal. */
  @Property({ type: 'string' })
  codeKey!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'The code customers type (any case); null: applied automatically.' })
  code: string | null = null;

  @Enum({ items: () => PromotionKind, type: 'string' })
  @Field(() => PromotionKind)
  kind!: PromotionKind;

  @Property({ type: 'integer' })
  @Field(() => Int)
  value = 0;

  @Property({ type: 'string' })
  @Field()
  currency!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => ID, { nullable: true })
  variantId: string | null = null;

  @Property({ type: 'string', nullable: true })
  @Field(() => ID, { nullable: true })
  categoryId: string | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int)
  buyQuantity = 0;

  @Property({ type: 'integer' })
  @Field(() => Int)
  getQuantity = 0;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Minor units; below it a code is refused (DISCOUNT_BELOW_MINIMUM) and a promotion does not apply.' })
  minSubtotal = 0;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  startsAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Exclusive.' })
  endsAt: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Codes: uses in all; null: unlimited.' })
  usageLimit: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Codes: uses per customer; null: unlimited.' })
  perCustomerLimit: number | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Codes: uses reserved by orders being paid, or committed by paid ones.' })
  used = 0;

  @Property({ type: 'integer' })
  version = 0;

  @Property({ type: 'boolean' })
  @Field(() => Boolean)
  stackable = true;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Higher first.' })
  priority = 0;

  @Property({ type: 'boolean' })
  @Field(() => Boolean)
  active = true;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();

  /** As the pricing function takes it. */
  toDiscount(): Discount {
    const { id, code, name, kind, value, variantId, categoryId, buyQuantity, getQuantity, minSubtotal, stackable, priority, createdAt } = this;
    return { id, source: code ? 'CODE' : 'PROMOTION', code: code?.toUpperCase() ?? null, name, kind, value, variantId, categoryId, buyQuantity, getQuantity, minSubtotal, stackable, priority, createdAt };
  }

  /** With its window, currency and switch: as `basketOf` and orders' copy of the rules take it. */
  toPromotion(): Promotion {
    const { currency, active, startsAt, endsAt } = this;
    return { ...this.toDiscount(), currency, active, startsAt, endsAt };
  }
}

export type UsageStatus = 'RESERVED' | 'COMMITTED' | 'RELEASED';

/** One use of a code by one order: reserved at placement, committed when paid, released when the order ends unpaid. */
@Entity({ tableName: 'code_usages' })
@Unique({ properties: ['promotionId', 'orderId'] })
@Index({ properties: ['promotionId', 'customerId'] })
@Index({ properties: ['orderId'] })
export class CodeUsageEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  promotionId!: string;

  @Property({ type: 'string' })
  orderId!: string;

  @Property({ type: 'string' })
  customerId!: string;

  @Property({ type: 'string' })
  status: UsageStatus = 'RESERVED';

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}

/** A code the customer applied to their cart (cart id = customer id); checked again at placement. */
@Entity({ tableName: 'cart_codes' })
@Unique({ properties: ['customerId', 'promotionId'] })
export class CartCodeEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  @Index()
  customerId!: string;

  @Property({ type: 'string' })
  promotionId!: string;

  @Property({ type: 'datetime' })
  addedAt: Date = new Date();
}
