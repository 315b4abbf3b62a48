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
  | 'SUBGRAPH_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

const EXPECTED_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'SUBGRAPH_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** A refusal clients are meant to handle, as opposed to a failure (logs and metrics tell them apart). */
export const isExpectedCode = (code: unknown): boolean => typeof code === 'string' && EXPECTED_CODES.has(code);


export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (message: string, field?: string): GraphQLError =>
  appError('BAD_USER_INPUT', message, field ? { field } : {});
export const unauthenticated = (message = 'You must be logged in'): GraphQLError => appError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this'): GraphQLError => appError('FORBIDDEN', message);
export const notFound = (what: string, id: string): GraphQLError => appError('NOT_FOUND', `${what} ${id} was not found`, { id });
export const conflict = (message: string, extensions: Record<string, unknown> = {}): GraphQLError =>
  appError('CONFLICT', message, extensions);
/** `retryAfterSeconds` tells the client when trying again can succeed. */
export const tooManyRequests = (message: string, retryAfterSeconds: number): GraphQLError =>
  appError('TOO_MANY_REQUESTS', message, { retryAfterSeconds });

/** One invalid input field: `field` is its path in the input (`email`, `preferences.locale`). */
interface FieldViolation {
  readonly field: string;
  readonly message: string;
}

/**
 * Apollo `formatError`: expected refusals pass through; anything unexpected
 * becomes a generic INTERNAL_SERVER_ERROR outside development, so no internals
 * (SQL, stack traces, file paths) leak to clients.
 */
export function createErrorFormatter(development: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && EXPECTED_CODES.has(code)) return withoutStack(withFieldViolations(formatted), development);
    if (development) return formatted;
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
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

/** What went wrong, in words, for a log line or a record: anything may be thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
