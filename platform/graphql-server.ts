import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Lexer, Source, TokenKind, type GraphQLFormattedError } from 'graphql';
import type { Config } from './config';
import { createErrorFormatter } from './errors';

/**
 * What the gateway and every subgraph accept before any resolver runs, and
 * how their errors leave: one document size, one introspection setting, one
 * error formatter.
 */

/**
 * Brackets, braces and parentheses nested deeper than this are refused before
 * parsing: graphql-js parses recursively, and a few thousand levels (well
 * within the token limit) overflow the stack. Real operations nest a dozen.
 */
export const MAX_DOCUMENT_NESTING = 100;

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Why a document is refused before parsing (nested too deep), or null. Reads
 * at most `maxTokens` tokens: a longer document is the parser's to refuse, and
 * a syntax error is left for it to report. Checked where the document
 * arrives (platform/http.ts, the graphql-ws transport), since Apollo Server
 * answers 500 to anything its plugins throw before parsing.
 */
export function documentTooDeep(query: string, maxTokens: number): GraphQLError | null {
  // Nesting never exceeds the number of opening characters: most documents pass without lexing (the lexer was 2% of a subgraph's CPU per request).
  if (openingCharacters(query) <= MAX_DOCUMENT_NESTING) return null;
  const lexer = new Lexer(new Source(query));
  let depth = 0;
  try {
    for (let read = 0; read <= maxTokens; read++) {
      const token = lexer.advance();
      if (token.kind === TokenKind.EOF) return null;
      if (OPENING.has(token.kind)) depth++;
      else if (CLOSING.has(token.kind)) depth--;
      if (depth > MAX_DOCUMENT_NESTING) {
        return new GraphQLError(`Syntax Error: Document nests more than ${MAX_DOCUMENT_NESTING} levels. Parsing aborted.`, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
      }
    }
  } catch {
    return null;
  }
  return null;
}

/** How many `{`, `[` and `(` the text holds, counting no further than one past MAX_DOCUMENT_NESTING. */
function openingCharacters(query: string): number {
  let count = 0;
  for (let i = 0; i < query.length && count <= MAX_DOCUMENT_NESTING; i++) {
    const c = query.charCodeAt(i);
    if (c === 0x7b || c === 0x5b || c === 0x28) count++;
  }
  return count;
}

/**
 * Refuses, with HTTP 400, an operation name the document does not define.
 * @apollo/gateway would otherwise fail on it during execution, with a 500.
 */
const operationResolution: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        const message = request.operationName
          ? `Unknown operation named "${request.operationName}".`
          : 'Must provide operation name if query contains multiple operations.';
        throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
      },
    };
  },
};

/** How every error leaves a GraphQL endpoint, over HTTP and WebSocket alike. */
export function errorFormatter(config: Pick<Config, 'env'>): (formatted: GraphQLFormattedError) => GraphQLFormattedError {
  return createErrorFormatter(config.env === 'development', { production: config.env === 'production' });
}

/** The Apollo Server options the gateway and the subgraphs share. */
export function serverOptions<TContext extends BaseContext>(
  config: Pick<Config, 'env' | 'graphql'>,
): Pick<ApolloServerOptions<TContext>, 'formatError' | 'includeStacktraceInErrorResponses' | 'introspection' | 'parseOptions' | 'stopOnTerminationSignals' | 'plugins'> {
  return {
    formatError: errorFormatter(config),
    includeStacktraceInErrorResponses: config.env === 'development',
    introspection: config.graphql.introspection,
    parseOptions: { maxTokens: config.graphql.maxTokens },
    // main.ts owns SIGINT/SIGTERM and stops everything in order; Apollo's own handlers raced it and hung the stop.
    stopOnTerminationSignals: false,
    plugins: [operationResolution],
  };
}
