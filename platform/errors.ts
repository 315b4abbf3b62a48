import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Stable error codes clients can switch on. Thrown for refusals a client must
 * handle; anything else is an unexpected error and is masked in production.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'TRY_AGAIN'
  | 'MFA_REQUIRED'
  | 'SUBGRAPH_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** Codes set before or around a resolver (Apollo Server, the gateway's limits, the graphql-ws transport), never by `appError`. */
export type TransportErrorCode =
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'OPERATION_RESOLUTION_FAILURE'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'PERSISTED_QUERY_NOT_IN_LIST'
  | 'BAD_REQUEST'
  | 'TOO_MANY_SUBSCRIPTIONS'
  | 'SERVICE_UNAVAILABLE';

export type ClientErrorCode = ErrorCode | TransportErrorCode;

/**
 * Every `extensions.code` a client can see: what it means, what to do.
 * README "Error codes and refusal reasons" lists the same (errors.test.ts
 * fails when it misses one).
 */
export const ERROR_CODES: Readonly<Record<ClientErrorCode, string>> = {
  BAD_USER_INPUT: 'The input is invalid (`extensions.field` names the first bad field, `extensions.violations` lists all): correct it; the same input fails again.',
  UNAUTHENTICATED: 'No valid access token where one is needed, or wrong credentials: refresh the token or log in again.',
  FORBIDDEN: 'The caller lacks the role or ownership this needs: do not offer the action.',
  NOT_FOUND: 'Nothing with that id (`extensions.id`) that this caller may see: check the id.',
  CONFLICT: 'Refused because of the current state (`extensions.reason` says which): read the state again and act on the reason.',
  TOO_MANY_REQUESTS: 'Throttled: wait `extensions.retryAfterSeconds`, then try again.',
  TRY_AGAIN:
    'Too busy to finish this before its deadline: refused before doing anything, or what was done late is undone (`extensions.serviceName` when a subgraph did not answer in time): wait `extensions.retryAfterSeconds`, then send the same request again, with the same idempotency key.',
  MFA_REQUIRED:
    'The password was right and the account uses multi-factor authentication: send `extensions.challenge` with a code to verifyMfaChallenge before `extensions.expiresAt`.',
  SUBGRAPH_UNAVAILABLE: 'A subgraph cannot be reached (`extensions.serviceName`): retry later.',
  INTERNAL_SERVER_ERROR: 'Unexpected failure, details hidden outside development: retry later, and report it if it persists.',
  GRAPHQL_PARSE_FAILED: 'The document is not GraphQL, or too long or too deeply nested to parse: fix it, or send less.',
  GRAPHQL_VALIDATION_FAILED:
    'The document does not fit the schema, or exceeds an operation limit (`extensions.limit`: depth, fragmentDepth, fields, aliases or rootFields, with `extensions.max`): change the document.',
  OPERATION_RESOLUTION_FAILURE: 'The document has several operations and `operationName` names none of them: send the name of one.',
  PERSISTED_QUERY_NOT_FOUND: 'The persisted query hash is not known here: send it again with the full query text.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Persisted queries are off: send the full query text.',
  PERSISTED_QUERY_NOT_IN_LIST:
    'Only operations of the persisted-operations manifest run here (SAFELIST=true): add the operation to client/operations, run codegen, and deploy the new manifest.',
  BAD_REQUEST:
    'The HTTP request is malformed (no query, bad JSON, a subscription over HTTP) or its body is over the size limit (HTTP 413): fix the request; subscriptions go over graphql-ws.',
  TOO_MANY_SUBSCRIPTIONS: 'The WebSocket connection holds its maximum of subscriptions: complete one first, or open another connection.',
  SERVICE_UNAVAILABLE: 'The gateway is shutting down: reconnect, and subscribe again.',
};

/**
 * Why a refusal was made (`extensions.reason`, mostly with CONFLICT): the
 * cases a client branches on, each with what it means and what to do.
 * `appError` and `conflict` accept only these, so a misspelt reason does not
 * compile; the README lists the same (errors.test.ts checks it).
 */
