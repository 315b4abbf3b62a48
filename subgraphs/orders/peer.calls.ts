import { GraphQLError } from 'graphql';
import type { ServiceName } from '../../platform/config';
import { backoff } from '../../platform/db';
import type { InternalClient } from '../../platform/internal-client';

/**
 * How orders calls the internal operations of the subgraphs it depends on,
 * and reads their refusals (InternalClient passes their errors through with
 * their extensions).
 */

function codeOf(error: unknown): string | undefined {
  return error instanceof GraphQLError && typeof error.extensions.code === 'string' ? error.extensions.code : undefined;
}


/** Another call for the same order is still running there (`extensions.retryable`): trying again shortly can succeed. */
function isBusy(error: unknown): boolean {
  return error instanceof GraphQLError && error.extensions.code === 'CONFLICT' && error.extensions.retryable === true;
}

/** A final refusal: retrying the same call would be refused the same way. */
export function isRefusal(error: unknown, ...codes: string[]): boolean {
  const code = codeOf(error);
  return code !== undefined && codes.includes(code) && !isBusy(error);
}

const BUSY_ATTEMPTS = 40;

/**
 * Calls an internal operation of `peer`, again while the peer answers that
 * another call for the same order is running (about 1 s at most).
 */
export async function callPeer<TData>(internal: InternalClient, peer: ServiceName, document: string, variables: Record<string, unknown>): Promise<TData> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await internal.request<TData>(peer, document, variables);
    } catch (error) {
      if (!isBusy(error) || attempt >= BUSY_ATTEMPTS) throw error;
      await backoff(attempt);
    }
  }
}
