import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import type { OrdersServices } from './orders.services';
import { WishlistItemEntity } from './wishlist.entity';

@Resolver(() => WishlistItemEntity)
export class WishlistResolver {
  constructor(private readonly services: OrdersServices) {}

  @Authorized()
  @Query(() => [WishlistItemEntity], { description: "The caller's wishlist, newest first." })
  wishlist(@Ctx() ctx: RequestContext): Promise<WishlistItemEntity[]> {
    return this.services.wishlist.list(ctx);
  }

  @Authorized()
  @Mutation(() => [WishlistItemEntity], { description: 'Idempotent; at most 100 products, each on sale when added.' })
  addToWishlist(@Ctx() ctx: RequestContext, @Arg('productId', () => ID) productId: string): Promise<WishlistItemEntity[]> {
    return this.services.wishlist.add(ctx, productId);
  }

  @Authorized()
  @Mutation(() => [WishlistItemEntity], { description: 'Idempotent.' })
  removeFromWishlist(@Ctx() ctx: RequestContext, @Arg('productId', () => ID) productId: string): Promise<WishlistItemEntity[]> {
    return this.services.wishlist.remove(ctx, productId);
  }
}