export const REFUSAL_REASONS = {
  ALREADY_DELIVERED: 'The order is delivered already: nothing to do.',
  ALREADY_PAID: 'The order is paid already (`extensions.status`): nothing to pay; read the order instead of paying again.',
  ALREADY_REFUNDED: 'The order is refunded already: nothing is left to refund or cancel.',
  ALREADY_SHIPPED: 'The order has shipped (or been delivered), so it cannot be cancelled or shipped again: refund it instead.',
  CART_FULL: 'The cart holds its maximum of products: remove one first.',
  CLIENT_CONFIRMATION_REQUIRED: "The payment is confirmed on the customer's device with Stripe.js and the payment's clientSecret, not with confirmPayment.",
  DISCOUNT_BELOW_MINIMUM: "The cart is below the code's minimum subtotal: add to the cart, or remove the code.",
  DISCOUNT_EXHAUSTED: 'The code has no uses left, in all or for this customer: remove it from the cart.',
  DISCOUNT_EXPIRED: "The code's validity window has ended: remove it from the cart.",
  DISCOUNT_NOT_STACKABLE: 'The code cannot be combined with a code already on the cart (one of them is not stackable): remove one.',
  DISCOUNT_NOT_YET_VALID: "The code's validity window has not begun: try again from its start.",
  DISCOUNT_UNKNOWN: 'No active discount code has that text (codes match case-insensitively): check the code.',
  DISCOUNT_WRONG_CURRENCY: 'The code is for carts in another currency.',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was used for a different request (other lines, another amount): use a new key for a new request.',
  INSUFFICIENT_STOCK: 'Not enough stock (`extensions.shortages` lists productId, requested, available): lower the quantities and try again.',
  INVALID_TRANSITION: "The order's status does not allow this change: read the order's status first.",
  MFA_ALREADY_ENABLED: 'Multi-factor authentication is on already: disable it first to enrol another authenticator.',
  MFA_CHALLENGE_INVALID: 'The sign-in challenge is unknown, used, expired or has had too many wrong codes: log in with the password again.',
  MFA_ENROLLMENT_NOT_STARTED: 'No enrolment is waiting for confirmation: start one with startMfaEnrollment.',
  MFA_ENROLLMENT_REQUIRED:
    'Staff operations need a session that proved a second factor (MFA_REQUIRED_ROLES): enrol, or confirm a code with stepUpMfa, then use the access token it returns.',
  MFA_NOT_ENABLED: 'Multi-factor authentication is off for this account: enrol first.',
  MORE_THAN_DELIVERED: 'The return asks for more units of a line than were delivered (BAD_USER_INPUT, `extensions.field` names the line, `extensions.delivered` says how many).',
  NOT_A_VERIFIED_BUYER: 'Only a customer who received the product (a delivered order) may review it.',
  NOT_AWAITING_AUTHENTICATION: 'The payment is not waiting for authentication: confirm it first.',
  NOT_PAID: 'The order is not paid, so it cannot be shipped, delivered or refunded: wait for the payment, or cancel the order.',
  NOT_REFUNDABLE: 'Only a succeeded payment can be refunded (`extensions.status` says what it is).',
  NOT_SHIPPED: 'The order has not shipped, so it cannot be delivered: ship it first.',
  NO_SHIPPING_TO_ADDRESS: 'No shipping zone covers the address (`extensions.country`): the shop does not ship there; use another address.',
  OPTION_VALUES_MISMATCH:
    "The variant's option values do not fit the product's options (BAD_USER_INPUT, `extensions.field` names the value): give one value of each option, from its values.",
  ORDER_CANCELLED: 'The order is cancelled: nothing more can change it.',
  PAYMENT_CANCELED: 'The payment was canceled and can no longer be paid: place a new order.',
  PAYMENT_CHANGED: 'The payment changed while this call ran (`extensions.retryable`): try again.',
  PAYMENT_FAILED: 'The payment failed and the order is not paid: pay again with another method (`confirmPayment`) while the order is payable, or cancel it.',
  PAYMENT_PROCESSING: 'The payment is being processed or waits for authentication: wait for its outcome (subscribe to the order).',
  PAYMENT_TERMS_DIFFER: 'The order already has a payment of another amount, currency or customer: the earlier payment stands.',
  PLACEMENT_ABANDONED: 'Placing the order took too long and was undone: place it again.',
  PRICE_CHANGED: 'The total differs from the one the client showed (`extensions.totals` is the new breakdown): show it, and place the order again with it.',
  PRODUCT_UNAVAILABLE: 'The product is no longer sold (BAD_USER_INPUT, `extensions.field` names the line): remove it.',
  PROVIDER_NOT_CONFIGURED: 'The payment was made with a provider this server is not configured for: an operator must configure it.',
  REFUND_EXCEEDS_PAYMENT: 'The refund is more than is left of the payment (`extensions.refundable`): refund at most that.',
  SHIPPING_METHOD_UNAVAILABLE:
    'The shipping method (`extensions.methodId`) is not offered for the address and products (unknown, inactive, another zone or currency, or no band fits): choose one of the shipping options.',
  SKU_TAKEN: 'Another product or variant has this SKU (ignoring case): choose another SKU.',
  STEP_UP_REQUIRED:
    'This operation needs a code proved within the last `extensions.maxAgeSeconds`: confirm one with stepUpMfa (enrol first if needed), then retry with the access token it returns.',
  RETURN_ALREADY_REQUESTED: 'Those units are in an earlier return of the order already (`extensions.returnable` says how many are left): follow that return instead.',
  RETURN_STATUS: "The return's status (`extensions.status`) does not allow this step: read the return first.",
  RETURN_WINDOW_CLOSED: 'The line was delivered more than RETURN_WINDOW_DAYS ago (`extensions.deliveredAt`): it can no longer be returned.',
  REVIEW_EXISTS: 'The customer has reviewed this product already (`extensions.reviewId`): edit that review instead.',
  VARIANT_COMBINATION_EXISTS: 'A live variant of the product has these option values already (`extensions.variantId`): change or archive it, or choose other values.',
  VARIANT_REQUIRED:
    'The product is sold in several variants (BAD_USER_INPUT, `extensions.field` names the line): give the variantId of the one meant (`Product.variants`).',
  WISHLIST_FULL: 'The wishlist holds its maximum of products: remove one first.',
} as const satisfies Readonly<Record<string, string>>;

