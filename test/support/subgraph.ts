import type { GraphQLFormattedError } from 'graphql';
import { CALLER_HEADER, signCallerHeader, type RoleName } from '../../platform/caller';
import type { Result } from './graphql';

/**
 * A request straight to one subgraph's URL, as another subgraph makes it:
 * with a caller header signed by the internal secret (SERVICE by default),
 * or signed as anonymous (`null`), as the gateway sends for a caller without a token;
 * with the deadline the gateway would send, when given.
 */
export async function callSubgraph<TData>(
  url: string,
  internalSecret: string,
  query: string,
  variables: Record<string, unknown>,
  roles: RoleName[] | null = ['SERVICE'],
  /** When the caller stops waiting (ms since epoch), signed in the caller header as the gateway sends it. */
  deadline: number | null = null,
): Promise<Result<TData>> {
  const caller = roles ? { userId: roles.includes('SERVICE') ? 'service:test' : 'user:test', roles, sessionId: null } : null;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CALLER_HEADER]: signCallerHeader(caller, internalSecret, Date.now(), deadline) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: GraphQLFormattedError[] };
  return { status: response.status, ...body };
}
