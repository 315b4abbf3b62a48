import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { AUDIT_RECORDED, auditRecord, type AuditChange } from '../../contracts/audit';
import type { Caller } from '../../platform/caller';
import type { RequestContext } from '../../platform/context';
import { badInput, notFound } from '../../platform/errors';
import { assertStepUp } from '../../platform/mfa';
import { API_KEY_PREFIX } from '../../platform/scopes';
import type { SubgraphDeps } from '../../platform/subgraph';
import { ApiKeyEntity, ApiKeyVerdict, CreatedApiKey, ServiceAccountEntity } from './api-key.entity';
import type { ApiKeyUseInput, CreateApiKeyInput, CreateServiceAccountInput } from './api-key.inputs';
import { checkDescription, checkName, checkScopes, lastUsedIsStale } from './api-key.rules';

/** Shown in lists and logs: the prefix and 8 characters of the secret, not enough to guess the rest. */
const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

export const hashOfKey = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * Service accounts and their API keys. Every change, and every refused key,
 * goes to the audit log (as `audit.recorded` events in the same unit of work).
 */
export class ApiKeyService {
  constructor(private readonly deps: SubgraphDeps) {}

  listAccounts(ctx: RequestContext): Promise<ServiceAccountEntity[]> {
    return ctx.em.find(ServiceAccountEntity, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  keysOf(ctx: RequestContext, accountIds: readonly string[]): Promise<ApiKeyEntity[]> {
    return ctx.em.find(ApiKeyEntity, { serviceAccountId: { $in: [...accountIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  async createAccount(ctx: RequestContext, input: CreateServiceAccountInput): Promise<ServiceAccountEntity> {
    this.assertStepUp(ctx);
    const name = checkName(input.name);
    const description = checkDescription(input.description);
    return this.deps.db.write(async (em) => {
      if (await em.findOne(ServiceAccountEntity, { nameKey: name.toLowerCase() })) throw badInput(`A service account named "${name}" exists already`, 'name');
      const account = Object.assign(new ServiceAccountEntity(), { name, nameKey: name.toLowerCase(), description, createdAt: this.deps.clock.now(), createdBy: ctx.caller!.userId });
      em.persist(account);
      this.audit(em, ctx.caller, { action: 'service_account.created', entityType: 'ServiceAccount', entityId: account.id, before: null, after: { name, description } });
      return account;
    });
  }

  async createKey(ctx: RequestContext, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    this.assertStepUp(ctx);
    const name = checkName(input.name);
    const scopes = checkScopes(input.scopes);
    const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const apiKey = await this.deps.db.write(async (em) => {
      const account = await em.findOne(ServiceAccountEntity, { id: input.serviceAccountId });
      if (!account) throw notFound('Service account', input.serviceAccountId);
      const key = Object.assign(new ApiKeyEntity(), {
        serviceAccountId: account.id,
        name,
        hash: hashOfKey(secret),
        prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
        scopes,
        createdAt: this.deps.clock.now(),
        createdBy: ctx.caller!.userId,
      });
      em.persist(key);
      this.audit(em, ctx.caller, { action: 'api_key.created', entityType: 'ApiKey', entityId: key.id, before: null, after: { serviceAccount: account.name, name, prefix: key.prefix, scopes } });
      return key;
    });
    return Object.assign(new CreatedApiKey(), { apiKey, secret });
  }

  /** Idempotent: revoking a revoked key changes nothing. */
  async revokeKey(ctx: RequestContext, id: string, reason: string | null): Promise<ApiKeyEntity> {
    this.assertStepUp(ctx);
    return this.deps.db.write(async (em) => {
      const key = await em.findOne(ApiKeyEntity, { id });
      if (!key) throw notFound('API key', id);
      if (key.revokedAt) return key;
      key.revokedAt = this.deps.clock.now();
      this.audit(em, ctx.caller, { action: 'api_key.revoked', entityType: 'ApiKey', entityId: key.id, before: { revokedAt: null }, after: { revokedAt: key.revokedAt.toISOString() }, reason });
      return key;
    });
  }

  /**
   * The gateway presenting a key. A valid one gets its last-used time (once
   * a minute at most); a revoked or unknown one is refused and audited, under
   * the key it claims to be when that is known.
   */
  async authenticate(secret: string): Promise<ApiKeyVerdict> {
    const now = this.deps.clock.now();
    const found = await this.deps.db.read((em) => em.findOne(ApiKeyEntity, { hash: hashOfKey(secret) }));
    const account = found ? await this.deps.db.read((em) => em.findOne(ServiceAccountEntity, { id: found.serviceAccountId })) : null;
    const name = found && account ? `${account.name}/${found.name}` : null;
    if (!found || !account || found.revokedAt) {
      const status = found ? 'REVOKED' : 'UNKNOWN';
      await this.deps.db.write(async (em) => {
        const caller = found && name ? keyCaller(found.id, name, found.scopes) : null;
        this.audit(em, caller, {
          action: 'api_key.refused',
          entityType: 'ApiKey',
          entityId: found?.id ?? secret.slice(0, SHOWN_PREFIX_LENGTH),
          before: null,
          after: null,
          reason: status === 'REVOKED' ? 'revoked key' : 'unknown key',
        });
      });
      return Object.assign(new ApiKeyVerdict(), { status, keyId: found?.id ?? null, name, scopes: [] });
    }
    if (lastUsedIsStale(found.lastUsedAt, now)) {
      // Conditional, so concurrent requests of one key write once.
      await this.deps.db.write((em) => em.nativeUpdate(ApiKeyEntity, { id: found.id, lastUsedAt: found.lastUsedAt }, { lastUsedAt: now }));
    }
    return Object.assign(new ApiKeyVerdict(), { status: 'VALID', keyId: found.id, name, scopes: found.scopes });
  }

  /** What the gateway saw a key do or be refused (scope refusals, MCP tool calls), in the audit log under the key's name. */
  async recordUse(input: ApiKeyUseInput): Promise<boolean> {
    const key = await this.deps.db.read((em) => em.findOne(ApiKeyEntity, { id: input.keyId }));
    if (!key) throw notFound('API key', input.keyId);
    const account = await this.deps.db.read((em) => em.findOneOrFail(ServiceAccountEntity, { id: key.serviceAccountId }));
    await this.deps.db.write(async (em) => {
      this.audit(em, keyCaller(key.id, `${account.name}/${key.name}`, key.scopes), {
        action: checkName(input.action, 'action'),
        entityType: 'ApiKey',
        entityId: key.id,
        before: null,
        after: { target: checkName(input.target, 'target') },
        reason: input.reason ?? null,
      });
    });
    return true;
  }

  private assertStepUp(ctx: RequestContext): void {
    assertStepUp(ctx.caller, this.deps.clock.now(), this.deps.config.auth.mfa.stepUpSeconds);
  }

  private audit(em: EntityManager, caller: Caller | null, change: AuditChange): void {
    this.deps.outbox.add(em, AUDIT_RECORDED, auditRecord('users', caller, this.deps.clock.now(), change));
  }
}

/** The caller a key acts as (the gateway builds the same from a VALID verdict). */
function keyCaller(id: string, name: string, scopes: readonly string[]): Caller {
  return { userId: `apikey:${id}`, roles: [], sessionId: null, apiKey: { id, name, scopes } };
}
