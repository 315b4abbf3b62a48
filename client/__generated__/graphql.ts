/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The stable code of every error (`errors[].extensions.code`) and per-item refusal: what it means and what to do. `extensions.field` names the input field of a BAD_USER_INPUT; `extensions.reason` says why a CONFLICT (the README lists the reasons). */
export type ErrorCode =
  /** The HTTP request is malformed (no query, bad JSON, a subscription over HTTP) or its body is over the size limit (HTTP 413): fix the request; subscriptions go over graphql-ws. */
  | 'BAD_REQUEST'
  /** The input is invalid (`extensions.field` names the first bad field, `extensions.violations` lists all): correct it; the same input fails again. */
  | 'BAD_USER_INPUT'
  /** Refused because of the current state (`extensions.reason` says which): read the state again and act on the reason. */
  | 'CONFLICT'
  /** The caller lacks the role or ownership this needs: do not offer the action. */
  | 'FORBIDDEN'
  /** The document is not GraphQL, or too long or too deeply nested to parse: fix it, or send less. */
  | 'GRAPHQL_PARSE_FAILED'
  /** The document does not fit the schema, or exceeds an operation limit (`extensions.limit`: depth, fragmentDepth, fields, aliases or rootFields, with `extensions.max`): change the document. */
  | 'GRAPHQL_VALIDATION_FAILED'
  /** Unexpected failure, details hidden outside development: retry later, and report it if it persists. */
  | 'INTERNAL_SERVER_ERROR'
  /** The password was right and the account uses multi-factor authentication: send `extensions.challenge` with a code to verifyMfaChallenge before `extensions.expiresAt`. */
  | 'MFA_REQUIRED'
  /** Nothing with that id (`extensions.id`) that this caller may see: check the id. */
  | 'NOT_FOUND'
  /** The document has several operations and `operationName` names none of them: send the name of one. */
  | 'OPERATION_RESOLUTION_FAILURE'
  /** The persisted query hash is not known here: send it again with the full query text. */
  | 'PERSISTED_QUERY_NOT_FOUND'
  /** Only operations of the persisted-operations manifest run here (SAFELIST=true): add the operation to client/operations, run codegen, and deploy the new manifest. */
  | 'PERSISTED_QUERY_NOT_IN_LIST'
  /** Persisted queries are off: send the full query text. */
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  /** The gateway is shutting down: reconnect, and subscribe again. */
  | 'SERVICE_UNAVAILABLE'
  /** A subgraph cannot be reached (`extensions.serviceName`): retry later. */
  | 'SUBGRAPH_UNAVAILABLE'
  /** Throttled: wait `extensions.retryAfterSeconds`, then try again. */
  | 'TOO_MANY_REQUESTS'
  /** The WebSocket connection holds its maximum of subscriptions: complete one first, or open another connection. */
  | 'TOO_MANY_SUBSCRIPTIONS'
  /** Too busy to finish this before its deadline: refused before doing anything, or what was done late is undone (`extensions.serviceName` when a subgraph did not answer in time): wait `extensions.retryAfterSeconds`, then send the same request again, with the same idempotency key. */
  | 'TRY_AGAIN'
  /** No valid access token where one is needed, or wrong credentials: refresh the token or log in again. */
  | 'UNAUTHENTICATED';

export type LoginInput = {
  email: string;
  password: string;
};

/** A product sold as one variant (productId alone), or a variant (variantId; productId then names its product). */
export type OrderLineInput = {
  /** The product, or a variant's id. A product sold in several variants needs variantId (BAD_USER_INPUT, reason VARIANT_REQUIRED). */
  productId: string | number;
  /** From 1 to 100 units. */
  quantity: number;
  /** The variant ordered; must be a variant of productId. */
  variantId?: string | number | null | undefined;
};

export type OrderShippingInput = {
  address: ShippingAddressInput;
  /** One of the options offered for the address and lines (the cart's shippingOptions). */
  methodId: string | number;
};

export type OrderStatus =
  /** Stock reserved and a payment created; waiting for the customer to pay. */
  | 'AWAITING_PAYMENT'
  /** Cancelled before shipping (by the customer, staff, or reservation expiry); stock released, payment cancelled or refunded. */
  | 'CANCELLED'
  /** Received by the customer (every shipment delivered). */
  | 'DELIVERED'
  /** Payment confirmed; the reserved stock is sold. */
  | 'PAID'
  /** Some of its units are in shipments with a label; the rest are still to ship. */
  | 'PARTIALLY_SHIPPED'
  /** The last payment attempt was declined (see payment.statusReason); the stock stays reserved and the owner may pay again until the reservation expires (then CANCELLED). */
  | 'PAYMENT_FAILED'
  /** Being placed (stock and payment being arranged); never shown to clients. */
  | 'PENDING'
  /** The whole amount was returned to the customer. */
  | 'REFUNDED'
  /** Handed to the carrier (every unit, in one shipment or several). */
  | 'SHIPPED';