export type RefusalReason = keyof typeof REFUSAL_REASONS;

/** What an error carries besides its code; `reason`, when given, is one of REFUSAL_REASONS. */
export interface ErrorExtensions {
  readonly reason?: RefusalReason;
  readonly [key: string]: unknown;
}

/** Codes that pass the formatter as they are; anything else is unexpected. */
const EXPECTED_CODES = new Set<string>(Object.keys(ERROR_CODES).filter((code) => code !== 'INTERNAL_SERVER_ERROR'));

/** A refusal clients are meant to handle, as opposed to a failure (logs and metrics tell them apart). */
export const isExpectedCode = (code: unknown): boolean => typeof code === 'string' && EXPECTED_CODES.has(code);

export function appError(code: ErrorCode, message: string, extensions: ErrorExtensions = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (message: string, field?: string): GraphQLError =>
  appError('BAD_USER_INPUT', message, field ? { field } : {});
export const unauthenticated = (message = 'You must be logged in'): GraphQLError => appError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this'): GraphQLError => appError('FORBIDDEN', message);
export const notFound = (what: string, id: string): GraphQLError => appError('NOT_FOUND', `${what} ${id} was not found`, { id });
export const conflict = (message: string, extensions: ErrorExtensions = {}): GraphQLError =>
  appError('CONFLICT', message, extensions);
/** `retryAfterSeconds` tells the client when trying again can succeed. */
export const tooManyRequests = (message: string, retryAfterSeconds: number): GraphQLError =>
  appError('TOO_MANY_REQUESTS', message, { retryAfterSeconds });

/** Shed under load, before any side effect (or with it undone): the same request later can succeed. */
export const tryAgain = (message: string, retryAfterSeconds = 1): GraphQLError => appError('TRY_AGAIN', message, { retryAfterSeconds });

/** One invalid input field: `field` is its path in the input (`email`, `preferences.locale`). */
interface FieldViolation {
  readonly field: string;
  readonly message: string;
}

/**
 * Apollo `formatError`: expected refusals pass through; anything unexpected
 * becomes a generic INTERNAL_SERVER_ERROR outside development, so no internals
 * (SQL, stack traces, file paths) leak to clients. In `production` even the
 * expected ones say nothing of the schema or the deployment (see
 * `withoutInternals`).
 */
export function createErrorFormatter(development: boolean, { production = false }: { readonly production?: boolean } = {}) {
  const masked = (formatted: GraphQLFormattedError): GraphQLFormattedError => ({
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code !== 'string' || !EXPECTED_CODES.has(code)) return development ? formatted : masked(formatted);
    const expected = withoutStack(withFieldViolations(formatted), development);
    return production ? withoutInternals(expected) : expected;
  };
}

/** What the gateway adds to a subgraph's error: which subgraph, and the HTTP response it gave. */
const SUBGRAPH_DETAILS = ['serviceName', 'response', 'exception'];

/**
 * An expected error as production shows it, as Apollo Router does by
 * default: no "Did you mean ...?" (it spells out the schema to someone
 * guessing at it), nothing naming a subgraph or how it answered, and no
 * message of the JavaScript runtime (a stack overflow) that says how the
 * server is built.
 */
function withoutInternals(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => !SUBGRAPH_DETAILS.includes(key)));
  let message = formatted.message.replace(/ ?Did you mean .+?\?$/, '');
  if (extensions.code === 'SUBGRAPH_UNAVAILABLE') message = 'A service this operation needs is unavailable; try again later';
  if (extensions.code === 'TRY_AGAIN' && formatted.extensions?.serviceName !== undefined) message = 'A service this operation needs did not answer in time; try again';
  if (/Maximum call stack size exceeded/.test(message)) message = 'The document is too complex';
  return { ...formatted, message, extensions };
}

