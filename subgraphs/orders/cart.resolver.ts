import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { CartView } from './cart.view';
import type { OrdersServices } from './orders.services';

@Resolver(() => CartView)
export class CartResolver {
  constructor(private readonly services: OrdersServices) {}

  @Authorized()
  @Query(() => CartView, { description: "The caller's cart, priced and checked against stock now." })
  cart(@Ctx() ctx: RequestContext): Promise<CartView> {
    return this.services.cart.view(ctx);
  }

  @Authorized()
  @Mutation(() => CartView, { description: 'Adds units of a product on sale (to its line if it has one): at most 50 products, 100 units each.' })
  addToCart(
    @Ctx() ctx: RequestContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('quantity', () => Int, { defaultValue: 1 }) quantity: number,
  ): Promise<CartView> {
    return this.services.cart.add(ctx, productId, quantity);
  }

  @Authorized()
  @Mutation(() => CartView, { description: 'Sets the quantity of a product in the cart (1 to 100); NOT_FOUND when it is not in the cart.' })
  updateCartLine(@Ctx() ctx: RequestContext, @Arg('productId', () => ID) productId: string, @Arg('quantity', () => Int) quantity: number): Promise<CartView> {
    return this.services.cart.update(ctx, productId, quantity);
  }

  @Authorized()
  @Mutation(() => CartView, { description: 'Idempotent.' })
  removeFromCart(@Ctx() ctx: RequestContext, @Arg('productId', () => ID) productId: string): Promise<CartView> {
    return this.services.cart.remove(ctx, productId);
  }

  @Authorized()
  @Mutation(() => CartView)
  clearCart(@Ctx() ctx: RequestContext): Promise<CartView> {
    return this.services.cart.clear(ctx);
  }
}