/** REQUIRES_PAYMENT → PROCESSING → SUCCEEDED or FAILED; FAILED can be paid again (→ PROCESSING or SUCCEEDED, or FAILED once more); SUCCEEDED → REFUNDED once fully refunded; CANCELED before any money moved. */
export type PaymentStatus =
  /** Closed before any money moved (the order was cancelled or expired). */
  | 'CANCELED'
  /** The last attempt was declined or not authenticated (see statusReason); the owner may pay again with another method until the order is cancelled or its reservation expires. */
  | 'FAILED'
  /** The provider is working on it, or waits for the customer to authenticate (3-D Secure). */
  | 'PROCESSING'
  /** The whole amount went back to the customer. */
  | 'REFUNDED'
  | 'REQUIRES_PAYMENT'
  /** Paid; a receipt was issued. Stays SUCCEEDED while only part of it is refunded (see refundedAmount). */
  | 'SUCCEEDED';

export type PlaceOrderInput = {
  /** The total (minor units) the client showed; a different priced total is refused with PRICE_CHANGED (extensions.totals) and nothing is held. */
  expectedTotal?: number | null | undefined;
  /** Up to 100 characters. Sending the same key again answers the order it placed (never a second one); the same key with other lines is a CONFLICT. */
  idempotencyKey?: string | null | undefined;
  /** From 1 to 50 lines; lines for the same product or variant are added together. */
  lines: Array<OrderLineInput>;
  /** Where and how it ships; its price becomes the shipping line of the total. None: an order without shipping. */
  shipping?: OrderShippingInput | null | undefined;
};

export type ProductFilter = {
  /** Products in this category or any category below it. */
  categoryId?: string | number | null | undefined;
  /** ISO 4217 code, e.g. "EUR". */
  currency?: string | null | undefined;
  /** Highest price amount (minor units), inclusive. */
  maxPrice?: number | null | undefined;
  /** Lowest price amount (minor units), inclusive. */
  minPrice?: number | null | undefined;
  /** Case-insensitive match on name, SKU or description. */
  search?: string | null | undefined;
  status?: ProductStatus | null | undefined;
};

/** Only ACTIVE products are visible to customers. */
export type ProductStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'DRAFT';

export type RegisterInput = {
  /** Stored lower-cased; must not belong to an account yet. */
  email: string;
  name: string;
  /** At least 10 characters. */
  password: string;
};

/** AGENT and ADMIN act for the shop; ADMIN also grants roles. */
export type Role =
  | 'ADMIN'
  | 'AGENT'
  | 'CUSTOMER';

export type ShippingAddressInput = {
  /** 1 to 100 characters. */
  city: string;
  /** ISO 3166-1 alpha-2 (FR). */
  country: string;
  /** 1 to 200 characters. */
  line1: string;
  /** Up to 200 characters. */
  line2?: string | null | undefined;
  /** 1 to 20 characters. */
  postalCode: string;
  /** 1 to 100 characters. */
  recipient: string;
  /** ISO 3166-2 within the country (FR-75). */
  region?: string | null | undefined;
};

/** One line of a stock feed: the counted units on hand of the product with this SKU. */
export type StockLevelInput = {
  onHand: number;
  /** Matched ignoring case and surrounding spaces. */
  sku: string;
};

export type StockLevelStatus =
  /** This item was refused (see error); the other items were still applied. */
  | 'ERROR'
  /** onHand already had this figure: nothing was written (a feed sent again answers this). */
  | 'UNCHANGED'
  | 'UPDATED';

export type ClientSessionFragment = { accessToken: string, refreshToken: string, user: { id: string, email: string, name: string, roles: Array<Role> } };

export type ClientRegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type ClientRegisterMutation = { register: { accessToken: string, refreshToken: string, user: { id: string, email: string, name: string, roles: Array<Role> } } };

export type ClientLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type ClientLoginMutation = { login: { accessToken: string, refreshToken: string, user: { id: string, email: string, name: string, roles: Array<Role> } } };

export type ClientRefreshTokenMutationVariables = Exact<{
  refreshToken: string;
}>;


export type ClientRefreshTokenMutation = { refreshToken: { accessToken: string, refreshToken: string, user: { id: string, email: string, name: string, roles: Array<Role> } } };

export type ClientLogoutMutationVariables = Exact<{
  refreshToken: string;
}>;


export type ClientLogoutMutation = { logout: boolean };

export type ClientMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ClientMeQuery = { me: { id: string, email: string, name: string, roles: Array<Role> } | null };

export type ConsoleSetStockLevelsMutationVariables = Exact<{
  items: Array<StockLevelInput> | StockLevelInput;
}>;


