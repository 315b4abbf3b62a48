import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Caller } from '../subgraphs/kernel/caller';
import { verifyAccessToken } from '../subgraphs/kernel/tokens';

/** What the gateway knows about one operation: the verified caller, if any. */
export interface GatewayContext {
  readonly requestId: string;
  readonly caller: Caller | null;
  /** When the access token stops being valid (ms since epoch); null for anonymous. */
  readonly expiresAt: number | null;
}

/**
 * Verifies the access token once per request. No token: anonymous. A token
 * that is expired, tampered with or not ours: refused with 401, never
 * silently downgraded to anonymous.
 */
export async function authenticate(authorization: string | undefined, jwtSecret: string, now: number = Date.now()): Promise<Omit<GatewayContext, 'requestId'>> {
  if (!authorization) return { caller: null, expiresAt: null };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw authError('Authorization header must be "Bearer <access token>"');
  const result = await verifyAccessToken(match[1], jwtSecret, now);
  if (!result.ok) throw authError(result.reason === 'expired' ? 'Access token expired' : 'Access token is invalid');
  return { caller: result.caller, expiresAt: result.expiresAt };
}

export async function contextFromRequest(headers: IncomingHttpHeaders, jwtSecret: string): Promise<GatewayContext> {
  const auth = await authenticate(headers.authorization, jwtSecret);
  const requestId = headers['x-request-id'];
  return { ...auth, requestId: typeof requestId === 'string' && requestId.length <= 128 ? requestId : randomUUID() };
}

function authError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
