import type { SubgraphModule } from '../../platform/subgraph';
import { CartLineEntity } from './cart.entity';
import { CartResolver } from './cart.resolver';
import { CartService } from './cart.service';
import { CatalogClient } from './catalog.client';
import { CatalogCopy } from './catalog.copy';
import { CheckoutService } from './checkout.service';
import { InventoryClient } from './inventory.client';
import { OrderConsumer } from './order.consumer';
import { OrderEntity, OrderLineEntity, StatusChangeEntity } from './order.entity';
import { orderReferences } from './order.reference';
import { OrderResolver, UserOrdersResolver } from './order.resolver';
import { OrderService } from './order.service';
import { OrderSubscriptionResolver } from './order.subscription';
import { OrderTransitions } from './order.transitions';
import type { OrdersServices } from './orders.services';
import { PaymentsClient } from './payments.client';
import { PriceBookFeed } from './price-book.consumer';
import { PriceBookCopy } from './price-book.copy';
import { PricingClient } from './pricing.client';
import { PlacementSaga } from './placement.saga';
import { UsersClient } from './users.client';
import { ShippingClient } from './shipping.client';
import { SoldOutMemo } from './sold-out.memo';
import { CartShippingEntity } from './shipping.entity';
import { WishlistItemEntity } from './wishlist.entity';
import { WishlistResolver } from './wishlist.resolver';
import { WishlistService } from './wishlist.service';

export const orders: SubgraphModule<OrdersServices> = {
  name: 'orders',
  entities: [OrderEntity, OrderLineEntity, StatusChangeEntity, CartLineEntity, CartShippingEntity, WishlistItemEntity],
  resolvers: [OrderResolver, UserOrdersResolver, OrderSubscriptionResolver, CartResolver, WishlistResolver],
  createServices: (deps) => {
    const catalog = new CatalogClient(deps.internal);
    const catalogCopy = new CatalogCopy({ source: catalog, pubsub: deps.pubsub, ...deps.config.catalogCopy, metrics: deps.metrics });
    const inventory = new InventoryClient(deps.internal);
    const payments = new PaymentsClient(deps.internal);
    const shipping = new ShippingClient(deps.internal);
    const transitions = new OrderTransitions(deps);
    const cart = new CartService(deps, catalogCopy, inventory, shipping);
    const pricing = new PricingClient(deps.internal);
    const prices = new PriceBookCopy(() => pricing.priceBook(), deps.config.orders.priceCopyMaxAgeMs, deps.log);
    const soldOut = new SoldOutMemo({ pubsub: deps.pubsub, maxAgeMs: deps.config.orders.soldOutMemoMs });
    const placement = new PlacementSaga(deps, catalogCopy, inventory, payments, transitions, cart, shipping, pricing, prices, soldOut);
    return {
      orders: new OrderService(deps, transitions, payments, new UsersClient(deps.internal)),
      checkout: new CheckoutService(deps, placement, cart),
      cart,
      wishlist: new WishlistService(deps, catalog),
      consumer: new OrderConsumer(deps, transitions, inventory, payments),
      priceBook: new PriceBookFeed(deps, prices),
      prices,
      catalogCopy,
      soldOut,
    };
  },
  referenceResolvers: (services) => orderReferences(services.orders, services.cart),
  // Payment and stock events drive orders on; the sweep undoes placements a crash cut short; pricing's changes and catalog's notices keep the copies current; inventory's notices clear what is known sold out.
  background: async (services) => [
    await services.consumer.start(),
    services.checkout.startSweeping(),
    await services.priceBook.start(),
    await services.catalogCopy.start(),
    await services.soldOut.start(),
  ],
};