export type ConsoleSetStockLevelsMutation = { setStockLevels: Array<{ index: number, sku: string, status: StockLevelStatus, stock: { productId: string, onHand: number, reserved: number, available: number } | null, error: { code: ErrorCode, message: string, field: string | null } | null }> };

export type ClientNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientNodeQuery = { node:
    | { __typename: 'Category', id: string }
    | { __typename: 'Order', id: string, orderStatus: OrderStatus, total: { amount: number, currency: string } }
    | { __typename: 'Product', name: string, id: string, price: { amount: number, currency: string } }
    | { __typename: 'ProductVariant', id: string }
    | { __typename: 'Review', id: string }
    | { __typename: 'Shipment', id: string }
    | { __typename: 'User', id: string }
   | null };

export type ClientNodesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ClientNodesQuery = { nodes: Array<
    | { __typename: 'Category', id: string }
    | { __typename: 'Order', id: string }
    | { __typename: 'Product', id: string }
    | { __typename: 'ProductVariant', id: string }
    | { __typename: 'Review', id: string }
    | { __typename: 'Shipment', id: string }
    | { __typename: 'User', id: string }
   | null> };

export type StorefrontOrderFieldsFragment = { id: string, status: OrderStatus, version: number, createdAt: string, total: { amount: number, currency: string }, lines: Array<{ quantity: number, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, product: { id: string, name: string } }>, payment: { status: PaymentStatus, clientSecret: string | null } | null };

export type StorefrontPlaceOrderMutationVariables = Exact<{
  input: PlaceOrderInput;
}>;


export type StorefrontPlaceOrderMutation = { placeOrder: { id: string, status: OrderStatus, version: number, createdAt: string, total: { amount: number, currency: string }, lines: Array<{ quantity: number, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, product: { id: string, name: string } }>, payment: { status: PaymentStatus, clientSecret: string | null } | null } };

export type StorefrontConfirmPaymentMutationVariables = Exact<{
  orderId: string | number;
  paymentMethod: string;
}>;


export type StorefrontConfirmPaymentMutation = { confirmPayment: { id: string, status: PaymentStatus } };

export type StorefrontOrderQueryVariables = Exact<{
  id: string | number;
}>;


export type StorefrontOrderQuery = { order: { id: string, status: OrderStatus, version: number, createdAt: string, total: { amount: number, currency: string }, lines: Array<{ quantity: number, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, product: { id: string, name: string } }>, payment: { status: PaymentStatus, clientSecret: string | null } | null } | null };

export type StorefrontOrderHistoryQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type StorefrontOrderHistoryQuery = { me: { id: string, orders: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, status: OrderStatus, version: number, createdAt: string, total: { amount: number, currency: string }, lines: Array<{ quantity: number, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, product: { id: string, name: string } }>, payment: { status: PaymentStatus, clientSecret: string | null } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } } | null };

export type StorefrontOrderStatusSubscriptionVariables = Exact<{
  orderId: string | number;
}>;


export type StorefrontOrderStatusSubscription = { orderStatusChanged: { id: string, status: OrderStatus, version: number, createdAt: string, total: { amount: number, currency: string }, lines: Array<{ quantity: number, unitPrice: { amount: number, currency: string }, lineTotal: { amount: number, currency: string }, product: { id: string, name: string } }>, payment: { status: PaymentStatus, clientSecret: string | null } | null } };

export type StorefrontProductsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: ProductFilter | null | undefined;
}>;


export type StorefrontProductsQuery = { products: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string, price: { amount: number, currency: string }, stock: { available: number } } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type StorefrontProductQueryVariables = Exact<{
  id: string | number;
}>;


export type StorefrontProductQuery = { product: { id: string, name: string, description: string | null, price: { amount: number, currency: string }, stock: { available: number } } | null };

export type StorefrontStockSubscriptionVariables = Exact<{
  productIds: Array<string | number> | string | number;
}>;


export type StorefrontStockSubscription = { stockLevelChanged: { productId: string, available: number } };

