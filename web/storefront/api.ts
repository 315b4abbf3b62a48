import { appClients } from '../shared/clients';
import type { Session } from '../shared/session';
import { PAGE_INFO, pageArgs, type PageAt, type PageInfo } from '../shared/ui';

/**
 * Everything the storefront asks of the API, in one place: the documents,
 * the shapes of their answers, and the two clients (HTTP and graphql-ws).
 */

export const { session, signedOut, api, live } = appClients('shop.storefront.session');

export interface Money { readonly amount: number; readonly currency: string }
/**
 * productId is the id the level was asked by: a product or a variant. variantId
 * is null for a product's sum over several variants, set for one variant's own.
 */
export interface StockLevel { readonly productId: string; readonly variantId: string | null; readonly available: number; readonly version: number }
const STOCK = 'stock { productId variantId available version }';
export interface ProductSummary {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string | null;
  readonly price: Money;
  readonly stock: StockLevel;
}
export interface OptionValue { readonly option: string; readonly value: string }
export interface Variant {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly optionValues: readonly OptionValue[];
  readonly price: Money;
  // Null, with an error beside it, while inventory is down.
  readonly stock: StockLevel | null;
}
export interface ProductDetail extends ProductSummary {
  readonly options: ReadonlyArray<{ readonly name: string; readonly values: readonly string[] }>;
  readonly variants: readonly Variant[];
}
export interface Category { readonly id: string; readonly name: string }
export interface ProductPage {
  readonly edges: ReadonlyArray<{ readonly node: ProductSummary; readonly cursor: string }>;
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}
export type ProductSort = 'NEWEST' | 'NAME_ASC' | 'PRICE_ASC' | 'PRICE_DESC';
export interface ProductFilter { search?: string; categoryId?: string; minPrice?: number; maxPrice?: number }

const PRODUCT = `id sku name description price { amount currency } ${STOCK}`;
const VARIANTS = `options { name values } variants { id sku title optionValues { option value } price { amount currency } ${STOCK} }`;

export const catalog = {
  categories: () => api.request<{ categories: Category[] }>(`query StoreCategories { categories { id name } }`).then((d) => d.categories),
  products: (filter: ProductFilter, sort: ProductSort, at: PageAt) =>
    api
      .request<{ products: ProductPage }>(
        `query StoreProducts($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String, $last: Int, $before: String) {
          products(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) { edges { cursor node { ${PRODUCT} } } ${PAGE_INFO} totalCount }
        }`,
        { filter, sort, ...pageArgs(at, 12) },
      )
      .then((d) => d.products),
  /** One variant's own levels (the only way to them for a default variant: its id, the product's, is watched as the sum). */
  variantStock: (id: string) =>
    api.request<{ productVariant: { stock: StockLevel | null } | null }>(`query StoreVariantStock($id: ID!) { productVariant(id: $id) { ${STOCK} } }`, { id }).then((d) => d.productVariant?.stock ?? null),
  product: (id: string) =>
    api.request<{ product: ProductDetail | null }>(`query StoreProduct($id: ID!) { product(id: $id) { ${PRODUCT} ${VARIANTS} } }`, { id }).then((d) => d.product),
};

export const STOCK_CHANGED = `subscription StoreStock($productIds: [ID!]!) { stockLevelChanged(productIds: $productIds) { productId variantId available version } }`;

/** The variant a cart or order line holds: its title shows only for a product with options. */
export interface LineVariant { readonly id: string; readonly title: string; readonly isDefault: boolean }
export interface CartLine { readonly product: ProductSummary; readonly variant: LineVariant; readonly quantity: number; readonly lineTotal: Money; readonly available: boolean }
export interface Cart { readonly lines: readonly CartLine[]; readonly total: Money | null }
const CART = `lines { variant { id title isDefault } quantity available lineTotal { amount currency } product { ${PRODUCT} } } total { amount currency }`;

export const cart = {
  get: () => api.request<{ cart: Cart }>(`query StoreCart { cart { ${CART} } }`).then((d) => d.cart),
  /** variantId null: the product is sold as its one default variant. */
  add: (productId: string, variantId: string | null, quantity: number) =>
    api
      .request<{ addToCart: Cart }>(
        `mutation StoreAddToCart($productId: ID!, $variantId: ID, $quantity: Int!) { addToCart(productId: $productId, variantId: $variantId, quantity: $quantity) { ${CART} } }`,
        { productId, variantId, quantity },
      )
      .then((d) => d.addToCart),
  // A line is named by its variant's id (a product's id names its default variant).
  update: (variantId: string, quantity: number) =>
    api.request<{ updateCartLine: Cart }>(`mutation StoreUpdateCartLine($productId: ID!, $quantity: Int!) { updateCartLine(productId: $productId, quantity: $quantity) { ${CART} } }`, { productId: variantId, quantity }).then((d) => d.updateCartLine),
  remove: (variantId: string) =>
    api.request<{ removeFromCart: Cart }>(`mutation StoreRemoveFromCart($productId: ID!) { removeFromCart(productId: $productId) { ${CART} } }`, { productId: variantId }).then((d) => d.removeFromCart),
};

