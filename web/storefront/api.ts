import {
  ClientLoginDocument,
  ClientLogoutDocument,
  ClientRegisterDocument,
  StoreAddToCartDocument,
  StoreAddToWishlistDocument,
  StoreCartDocument,
  StoreCategoriesDocument,
  StoreOrderClientSecretDocument,
  StoreOrderDocument,
  StoreOrderHistoryDocument,
  StorePayDocument,
  StorePlaceOrderDocument,
  StoreProductDocument,
  StoreProductsDocument,
  StoreRemoveFromCartDocument,
  StoreRemoveFromWishlistDocument,
  StoreUpdateCartLineDocument,
  StoreVariantStockDocument,
  StoreWishlistDocument,
  type LoginInput,
  type ProductFilter as ProductFilterInput,
  type ProductSort as ProductSortValue,
  type RegisterInput,
  type StoreCartFieldsFragment,
  type StoreCategoriesQuery,
  type StoreOrderFieldsFragment,
  type StoreProductFieldsFragment,
  type StoreProductQuery,
  type StoreProductsQuery,
  type StoreStockLevelFragment,
  type StoreWishlistItemFragment,
} from '../../client/__generated__/graphql';
import { appClients } from '../shared/clients';
import { pageArgs, type PageAt } from '../shared/ui';

/**
 * Everything the storefront asks of the API, in one place: the calls, the
 * shapes of their answers, and the two clients (HTTP and graphql-ws). The
 * documents are @shop/client's (client/operations/web-storefront.graphql),
 * typed by codegen and sent by their persisted id.
 */

export const { session, signedOut, api, live } = appClients('shop.storefront.session');

export interface Money { readonly amount: number; readonly currency: string }
/**
 * productId is the id the level was asked by: a product or a variant. variantId
 * is null for a product's sum over several variants, set for one variant's own.
 */
export type StockLevel = StoreStockLevelFragment;
export type ProductSummary = StoreProductFieldsFragment;
export type ProductDetail = NonNullable<StoreProductQuery['product']>;
export type Variant = ProductDetail['variants'][number];
export type Category = StoreCategoriesQuery['categories'][number];
export type ProductPage = StoreProductsQuery['products'];
export type ProductSort = ProductSortValue;
export type ProductFilter = ProductFilterInput;

export const catalog = {
  categories: () => api.request(StoreCategoriesDocument).then((d) => d.categories),
  products: (filter: ProductFilter, sort: ProductSort, at: PageAt) => api.request(StoreProductsDocument, { filter, sort, ...pageArgs(at, 12) }).then((d) => d.products),
  /** One variant's own levels (the only way to them for a default variant: its id, the product's, is watched as the sum). */
  variantStock: (id: string) => api.request(StoreVariantStockDocument, { id }).then((d) => d.productVariant?.stock ?? null),
  product: (id: string) => api.request(StoreProductDocument, { id }).then((d) => d.product),
};

export { StoreStockDocument as STOCK_CHANGED } from '../../client/__generated__/graphql';

export type Cart = StoreCartFieldsFragment;
export type CartLine = Cart['lines'][number];
/** The variant a cart or order line holds: its title shows only for a product with options. */
export type LineVariant = CartLine['variant'];

export const cart = {
  get: () => api.request(StoreCartDocument).then((d) => d.cart),
  /** variantId null: the product is sold as its one default variant. */
  add: (productId: string, variantId: string | null, quantity: number) => api.request(StoreAddToCartDocument, { productId, variantId, quantity }).then((d) => d.addToCart),
  // A line is named by its variant's id (a product's id names its default variant).
  update: (variantId: string, quantity: number) => api.request(StoreUpdateCartLineDocument, { productId: variantId, quantity }).then((d) => d.updateCartLine),
  remove: (variantId: string) => api.request(StoreRemoveFromCartDocument, { productId: variantId }).then((d) => d.removeFromCart),
};

export type WishlistItem = StoreWishlistItemFragment;
export const wishlist = {
  get: () => api.request(StoreWishlistDocument).then((d) => d.wishlist),
  add: (productId: string) => api.request(StoreAddToWishlistDocument, { productId }).then((d) => d.addToWishlist),
  remove: (productId: string) => api.request(StoreRemoveFromWishlistDocument, { productId }).then((d) => d.removeFromWishlist),
};

export type Order = StoreOrderFieldsFragment;
export type OrderStatus = Order['status'];

export const orders = {
  placeFromCart: (idempotencyKey: string) => api.request(StorePlaceOrderDocument, { key: idempotencyKey }).then((d) => d.placeOrderFromCart),
  get: (id: string) => api.request(StoreOrderDocument, { id }).then((d) => d.order),
  pay: (orderId: string, paymentMethod: string) => api.request(StorePayDocument, { orderId, paymentMethod }).then((d) => d.confirmPayment),
  /** For Stripe.js: asked only on the payment step (Stripe makes the order's intent on the first ask). */
  clientSecret: (orderId: string) => api.request(StoreOrderClientSecretDocument, { id: orderId }).then((d) => d.order?.payment?.clientSecret ?? null),
  history: (at: PageAt) => api.request(StoreOrderHistoryDocument, pageArgs(at, 10)).then((d) => d.me?.orders ?? null),
};

export { StoreOrderStatusDocument as ORDER_STATUS_CHANGED } from '../../client/__generated__/graphql';

export const auth = {
  register: (input: RegisterInput) => api.request(ClientRegisterDocument, { input }).then((d) => session.set(d.register)),
  login: (input: LoginInput) => api.request(ClientLoginDocument, { input }).then((d) => session.set(d.login)),
  logout: async () => {
    const current = session.get();
    session.set(null);
    if (current) await api.request(ClientLogoutDocument, { refreshToken: current.refreshToken }).catch(() => undefined);
  },
};