function withoutStack(formatted: GraphQLFormattedError, development: boolean): GraphQLFormattedError {
  if (development || !formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/**
 * type-graphql reports class-validator failures as `validationErrors`, which
 * carry the submitted values (passwords included). They are replaced by the
 * failing fields' paths and messages: `field` names the first, `violations`
 * lists all, and the message is the first violation's.
 */
function withFieldViolations(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('validationErrors' in formatted.extensions)) return formatted;
  const { validationErrors, ...extensions } = formatted.extensions;
  const violations = violationsOf(validationErrors, '');
  if (violations.length === 0) return { ...formatted, extensions };
  return { ...formatted, message: violations[0].message, extensions: { ...extensions, field: violations[0].field, violations } };
}

function violationsOf(errors: unknown, parent: string): FieldViolation[] {
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((error: unknown): FieldViolation[] => {
    if (typeof error !== 'object' || error === null) return [];
    const { property, constraints, children } = error as { property?: unknown; constraints?: unknown; children?: unknown };
    if (typeof property !== 'string') return [];
    const field = parent ? `${parent}.${property}` : property;
    const messages = typeof constraints === 'object' && constraints !== null ? Object.values(constraints) : [];
    return [
      ...messages.filter((message): message is string => typeof message === 'string').map((message) => ({ field, message })),
      ...violationsOf(children, field),
    ];
  });
}

/** The refusal reason an error carries, when it is one of the catalogue's. */
export function reasonOf(error: unknown): RefusalReason | undefined {
  const reason = error instanceof GraphQLError ? error.extensions.reason : undefined;
  return isRefusalReason(reason) ? reason : undefined;
}

const isRefusalReason = (value: unknown): value is RefusalReason => typeof value === 'string' && Object.hasOwn(REFUSAL_REASONS, value);

/** What went wrong, in words, for a log line or a record: anything may be thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
