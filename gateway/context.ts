import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { GraphQLError } from 'graphql';
import type { Caller, ClientInfo } from '../platform/caller';
import { isApiKeyShaped } from '../platform/scopes';
import { verifyAccessToken } from '../platform/tokens';
import { currentRequestId, requestIdFrom } from '../platform/request-scope';

/** What the gateway knows about one operation: the verified caller, if any. */
export interface GatewayContext {
  readonly requestId: string;
  readonly caller: Caller | null;
  /** When the access token stops being valid (ms since epoch); null for anonymous. */
  readonly expiresAt: number | null;
  /** The end user's client, forwarded to subgraphs in a signed header (login throttling, session list). */
  readonly client?: ClientInfo;
  /**
   * Charged to the client's rate limit by Apollo's pipeline: HTTP requests.
   * The WebSocket transport charges at subscribe time instead, so the
   * subscription engine's fetches per event are not charged again.
   */
  readonly metered?: boolean;
}

/** Turns a presented API key into its caller, or refuses it (gateway/api-keys.ts). */
export interface ApiKeyAuthenticator {
  /** `address`: the client's, which a run of unknown or revoked keys gets throttled by. */
  authenticate(secret: string, now: number, address: string | null): Promise<Caller>;
}

/**
 * Verifies the access token once per request. No token: anonymous. A token
 * that is expired, tampered with or not ours: refused with 401, never
 * silently downgraded to anonymous.
 */
export async function authenticate(
  authorization: string | undefined,
  jwtKeys: readonly string[],
  now: number = Date.now(),
  apiKeys?: ApiKeyAuthenticator,
  client?: ClientInfo,
): Promise<Omit<GatewayContext, 'requestId'>> {
  if (!authorization) return { caller: null, expiresAt: null };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw authError('Authorization header must be "Bearer <access token>"');
  // A key is checked on every request (revocation is immediate); it has no expiry of its own.
  if (apiKeys && isApiKeyShaped(match[1])) return { caller: await apiKeys.authenticate(match[1], now, client?.address ?? null), expiresAt: null };
  const result = await verifyAccessToken(match[1], jwtKeys, now);
  if (!result.ok) throw authError(result.reason === 'expired' ? 'Access token expired' : 'Access token is invalid');
  return { caller: result.caller, expiresAt: result.expiresAt };
}

export interface RequestContextOptions {
  /** Verification time (ms since epoch); the gateway passes its injectable clock. */
  readonly now?: number;
  readonly client?: ClientInfo;
  /** Accepts `Bearer shk_...` API keys; without it, only access tokens. */
  readonly apiKeys?: ApiKeyAuthenticator;
}

export async function contextFromRequest(headers: IncomingHttpHeaders, jwtKeys: readonly string[], options: RequestContextOptions = {}): Promise<GatewayContext> {
  const auth = await authenticate(headers.authorization, jwtKeys, options.now, options.apiKeys, options.client);
  return {
    ...auth,
    // The HTTP server opened the request's scope; the same id goes to every subgraph.
    requestId: currentRequestId() ?? requestIdFrom(headers),
    ...(options.client ? { client: options.client } : {}),
  };
}

const MAX_USER_AGENT_LENGTH = 256;

/**
 * The client's address and user agent. The address is the socket's peer;
 * behind `trustProxyHops` reverse proxies it is the X-Forwarded-For entry the
 * outermost trusted proxy appended. Entries left of it are whatever the
 * client sent and are never trusted.
 */
export function clientOf(req: IncomingMessage, trustProxyHops: number): ClientInfo {
  const header = trustProxyHops > 0 ? req.headers['x-forwarded-for'] : undefined;
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((entry) => entry.trim()).filter(Boolean);
  const chain = [...forwarded, req.socket.remoteAddress ?? ''];
  const userAgent = req.headers['user-agent'];
  return {
    address: normalizeAddress(chain[Math.max(0, chain.length - 1 - trustProxyHops)]),
    userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT_LENGTH) : null,
  };
}

function normalizeAddress(address: string): string | null {
  // IPv4 clients of a dual-stack socket appear as IPv4-mapped IPv6 addresses.
  const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  return isIP(plain) ? plain : null;
}

function authError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
