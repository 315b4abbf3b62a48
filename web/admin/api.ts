import { appClients } from '../shared/clients';
import type { Session } from '../shared/session';
import { PAGE_INFO, pageArgs, type PageAt, type PageInfo } from '../shared/ui';

/**
 * Everything the agent console asks of the API, in one place. It uses only
 * the public gateway, as any client would; staff rights are the server's
 * decision (AGENT or ADMIN in the token), the console only hides what a role
 * cannot use.
 */

export const { session, signedOut, api, live } = appClients('shop.console.session');

export interface Money { readonly amount: number; readonly currency: string }
export type ProductStatus = 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
export interface Product {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly status: ProductStatus;
  readonly price: Money;
  readonly stock: StockLevel;
  readonly variants: ReadonlyArray<{ readonly status: ProductStatus }>;
}
export interface StockLevel {
  readonly productId: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly available: number;
  readonly lowStockThreshold: number;
  readonly lowStock: boolean;
  readonly version: number;
}
export interface Variant {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly status: ProductStatus;
  readonly price: Money;
  // Null, with an error beside it, while inventory is down.
  readonly stock: { readonly available: number; readonly onHand: number } | null;
}
interface Page<T> {
  readonly edges: ReadonlyArray<{ readonly node: T }>;
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

const STOCK = 'productId onHand reserved available lowStockThreshold lowStock version';
const PRODUCT = `id sku name status price { amount currency } stock { ${STOCK} } variants { status }`;

export const products = {
  list: (search: string, at: PageAt) =>
    api
      .request<{ products: Page<Product> }>(
        `query ConsoleProducts($filter: ProductFilter, $first: Int, $after: String, $last: Int, $before: String) {
          products(filter: $filter, first: $first, after: $after, last: $last, before: $before) { edges { node { ${PRODUCT} } } ${PAGE_INFO} totalCount }
        }`,
        { filter: search ? { search } : {}, ...pageArgs(at, 20) },
      )
      .then((d) => d.products),
  create: (input: { sku: string; name: string; priceAmount: number; currency: string; description?: string }) =>
    api.request<{ createProduct: Product }>(`mutation ConsoleCreateProduct($input: CreateProductInput!) { createProduct(input: $input) { ${PRODUCT} } }`, { input }).then((d) => d.createProduct),
  update: (id: string, input: { name?: string; priceAmount?: number; status?: ProductStatus }) =>
    api.request<{ updateProduct: Product }>(`mutation ConsoleUpdateProduct($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { ${PRODUCT} } }`, { id, input }).then((d) => d.updateProduct),
  /** Read when an agent opens a product's variants, not with every page of the table. */
  variants: (productId: string) =>
    api
      .request<{ product: { variants: Variant[] } | null }>(
        `query ConsoleProductVariants($id: ID!) { product(id: $id) { variants { id sku title status price { amount currency } stock { available onHand } } } }`,
        { id: productId },
      )
      .then((d) => d.product?.variants ?? []),
  archive: (id: string) =>
    api.request<{ archiveProduct: Product }>(`mutation ConsoleArchiveProduct($id: ID!) { archiveProduct(id: $id) { ${PRODUCT} } }`, { id }).then((d) => d.archiveProduct),
};

export const stock = {
  set: (sku: string, onHand: number) =>
    api.request<{ setStockBySku: StockLevel }>(`mutation ConsoleSetStock($sku: String!, $onHand: Int!) { setStockBySku(sku: $sku, onHand: $onHand) { ${STOCK} } }`, { sku, onHand }).then((d) => d.setStockBySku),
  adjust: (sku: string, delta: number, reason: string, idempotencyKey: string) =>
    api
      .request<{ adjustStockBySku: StockLevel }>(
        `mutation ConsoleAdjustStock($sku: String!, $delta: Int!, $reason: String!, $key: String) { adjustStockBySku(sku: $sku, delta: $delta, reason: $reason, idempotencyKey: $key) { ${STOCK} } }`,
        { sku, delta, reason, key: idempotencyKey },
      )
      .then((d) => d.adjustStockBySku),
  /** The first 50 (the count says how many there are in all). */
  low: () =>
    api
      .request<{ lowStock: Page<StockLevel & { product: { sku: string; name: string } }> }>(
        `query ConsoleLowStock { lowStock(first: 50) { edges { node { ${STOCK} product { sku name } } } ${PAGE_INFO} totalCount } }`,
      )
      .then((d) => d.lowStock),
};

export type OrderStatus = 'AWAITING_PAYMENT' | 'PAID' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'PAYMENT_FAILED' | 'REFUNDED';
export const ORDER_STATUSES: readonly OrderStatus[] = ['AWAITING_PAYMENT', 'PAID', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'PAYMENT_FAILED', 'REFUNDED'];
export interface Order {
  readonly id: string;
  readonly status: OrderStatus;
  readonly version: number;
  readonly createdAt: string;
  readonly total: Money;
  readonly customer: { readonly email: string; readonly name: string };
  readonly lines: ReadonlyArray<{ readonly quantity: number; readonly product: { readonly name: string } }>;
}
const ORDER = 'id status version createdAt total { amount currency } customer { email name } lines { quantity product { name } }';

export const orders = {
  list: (filter: { status?: OrderStatus[]; search?: string }, at: PageAt) =>
    api
      .request<{ orders: Page<Order> }>(
        `query ConsoleOrders($filter: OrderFilter, $first: Int, $after: String, $last: Int, $before: String) {
          orders(filter: $filter, first: $first, after: $after, last: $last, before: $before) { edges { node { ${ORDER} } } ${PAGE_INFO} totalCount }
        }`,
        { filter, ...pageArgs(at, 20) },
      )
      .then((d) => d.orders),
  ship: (id: string) => api.request<{ shipOrder: Order }>(`mutation ConsoleShipOrder($id: ID!) { shipOrder(id: $id) { ${ORDER} } }`, { id }).then((d) => d.shipOrder),
  deliver: (id: string) => api.request<{ deliverOrder: Order }>(`mutation ConsoleDeliverOrder($id: ID!) { deliverOrder(id: $id) { ${ORDER} } }`, { id }).then((d) => d.deliverOrder),
};
export const ORDERS_CHANGED = `subscription ConsoleOrdersChanged($filter: OrderChangeFilter) { ordersChanged(filter: $filter) { ${ORDER} } }`;

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actorId: string;
  readonly actorName: string | null;
  readonly service: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly reason: string | null;
}
export const audit = {
  list: (filter: { action?: string; entityId?: string }, at: PageAt) =>
    api
      .request<{ auditLog: Page<AuditEntry> }>(
        `query ConsoleAudit($filter: AuditFilter, $first: Int, $after: String, $last: Int, $before: String) {
          auditLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) { edges { node { id at actorId actorName service action entityType entityId reason } } ${PAGE_INFO} totalCount }
        }`,
        { filter, ...pageArgs(at, 30) },
      )
      .then((d) => d.auditLog),
};

const AUTH = 'accessToken refreshToken user { id name email roles }';
export const auth = {
  login: (input: { email: string; password: string }) =>
    api.request<{ login: Session }>(`mutation ConsoleLogin($input: LoginInput!) { login(input: $input) { ${AUTH} } }`, { input }).then((d) => session.set(d.login)),
  /** The second step for accounts with multi-factor authentication (staff roles need it: MFA_REQUIRED_ROLES). */
  verify: (challenge: string, code: string) =>
    api.request<{ verifyMfaChallenge: Session }>(`mutation ConsoleVerifyMfa($challenge: String!, $code: String!) { verifyMfaChallenge(challenge: $challenge, code: $code) { ${AUTH} } }`, { challenge, code }).then((d) => session.set(d.verifyMfaChallenge)),
  logout: async () => {
    const current = session.get();
    session.set(null);
    if (current) await api.request(`mutation ConsoleLogout($refreshToken: String!) { logout(refreshToken: $refreshToken) }`, { refreshToken: current.refreshToken }).catch(() => undefined);
  },
};
