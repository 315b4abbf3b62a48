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
  | 'SUBGRAPH_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

const EXPECTED_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SUBGRAPH_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

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

/**
 * Apollo `formatError`: expected refusals pass through; anything unexpected
 * becomes a generic INTERNAL_SERVER_ERROR outside development, so no internals
 * (SQL, stack traces, file paths) leak to clients.
 */
export function createErrorFormatter(development: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && EXPECTED_CODES.has(code)) return withoutStack(formatted, development);
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
