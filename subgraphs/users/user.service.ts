import type { EntityManager } from '@mikro-orm/core';
import { byKeys, type RequestContext } from '../../platform/context';
import { DEMO_ACCOUNTS } from '../../contracts/demo';
import { badInput, notFound, unauthenticated } from '../../platform/errors';
import { containsText } from '../../platform/orm';
import { paginate, type Page, type PageArgs } from '../../platform/pagination';
import type { FilterQuery } from '@mikro-orm/core';
import { assertStepUp } from '../../platform/mfa';
import type { SubgraphDeps } from '../../platform/subgraph';
import { normalizeEmail } from './auth.rules';
import type { PasswordHasher } from './password.hasher';
import { Role, UserEntity } from './user.entity';
import type { UpdateProfileInput } from './user.inputs';
import { assertSelfOrStaff } from './user.access';
import { checkProfile } from './user.rules';

const MAX_SEARCH = 100;

export class UserService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly passwords: PasswordHasher,
  ) {}

  me(ctx: RequestContext): Promise<UserEntity | null> {
    return ctx.caller ? this.load(ctx, ctx.caller.userId) : Promise.resolve(null);
  }

  /**
   * A User asked for by `_entities` (an order's customer): the user themself,
   * staff and peer subgraphs, as for the private fields. Anyone else is
   * refused before any read, so user ids cannot be probed. Async, so a
   * refusal is this reference's error alone, not the whole `_entities` list's.
   */
  async reference(ctx: RequestContext, id: string): Promise<UserEntity | null> {
    assertSelfOrStaff(ctx, id);
    return this.load(ctx, id);
  }

  load(ctx: RequestContext, id: string): Promise<UserEntity | null> {
    return ctx.loaders
      .get<string, UserEntity | null>('userById', async (ids) => {
        const rows = await ctx.em.find(UserEntity, { id: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.id).map((row) => row ?? null);
      })
      .load(id);
  }

  /** Every account by email, for ADMIN; `search` matches email or name ignoring case. */
  list(ctx: RequestContext, page: PageArgs, search: string | null): Promise<Page<UserEntity>> {
    return paginate(ctx.em, UserEntity, this.matching(ctx.em, search), page, { field: 'email', direction: 'asc' });
  }

  /** Ids of users whose email or name contains `search`, at most `limit` (1 to 1001). */
  async idsMatching(ctx: RequestContext, search: string, limit: number): Promise<string[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 1001) throw badInput('limit must be from 1 to 1001', 'limit');
    const rows = await ctx.em.find(UserEntity, this.matching(ctx.em, search), { fields: ['id'], limit, orderBy: { id: 'asc' } });
    return rows.map((row) => row.id);
  }

  private matching(em: EntityManager, search: string | null): FilterQuery<UserEntity> {
    const text = search?.trim();
    if (!text) return {};
    if (text.length > MAX_SEARCH) throw badInput(`search must be at most ${MAX_SEARCH} characters`, 'search');
    const match = containsText(em, text);
    return { $or: [{ email: match }, { name: match }] } as FilterQuery<UserEntity>;
  }

  /** The caller's own profile; omitted fields stay, `phone: null` removes the number. */
  async updateProfile(ctx: RequestContext, input: UpdateProfileInput): Promise<UserEntity> {
    const { preferences, ...changes } = checkProfile(input);
    return this.deps.db.write(async (em) => {
      const user = await this.self(ctx, em);
      Object.assign(user, changes);
      Object.assign(user.preferences, preferences);
      return user;
    });
  }

  /**
   * Idempotent: granting a role the user has changes nothing. Takes effect in
   * their next access token. Needs a step-up (a recent code), as a stolen
   * session must not hand out staff roles.
   */
  async grantRole(ctx: RequestContext, userId: string, role: Role): Promise<UserEntity> {
    assertStepUp(ctx.caller, this.deps.clock.now(), this.deps.config.auth.mfa.stepUpSeconds);
    const { user, granted } = await this.deps.db.write(async (em) => {
      const found = await em.findOne(UserEntity, { id: userId });
      if (!found) throw notFound('User', userId);
      if (found.roles.includes(role)) return { user: found, granted: false };
      found.roles = [...found.roles, role];
      return { user: found, granted: true };
    });
    if (granted) this.deps.log.info('role granted', { userId, role, by: ctx.caller?.userId, requestId: ctx.requestId });
    return user;
  }

  /** The caller's own user, read for the request. */
  async current(ctx: RequestContext): Promise<UserEntity> {
    const user = await this.me(ctx);
    if (!user) throw ctx.caller ? unauthenticated('Your account no longer exists') : unauthenticated();
    return user;
  }

  /** The caller's own user, loaded into `em` for a change. */
  async self(ctx: RequestContext, em: EntityManager): Promise<UserEntity> {
    if (!ctx.caller) throw unauthenticated();
    const user = await em.findOne(UserEntity, { id: ctx.caller.userId });
    if (!user) throw unauthenticated('Your account no longer exists');
    return user;
  }

  /**
   * The first ADMIN from ADMIN_EMAIL/ADMIN_PASSWORD, and the demo accounts
   * when SEED_DEMO is on. Creates only what is absent (by email): an
   * existing account is never promoted, so registering the admin's email
   * first gains nothing.
   */
  async seed(): Promise<void> {
    const { config, clock, log } = this.deps;
    const wanted: Array<Pick<UserEntity, 'email' | 'name' | 'roles'> & { id?: string; password: string }> = [];
    if (config.admin) wanted.push({ email: config.admin.email, name: 'Administrator', password: config.admin.password, roles: ['CUSTOMER', 'AGENT', 'ADMIN'] });
    if (config.seedDemo) wanted.push(...DEMO_ACCOUNTS.map((account) => ({ ...account, roles: [...account.roles] })));
    if (wanted.length === 0) return;
    await this.deps.db.write(async (em) => {
      const existing = new Map((await em.find(UserEntity, { email: { $in: wanted.map((u) => normalizeEmail(u.email)) } })).map((u) => [u.email, u]));
      const now = clock.now();
      for (const user of wanted) {
        const email = normalizeEmail(user.email);
        const found = existing.get(email);
        if (found) {
          if (config.admin && email === normalizeEmail(config.admin.email) && !found.roles.includes('ADMIN')) {
            log.warn('ADMIN_EMAIL belongs to an account without the ADMIN role; it was not promoted', { userId: found.id });
          }
          continue;
        }
        em.persist(
          Object.assign(new UserEntity(), {
            ...(user.id ? { id: user.id } : {}),
            email,
            name: user.name,
            roles: user.roles,
            passwordHash: await this.passwords.hash(user.password),
            createdAt: now,
            updatedAt: now,
          }),
        );
      }
    });
  }
}
