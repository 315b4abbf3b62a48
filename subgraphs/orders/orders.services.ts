import type { CartService } from './cart.service';
import type { CatalogCopy } from './catalog.copy';
import type { CheckoutService } from './checkout.service';
import type { OrderConsumer } from './order.consumer';
import type { OrderService } from './order.service';
import type { PriceBookFeed } from './price-book.consumer';
import type { PriceBookCopy } from './price-book.copy';
import type { SoldOutMemo } from './sold-out.memo';
import type { WishlistService } from './wishlist.service';

/** What the orders resolvers, reference resolvers and background tasks are given (orders.module.ts builds it). */
export interface OrdersServices {
  readonly orders: OrderService;
  readonly checkout: CheckoutService;
  readonly cart: CartService;
  readonly wishlist: WishlistService;
  readonly consumer: OrderConsumer;
  readonly priceBook: PriceBookFeed;
  /** The copy of pricing's rules placement prices by (its version is what tests wait on). */
  readonly prices: PriceBookCopy;
  /** Orders' copy of the catalog's variants, read by placement and the cart. */
  readonly catalogCopy: CatalogCopy;
  /** The variants inventory last found sold out, refused without asking it. */
  readonly soldOut: SoldOutMemo;
}
