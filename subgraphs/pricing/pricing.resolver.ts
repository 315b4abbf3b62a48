import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { writePriceBook } from '../../contracts/pricing-api';
import type { RequestContext } from '../../platform/context';
import { Money } from '../../platform/graphql-types';
import { CartRef } from './cart.stub';
import { OrderRef } from './order.stub';
import { PriceOrderInput } from './pricing.inputs';
import type { PricingServices } from './pricing.services';
import { ProductRef } from './product.stub';
import { PricedOrderView, ProductPromotionView, TotalsView } from './totals.view';

@Resolver(() => CartRef)
export class CartPricingResolver {
  constructor(private readonly services: PricingServices) {}

  @FieldResolver(() => TotalsView, { nullable: true, description: 'Priced now by the pricing subgraph (price rules, promotions, codes, shipping, tax); null while the cart is empty, and with an error when pricing is unavailable.' })
  totals(@Ctx() ctx: RequestContext, @Root() cart: CartRef): Promise<TotalsView | null> {
    return this.services.pricing.cartTotals(ctx, cart.id);
  }

  @FieldResolver(() => [String], { nullable: true, description: 'The discount codes applied (applyDiscountCode), upper case, oldest first.' })
  discountCodes(@Ctx() ctx: RequestContext, @Root() cart: CartRef): Promise<string[]> {
    return this.services.pricing.discountCodes(ctx, cart.id);
  }

  @Authorized()
  @Mutation(() => CartRef, {
    description:
      "Puts a discount code on the caller's cart (case-insensitive; the same code again changes nothing). Refusals: DISCOUNT_UNKNOWN (NOT_FOUND), DISCOUNT_NOT_YET_VALID, DISCOUNT_EXPIRED, DISCOUNT_WRONG_CURRENCY, DISCOUNT_BELOW_MINIMUM, DISCOUNT_NOT_STACKABLE, DISCOUNT_EXHAUSTED (CONFLICT).",
  })
  applyDiscountCode(@Ctx() ctx: RequestContext, @Arg('code') code: string): Promise<CartRef> {
    return this.services.promotions.apply(ctx, code);
  }

  @Authorized()
  @Mutation(() => CartRef, { description: "Takes a code off the caller's cart; idempotent." })
  removeDiscountCode(@Ctx() ctx: RequestContext, @Arg('code') code: string): Promise<CartRef> {
    return this.services.promotions.remove(ctx, code);
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Mutation(() => PricedOrderView, { description: 'contracts/pricing-api.ts' })
  priceOrder(@Arg('input', () => PriceOrderInput) input: PriceOrderInput): Promise<PricedOrderView> {
    return this.services.pricing.priceOrder(input).then((p) => Object.assign(new PricedOrderView(), p));
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Query(() => String, { description: 'contracts/pricing-api.ts: the rules orders prices by, as JSON.' })
  async priceBook(): Promise<string> {
    return writePriceBook(await this.services.book.book());
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: 'contracts/pricing-api.ts' })
  releaseOrderPricing(@Arg('orderId', () => ID) orderId: string): Promise<boolean> {
    return this.services.pricing.releaseOrder(orderId);
  }
}

@Resolver(() => OrderRef)
export class OrderPricingResolver {
  constructor(private readonly services: PricingServices) {}

  @FieldResolver(() => TotalsView, { nullable: true, description: 'The breakdown as placed: later rule, promotion or tax changes never alter it. Its customer and staff; null for an order placed before pricing existed.' })
  totals(@Ctx() ctx: RequestContext, @Root() order: OrderRef): Promise<TotalsView | null> {
    return this.services.pricing.orderTotals(ctx, order.id);
  }
}

@Resolver(() => ProductRef)
export class ProductPricingResolver {
  constructor(private readonly services: PricingServices) {}

  @FieldResolver(() => Money, { nullable: true, description: 'The scheduled sale price now, shown beside the regular price; null when none (and with an error when pricing is unavailable: the regular price stands, without promotions).' })
  salePrice(@Ctx() ctx: RequestContext, @Root() product: ProductRef): Promise<Money | null> {
    return this.services.pricing.salePrice(ctx, product.id);
  }

  @FieldResolver(() => [ProductPromotionView], { nullable: true, description: 'Automatic promotions that apply to the product now; null with an error when pricing is unavailable.' })
  promotions(@Ctx() ctx: RequestContext, @Root() product: ProductRef): Promise<ProductPromotionView[]> {
    return this.services.pricing.productPromotions(ctx, product.id);
  }
}
