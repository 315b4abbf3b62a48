import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Caller } from '../platform/caller';
import type { InternalClient } from '../platform/internal-client';
import type { Logger } from '../platform/log';
import type { BucketPolicy, RateLimiter } from '../platform/rate-limiter';
import { rolesOfScopes, isApiScope } from '../platform/scopes';
import type { ApiKeyAuthenticator, GatewayContext } from './context';

/**
 * API keys at the gateway: a `Bearer shk_...` credential is checked with the
 * users subgraph (which owns the keys, writes last-used time and audits
 * refusals) on every request, so a revoked key is refused from the next
 * request on, on every gateway replica. A valid key becomes a caller whose
 * roles are those its scopes need, with the key itself in the signed caller
 * header: the subgraphs allow it only the root fields its scopes open.
 */

const AUTHENTICATE = `mutation AuthenticateApiKey($secret: String!) { authenticateApiKey(secret: $secret) { status keyId name scopes } }`;
const RECORD_USE = `mutation RecordApiKeyUse($input: ApiKeyUseInput!) { recordApiKeyUse(input: $input) }`;

interface Verdict {
  readonly status: 'VALID' | 'REVOKED' | 'UNKNOWN';
  readonly keyId: string | null;
  readonly name: string | null;
  readonly scopes: string[];
}

export interface ApiKeyUse {
  readonly keyId: string;
  readonly action: 'apikey.refused' | 'mcp.tool_called';
  readonly target: string;
  readonly reason?: string | null;
}

/** Unknown or revoked keys one address may present: ten at once, then one every six seconds. */
const BAD_KEYS: BucketPolicy = { burst: 10, perSecond: 10 / 60 };

export class ApiKeys implements ApiKeyAuthenticator {
  constructor(
    private readonly internal: InternalClient,
    private readonly limiter: RateLimiter,
    private readonly requestsPerMinute: number,
    private readonly log: Logger,
  ) {
    this.policy = { burst: requestsPerMinute, perSecond: requestsPerMinute / 60 };
  }

  /** A minute's requests at once at most, refilled evenly: no window edge lets a key make twice its rate. */
  private readonly policy: BucketPolicy;

  /** The key's caller; UNAUTHENTICATED (401) for a revoked or unknown key, TOO_MANY_REQUESTS (429) over the key's rate. */
  async authenticate(secret: string, now: number, address: string | null): Promise<Caller> {
    // Each refused key is looked up and audited by users: an address presenting one after another is stopped here
    // first, so guessing keys can neither hammer the lookup nor flood the audit log (as logins lock out by address).
    const badKeys = `bad-api-keys:${address ?? 'unknown'}`;
    if ((await this.limiter.take(badKeys, 0, BAD_KEYS, now)).remaining < 1) {
      throw refusal('Too many unknown or revoked API keys from this address; try again later', 'TOO_MANY_REQUESTS', 429, { retryAfterSeconds: Math.ceil(1 / BAD_KEYS.perSecond) });
    }
    const { authenticateApiKey: verdict } = await this.internal.request<{ authenticateApiKey: Verdict }>('users', AUTHENTICATE, { secret });
    if (verdict.status !== 'VALID' || !verdict.keyId || !verdict.name) {
      await this.limiter.take(badKeys, 1, BAD_KEYS, now);
      throw refusal(verdict.status === 'REVOKED' ? 'API key is revoked' : 'API key is invalid', 'UNAUTHENTICATED', 401);
    }
    const decision = await this.limiter.take(`apikey:${verdict.keyId}`, 1, this.policy, now);
    if (!decision.allowed) {
      const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      throw refusal(`API key "${verdict.name}" is over its ${this.requestsPerMinute} requests a minute`, 'TOO_MANY_REQUESTS', 429, { retryAfterSeconds });
    }
    const scopes = verdict.scopes.filter(isApiScope);
    return { userId: `apikey:${verdict.keyId}`, roles: rolesOfScopes(scopes), sessionId: null, apiKey: { id: verdict.keyId, name: verdict.name, scopes } };
  }

  /** Audited by the users subgraph under the key's name; a failure to audit is logged, never hidden from the operator. */
  async record(use: ApiKeyUse): Promise<void> {
    try {
      await this.internal.request('users', RECORD_USE, { input: { keyId: use.keyId, action: use.action, target: use.target, reason: use.reason ?? null } });
    } catch (error) {
      this.log.error('could not audit an API key use', { keyId: use.keyId, action: use.action, target: use.target, error: String(error) });
    }
  }

  /**
   * A request by a key that a subgraph refused for a missing scope answers
   * 403 (not GraphQL's usual 200), and each refusal is audited.
   */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ contextValue, response }) => {
          const key = contextValue.caller?.apiKey;
          if (!key || response.body.kind !== 'single') return;
          const refused = (response.body.singleResult.errors ?? []).filter((error) => error.extensions?.code === 'FORBIDDEN' && 'requiredScope' in error.extensions);
          if (refused.length === 0) return;
          response.http.status = 403;
          for (const error of refused) {
            await this.record({ keyId: key.id, action: 'apikey.refused', target: String(error.path?.[0] ?? 'operation'), reason: error.message });
          }
        },
      }),
    };
  }
}

function refusal(message: string, code: string, status: number, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code, http: { status } } });
}
