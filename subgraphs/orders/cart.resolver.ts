import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkId } from '../../platform/checks';
import type { RequestContext } from '../../platform/context';
import { CartPricingBasis, CartView } from './cart.view';
import type { OrdersServices } from './orders.services';
import { ShippingOptionView } from './shipping.entity';
import { ShippingAddressInput } from './shipping.inputs';

@Resolver(() => CartView)
export class CartResolver {
  constructor(private readonly services: OrdersServices) {}

  @Authorized()
  @Query(() => CartView, { description: "The caller's cart, priced and checked against stock now." })
  cart(@Ctx() ctx: RequestContext): Promise<CartView> {
    return this.services.cart.view(ctx);
  }

  @Authorized()
  @Mutation(() => CartView, {
    description:
      'Adds units of a variant on sale (to its line if it has one): at most 50 lines, 100 units each. Name the variant by variantId (productId, if given too, must be its product), or give productId alone for a product sold as one variant: a product with several is refused (BAD_USER_INPUT, reason VARIANT_REQUIRED).',
  })
  addToCart(
    @Ctx() ctx: RequestContext,
    @Arg('productId', () => ID, { nullable: true }) productId: string | null,
    @Arg('quantity', () => Int, { defaultValue: 1 }) quantity: number,
    @Arg('variantId', () => ID, { nullable: true }) variantId: string | null,
  ): Promise<CartView> {
    return this.services.cart.add(ctx, productId ?? null, variantId ?? null, quantity);
  }

  @Authorized()
  @Mutation(() => CartView, { description: "Sets the quantity of a line (1 to 100), named by its variant's id (a product's id names its default variant); NOT_FOUND when it is not in the cart." })
  updateCartLine(@Ctx() ctx: RequestContext, @Arg('productId', () => ID) productId: string, @Arg('quantity', () => Int) quantity: number): Promise<CartView> {
    return this.services.cart.update(ctx, productId, quantity);
  }

  @Authorized()
  @Mutation(() => CartView, { description: "Removes a line, named by its variant's id (a product's id names its default variant). Idempotent." })
  removeFromCart(@Ctx() ctx: RequestContext, @Arg('productId', () => ID) productId: string): Promise<CartView> {
    return this.services.cart.remove(ctx, productId);
  }

  @Authorized()
  @Mutation(() => CartView)
  clearCart(@Ctx() ctx: RequestContext): Promise<CartView> {
    return this.services.cart.clear(ctx);
  }

  @Authorized()
  @Mutation(() => CartView, { description: "Sets where the cart ships; its shippingOptions are then priced for it. A method chosen before stays chosen (placement checks it is still offered)." })
  setCartShippingAddress(@Ctx() ctx: RequestContext, @Arg('address', () => ShippingAddressInput) address: ShippingAddressInput): Promise<CartView> {
    return this.services.cart.setShippingAddress(ctx, address);
  }

  @Authorized()
  @Mutation(() => CartView, { description: "Chooses one of the cart's shippingOptions: BAD_USER_INPUT with reason SHIPPING_METHOD_UNAVAILABLE for any other, NO_SHIPPING_TO_ADDRESS outside every zone." })
  chooseShippingMethod(@Ctx() ctx: RequestContext, @Arg('methodId', () => ID) methodId: string): Promise<CartView> {
    return this.services.cart.chooseShippingMethod(ctx, methodId);
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Query(() => CartPricingBasis, { description: 'What pricing prices a cart from (contracts/orders-api.ts).' })
  cartPricingBasis(@Ctx() ctx: RequestContext, @Arg('customerId', () => ID) customerId: string): Promise<CartPricingBasis> {
    return this.services.cart.pricingBasis(ctx, checkId(customerId, 'customerId'));
  }

  @FieldResolver(() => [ShippingOptionView], { nullable: true, description: 'Priced for the address and contents, cheapest first; empty without an address or outside every zone. Null (with an error) when shipping is unavailable.' })
  shippingOptions(@Root() cart: CartView): Promise<ShippingOptionView[]> {
    return this.services.cart.shippingOptions(cart);
  }

  @FieldResolver(() => ShippingOptionView, { nullable: true, description: 'The chosen method as priced now; null when none is chosen or it is no longer offered for this cart.' })
  shippingMethod(@Root() cart: CartView): Promise<ShippingOptionView | null> {
    return this.services.cart.shippingMethod(cart);
  }
}
