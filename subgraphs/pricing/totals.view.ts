import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../platform/graphql-types';
import type { Totals } from '../../contracts/pricing-rules';
import { TaxCategory } from './tax.entity';

export enum DiscountSource {
  PROMOTION = 'PROMOTION',
  CODE = 'CODE',
}
registerEnumType(DiscountSource, { name: 'DiscountSource', description: 'An automatic promotion, or a discount code the customer applied.' });

@ObjectType('AppliedDiscount', { description: 'One discount of a breakdown, with where it comes from.' })
export class AppliedDiscountView {
  @Field(() => DiscountSource)
  source!: DiscountSource;

  @Field(() => ID)
  promotionId!: string;

  @Field(() => String, { nullable: true, description: 'The code, upper case; null for an automatic promotion.' })
  code!: string | null;

  @Field()
  name!: string;

  @Field(() => Money)
  amount!: Money;
}

@ObjectType('TaxAmount', { description: 'The tax at one rate: its base (tax excluded) and amount, the sum of the lines taxed at it.' })
export class TaxAmountView {
  @Field(() => TaxCategory)
  category!: TaxCategory;

  @Field(() => Int, { description: 'Basis points: 2000 is 20%.' })
  rate!: number;

  @Field(() => Money)
  base!: Money;

  @Field(() => Money)
  amount!: Money;
}

@ObjectType('PricedLine')
export class PricedLineView {
  @Field(() => ID, { description: 'The variant (or product) priced.' })
  variantId!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money, { description: "The catalog's price." })
  regularUnitPrice!: Money;

  @Field(() => Money, { description: 'After price rules (a sale, a group or a tier price).' })
  unitPrice!: Money;

  @Field(() => Money)
  discount!: Money;

  @Field(() => Money)
  tax!: Money;

  @Field(() => Money, { description: 'After discounts, tax included.' })
  total!: Money;
}

@ObjectType('Totals', { description: 'A price breakdown (README "Pricing"): the same function prices carts and orders; an order keeps it as placed.' })
export class TotalsView {
  @Field({ description: 'Prices were entered tax-inclusive: the taxes are contained in the total rather than added to it.' })
  pricesIncludeTax!: boolean;

  @Field(() => [PricedLineView])
  lines!: PricedLineView[];

  @Field(() => Money, { description: 'The lines after price rules, before discounts.' })
  subtotal!: Money;

  @Field(() => [AppliedDiscountView], { description: 'In the order applied (priority).' })
  discounts!: AppliedDiscountView[];

  @Field(() => Money, { description: "Every discount, shipping's included." })
  discountTotal!: Money;

  @Field(() => Money, { description: "The chosen shipping method's price (zero without one)." })
  shipping!: Money;

  @Field(() => Money)
  shippingDiscount!: Money;

  @Field(() => [TaxAmountView])
  taxes!: TaxAmountView[];

  @Field(() => Money)
  taxTotal!: Money;

  @Field(() => Money)
  total!: Money;

  static of(t: Totals): TotalsView {
    const money = (amount: number) => Money.of(amount, t.currency);
    return Object.assign(new TotalsView(), {
      pricesIncludeTax: t.pricesIncludeTax,
      lines: t.lines.map((l) =>
        Object.assign(new PricedLineView(), {
          variantId: l.variantId,
          quantity: l.quantity,
          regularUnitPrice: money(l.regularUnitPrice),
          unitPrice: money(l.unitPrice),
          discount: money(l.discount),
          tax: money(l.tax),
          total: money(l.total),
        }),
      ),
      subtotal: money(t.subtotal),
      discounts: t.discounts.map((d) => Object.assign(new AppliedDiscountView(), { source: d.source, promotionId: d.id, code: d.code, name: d.name, amount: money(d.amount) })),
      discountTotal: money(t.discountTotal),
      shipping: money(t.shipping),
      shippingDiscount: money(t.shippingDiscount),
      taxes: t.taxes.map((x) => Object.assign(new TaxAmountView(), { category: x.category, rate: x.rate, base: money(x.base), amount: money(x.amount) })),
      taxTotal: money(t.taxTotal),
      total: money(t.total),
    });
  }
}

/** What a customer sees of a promotion on a product page. */
@ObjectType('ProductPromotion')
export class ProductPromotionView {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { description: 'A PromotionKind.' })
  kind!: string;

  @Field(() => Int)
  value!: number;

  @Field(() => Date, { nullable: true })
  endsAt!: Date | null;
}

/** What priceOrder answers orders (contracts/pricing-api.ts). */
@ObjectType('PricedOrder')
@Directive('@inaccessible')
export class PricedOrderView {
  @Field(() => Int)
  total!: number;

  @Field()
  currency!: string;
}
