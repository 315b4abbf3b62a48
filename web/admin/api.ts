import {
  ClientLoginDocument,
  ClientLogoutDocument,
  ConsoleAdjustStockDocument,
  ConsoleArchiveProductDocument,
  ConsoleAuditDocument,
  ConsoleCreateProductDocument,
  ConsoleDeliverOrderDocument,
  ConsoleLowStockDocument,
  ConsoleOrdersDocument,
  ConsoleProductsDocument,
  ConsoleProductVariantsDocument,
  ConsoleSetStockDocument,
  ConsoleShipOrderDocument,
  ConsoleUpdateProductDocument,
  ConsoleVerifyMfaDocument,
  type AuditFilter,
  type ConsoleAuditQuery,
  type ConsoleOrderFieldsFragment,
  type ConsoleProductFieldsFragment,
  type ConsoleProductVariantsQuery,
  type CreateProductInput,
  type LoginInput,
  type OrderFilter,
  type UpdateProductInput,
} from '../../client/__generated__/graphql';
import { appClients } from '../shared/clients';
import { pageArgs, type PageAt } from '../shared/ui';

/**
 * Everything the agent console asks of the API, in one place. It uses only
 * the public gateway, as any client would; staff rights are the server's
 * decision (AGENT or ADMIN in the token), the console only hides what a role
 * cannot use. The documents are @shop/client's
 * (client/operations/web-console.graphql), typed by codegen and sent by their
 * persisted id.
 */

export const { session, signedOut, api, live } = appClients('shop.console.session');

export type Product = ConsoleProductFieldsFragment;
export type ProductStatus = Product['status'];
export type StockLevel = Product['stock'];
/** Its stock is null, with an error beside it, while inventory is down. */
export type Variant = NonNullable<ConsoleProductVariantsQuery['product']>['variants'][number];

export const products = {
  list: (search: string, at: PageAt) => api.request(ConsoleProductsDocument, { filter: search ? { search } : {}, ...pageArgs(at, 20) }).then((d) => d.products),
  create: (input: CreateProductInput) => api.request(ConsoleCreateProductDocument, { input }).then((d) => d.createProduct),
  update: (id: string, input: UpdateProductInput) => api.request(ConsoleUpdateProductDocument, { id, input }).then((d) => d.updateProduct),
  /** Read when an agent opens a product's variants, not with every page of the table. */
  variants: (productId: string) => api.request(ConsoleProductVariantsDocument, { id: productId }).then((d) => d.product?.variants ?? []),
  archive: (id: string) => api.request(ConsoleArchiveProductDocument, { id }).then((d) => d.archiveProduct),
};

export const stock = {
  set: (sku: string, onHand: number) => api.request(ConsoleSetStockDocument, { sku, onHand }).then((d) => d.setStockBySku),
  adjust: (sku: string, delta: number, reason: string, idempotencyKey: string) =>
    api.request(ConsoleAdjustStockDocument, { sku, delta, reason, key: idempotencyKey }).then((d) => d.adjustStockBySku),
  /** The first 50 (the count says how many there are in all). */
  low: () => api.request(ConsoleLowStockDocument).then((d) => d.lowStock),
};

export type Order = ConsoleOrderFieldsFragment;
export type OrderStatus = Order['status'];
/** The statuses the orders board filters by. */
export const ORDER_STATUSES: readonly OrderStatus[] = ['AWAITING_PAYMENT', 'PAID', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'PAYMENT_FAILED', 'REFUNDED'];

export const orders = {
  list: (filter: OrderFilter, at: PageAt) => api.request(ConsoleOrdersDocument, { filter, ...pageArgs(at, 20) }).then((d) => d.orders),
  ship: (id: string) => api.request(ConsoleShipOrderDocument, { id }).then((d) => d.shipOrder),
  deliver: (id: string) => api.request(ConsoleDeliverOrderDocument, { id }).then((d) => d.deliverOrder),
};
export { ConsoleOrdersChangedDocument as ORDERS_CHANGED } from '../../client/__generated__/graphql';

export type AuditEntry = ConsoleAuditQuery['auditLog']['edges'][number]['node'];
export const audit = {
  list: (filter: AuditFilter, at: PageAt) => api.request(ConsoleAuditDocument, { filter, ...pageArgs(at, 30) }).then((d) => d.auditLog),
};

export const auth = {
  login: (input: LoginInput) => api.request(ClientLoginDocument, { input }).then((d) => session.set(d.login)),
  /** The second step for accounts with multi-factor authentication (staff roles need it: MFA_REQUIRED_ROLES). */
  verify: (challenge: string, code: string) => api.request(ConsoleVerifyMfaDocument, { challenge, code }).then((d) => session.set(d.verifyMfaChallenge)),
  logout: async () => {
    const current = session.get();
    session.set(null);
    if (current) await api.request(ClientLogoutDocument, { refreshToken: current.refreshToken }).catch(() => undefined);
  },
};