export interface WishlistItem { readonly addedAt: string; readonly product: ProductSummary }
export const wishlist = {
  get: () => api.request<{ wishlist: WishlistItem[] }>(`query StoreWishlist { wishlist { addedAt product { ${PRODUCT} } } }`).then((d) => d.wishlist),
  add: (productId: string) =>
    api.request<{ addToWishlist: WishlistItem[] }>(`mutation StoreAddToWishlist($productId: ID!) { addToWishlist(productId: $productId) { addedAt product { ${PRODUCT} } } }`, { productId }).then((d) => d.addToWishlist),
  remove: (productId: string) =>
    api.request<{ removeFromWishlist: WishlistItem[] }>(`mutation StoreRemoveFromWishlist($productId: ID!) { removeFromWishlist(productId: $productId) { addedAt product { ${PRODUCT} } } }`, { productId }).then((d) => d.removeFromWishlist),
};

export type OrderStatus = 'PENDING' | 'AWAITING_PAYMENT' | 'PAID' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'PAYMENT_FAILED' | 'REFUNDED';
export interface Order {
  readonly id: string;
  readonly status: OrderStatus;
  readonly version: number;
  readonly createdAt: string;
  readonly total: Money;
  readonly lines: ReadonlyArray<{
    readonly quantity: number;
    readonly lineTotal: Money;
    readonly sku: string | null;
    readonly optionValues: readonly OptionValue[];
    readonly product: { readonly id: string; readonly name: string };
  }>;
  readonly payment: { readonly status: string; readonly statusReason: string | null } | null;
  readonly statusHistory: ReadonlyArray<{ readonly to: OrderStatus; readonly at: string; readonly reason: string | null }>;
}
const ORDER = 'id status version createdAt total { amount currency } lines { quantity lineTotal { amount currency } sku optionValues { option value } product { id name } } payment { status statusReason } statusHistory { to at reason }';

export const orders = {
  placeFromCart: (idempotencyKey: string) =>
    api.request<{ placeOrderFromCart: Order }>(`mutation StorePlaceOrder($key: String) { placeOrderFromCart(idempotencyKey: $key) { ${ORDER} } }`, { key: idempotencyKey }).then((d) => d.placeOrderFromCart),
  get: (id: string) => api.request<{ order: Order | null }>(`query StoreOrder($id: ID!) { order(id: $id) { ${ORDER} } }`, { id }).then((d) => d.order),
  pay: (orderId: string, paymentMethod: string) =>
    api.request<{ confirmPayment: { status: string; statusReason: string | null } }>(
      `mutation StorePay($orderId: ID!, $paymentMethod: String!) { confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status statusReason } }`,
      { orderId, paymentMethod },
    ).then((d) => d.confirmPayment),
  /** For Stripe.js: asked only on the payment step (Stripe makes the order's intent on the first ask). */
  clientSecret: (orderId: string) =>
    api
      .request<{ order: { payment: { clientSecret: string | null } | null } | null }>(`query StoreOrderClientSecret($id: ID!) { order(id: $id) { payment { clientSecret } } }`, { id: orderId })
      .then((d) => d.order?.payment?.clientSecret ?? null),
  history: (at: PageAt) =>
    api
      .request<{ me: { orders: { edges: Array<{ node: Order }>; pageInfo: PageInfo } } | null }>(
        `query StoreOrderHistory($first: Int, $after: String, $last: Int, $before: String) {
          me { orders(first: $first, after: $after, last: $last, before: $before) { edges { node { ${ORDER} } } ${PAGE_INFO} } }
        }`,
        pageArgs(at, 10),
      )
      .then((d) => d.me?.orders ?? null),
};

export const ORDER_STATUS_CHANGED = `subscription StoreOrderStatus($orderId: ID!) { orderStatusChanged(orderId: $orderId) { ${ORDER} } }`;

const AUTH = 'accessToken refreshToken user { id name email roles }';
export const auth = {
  register: (input: { email: string; password: string; name: string }) =>
    api.request<{ register: Session }>(`mutation StoreRegister($input: RegisterInput!) { register(input: $input) { ${AUTH} } }`, { input }).then((d) => session.set(d.register)),
  login: (input: { email: string; password: string }) =>
    api.request<{ login: Session }>(`mutation StoreLogin($input: LoginInput!) { login(input: $input) { ${AUTH} } }`, { input }).then((d) => session.set(d.login)),
  logout: async () => {
    const current = session.get();
    session.set(null);
    if (current) await api.request(`mutation StoreLogout($refreshToken: String!) { logout(refreshToken: $refreshToken) }`, { refreshToken: current.refreshToken }).catch(() => undefined);
  },
};