export const ClientSessionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientSession"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<ClientSessionFragment, unknown>;
export const StorefrontOrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StorefrontOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<StorefrontOrderFieldsFragment, unknown>;
export const ClientRegisterDocument = {"__meta__":{"hash":"sha256:ce25b05451a72e696607c7a5bcb4e4cc2505477c397b39dba55c07995ebb8505"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientRegister"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"register"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientSession"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientSession"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<ClientRegisterMutation, ClientRegisterMutationVariables>;
export const ClientLoginDocument = {"__meta__":{"hash":"sha256:3aed4ef4a6419db00601a21619c1ae9ab9625757ffb2a940e036096acf2457ef"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientSession"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientSession"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<ClientLoginMutation, ClientLoginMutationVariables>;
export const ClientRefreshTokenDocument = {"__meta__":{"hash":"sha256:82bb49f800f446b50d573b01c4fd0ee08863e0bfc6df9af3d3667b4952d195af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientRefreshToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientSession"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientSession"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<ClientRefreshTokenMutation, ClientRefreshTokenMutationVariables>;
export const ClientLogoutDocument = {"__meta__":{"hash":"sha256:7944993394218e1bbdc37fc994431aa79f48727cbee1efc7fb30b726bf92e424"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientLogout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}]}]}}]} as unknown as DocumentNode<ClientLogoutMutation, ClientLogoutMutationVariables>;
export const ClientMeDocument = {"__meta__":{"hash":"sha256:ca9638fb79fecb42b194cb8d1c9b7f2f9a0b27d050b32aeee148740bffd1de1a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<ClientMeQuery, ClientMeQueryVariables>;
export const ConsoleSetStockLevelsDocument = {"__meta__":{"hash":"sha256:88d3de3c7dc475405a63a0b8d3fbf4dff079b131de0b6e485222fa08e112b642"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSetStockLevels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"items"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StockLevelInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setStockLevels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"items"},"value":{"kind":"Variable","name":{"kind":"Name","value":"items"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleSetStockLevelsMutation, ConsoleSetStockLevelsMutationVariables>;
export const ClientNodeDocument = {"__meta__":{"hash":"sha256:eacc0bacd90bcc0818237f01446dca96f13aa5374da987260eea95315cdd5552"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"orderStatus"},"name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClientNodeQuery, ClientNodeQueryVariables>;
export const ClientNodesDocument = {"__meta__":{"hash":"sha256:00ee7156b8a0f025b53e008972c14a3f73531587e89a82252846902007c54ca4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ClientNodesQuery, ClientNodesQueryVariables>;
export const StorefrontPlaceOrderDocument = {"__meta__":{"hash":"sha256:7ab780dcbe52d662ae4815699dd8ec4b4ffc8b7eda57000df1d7490f2e5c3e92"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StorefrontPlaceOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placeOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StorefrontOrderFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StorefrontOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<StorefrontPlaceOrderMutation, StorefrontPlaceOrderMutationVariables>;
export const StorefrontConfirmPaymentDocument = {"__meta__":{"hash":"sha256:8eeaacffcb2e5e2b99d829a05f06a22e45043c387dbbc0fcd83e5f10584f3c22"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StorefrontConfirmPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"paymentMethod"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}}},{"kind":"Argument","name":{"kind":"Name","value":"paymentMethod"},"value":{"kind":"Variable","name":{"kind":"Name","value":"paymentMethod"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<StorefrontConfirmPaymentMutation, StorefrontConfirmPaymentMutationVariables>;
export const StorefrontOrderDocument = {"__meta__":{"hash":"sha256:e87ee03d5e5d831981e048658c455cf693f679ef26d96ca935dc861d69d61b79"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorefrontOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StorefrontOrderFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StorefrontOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<StorefrontOrderQuery, StorefrontOrderQueryVariables>;
export const StorefrontOrderHistoryDocument = {"__meta__":{"hash":"sha256:15a82f90d4aa374b23427523f4b63bcd3644f661490c76d31ecfc45a4f22e96e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorefrontOrderHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StorefrontOrderFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StorefrontOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<StorefrontOrderHistoryQuery, StorefrontOrderHistoryQueryVariables>;
export const StorefrontOrderStatusDocument = {"__meta__":{"hash":"sha256:d7251e8e4230a48d23fac3ce2aa22c368a978b4f71232ac38efcdf17872133a7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StorefrontOrderStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StorefrontOrderFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StorefrontOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<StorefrontOrderStatusSubscription, StorefrontOrderStatusSubscriptionVariables>;
export const StorefrontProductsDocument = {"__meta__":{"hash":"sha256:376b4237bccf1defa56ce6aff6dcf93c57e24ab4a29589959c913f28ecf16e12"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorefrontProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<StorefrontProductsQuery, StorefrontProductsQueryVariables>;
export const StorefrontProductDocument = {"__meta__":{"hash":"sha256:096444bdfbd9c872fc055425b8438a649089eca385d29cb6e214d65e86d7387f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorefrontProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}}]}}]} as unknown as DocumentNode<StorefrontProductQuery, StorefrontProductQueryVariables>;
export const StorefrontStockDocument = {"__meta__":{"hash":"sha256:b16c01fab23045d4251d1b25033a63d11347afcb26b653a612249f1b132c6716"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StorefrontStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"productIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockLevelChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"productIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"productIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}}]} as unknown as DocumentNode<StorefrontStockSubscription, StorefrontStockSubscriptionVariables>;