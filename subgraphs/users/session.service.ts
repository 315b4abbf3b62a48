import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { userRolesIn, type Caller } from '../../platform/caller';
import type { RequestContext } from '../../platform/context';
import { notFound, unauthenticated } from '../../platform/errors';
import { every, type Periodic } from '../../platform/periodic';
import type { SubgraphDeps } from '../../platform/subgraph';
import { accessTokenExpiresAt, signAccessToken, type TokenSettings } from '../../platform/tokens';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEndReason, SessionEntity } from './session.entity';
import { sessionRoles } from './mfa.rules';
import { isCurrentSession } from './user.access';
import { UserEntity } from './user.entity';

const DAY_MS = 24 * 60 * 60_000;
/** 256 random bits: unguessable, so a plain SHA-256 is a safe way to store it. */
const REFRESH_TOKEN_BYTES = 32;
const PURGE_INTERVAL_MS = 60 * 60_000;
const PURGE_BATCH = 500;

/** A token pair for one session, as register, login and refreshToken hand it out. */
export interface IssuedTokens {
  readonly session: SessionEntity;
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
}

/** A refresh: the next token pair, or the session it ended because the token was spent already. */
type Rotation = { readonly user: UserEntity; readonly tokens: IssuedTokens } | { readonly reused: SessionEntity };

/**
 * Sessions and their refresh tokens. Every refresh spends the presented
 * token and issues the next one; a spent token presented again can only be
 * a copy (stolen, or replayed), so the whole session ends at once and
 * whoever holds the latest token must log in again.
 *
 * Access tokens are not tracked: one stays valid until it expires
 * (ACCESS_TOKEN_TTL_SECONDS, 15 minutes by default) even after its session
 * ended. That bounds the cost of verifying them at the gateway to a
 * signature check.
 */
export class SessionService {
  constructor(private readonly deps: SubgraphDeps) {}

  /** A new session for a user who just proved who they are (with a second factor at `mfaVerifiedAt`), added to `em`'s unit of work. */
  async open(ctx: RequestContext, em: EntityManager, user: UserEntity, now: Date, mfaVerifiedAt: Date | null = null): Promise<IssuedTokens> {
    const session = Object.assign(new SessionEntity(), {
      userId: user.id,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: this.idleExpiry(now),
      clientAddress: ctx.client?.address ?? null,
      userAgent: ctx.client?.userAgent ?? null,
      mfaVerifiedAt,
    });
    em.persist(session);
    return this.issue(em, user, session, now);
  }

  /** Spends `refreshToken` and issues the session's next token pair, with the user's current roles. */
  async rotate(ctx: RequestContext, refreshToken: string): Promise<{ user: UserEntity; tokens: IssuedTokens }> {
    const now = this.deps.clock.now();
    const outcome = await this.deps.db.write(async (em): Promise<Rotation> => {
      const token = await em.findOne(RefreshTokenEntity, { tokenHash: hashToken(refreshToken) });
      if (!token) throw unauthenticated('Refresh token is invalid; log in again');
      const session = await em.findOne(SessionEntity, { id: token.sessionId });
      if (!session || session.endedAt) throw unauthenticated('Session has ended; log in again');
      if (session.expiresAt <= now) throw unauthenticated('Session expired; log in again');
      // Compare-and-set: of two refreshes racing with one token, exactly one wins; the other is reuse.
      const spent = token.rotatedAt === null && (await em.nativeUpdate(RefreshTokenEntity, { id: token.id, rotatedAt: null }, { rotatedAt: now })) === 1;
      if (!spent) {
        // Returned, not thrown: ending the session must commit.
        await this.end(em, session.id, SessionEndReason.REUSE_DETECTED, now);
        return { reused: session };
      }
      const user = await em.findOne(UserEntity, { id: session.userId });
      if (!user) throw unauthenticated('Session has ended; log in again');
      Object.assign(session, {
        lastUsedAt: now,
        expiresAt: this.idleExpiry(now),
        clientAddress: ctx.client?.address ?? session.clientAddress,
        userAgent: ctx.client?.userAgent ?? session.userAgent,
      });
      return { user, tokens: await this.issue(em, user, session, now) };
    });
    if ('reused' in outcome) {
      this.deps.log.warn('spent refresh token presented again; session ended', { userId: outcome.reused.userId, sessionId: outcome.reused.id, requestId: ctx.requestId });
      throw unauthenticated('Refresh token was already used; the session has ended, log in again');
    }
    return outcome;
  }

  /** Ends the session `refreshToken` belongs to (any token of the family will do). False when it is unknown or already ended. */
  endByToken(refreshToken: string): Promise<boolean> {
    return this.deps.db.write(async (em) => {
      const token = await em.findOne(RefreshTokenEntity, { tokenHash: hashToken(refreshToken) });
      return token ? this.end(em, token.sessionId, SessionEndReason.LOGOUT, this.deps.clock.now()) : false;
    });
  }

  /** The caller's own session only. False when it had already ended. */
  async revoke(ctx: RequestContext, sessionId: string): Promise<boolean> {
    if (!ctx.caller) throw unauthenticated();
    const session = await ctx.em.findOne(SessionEntity, { id: sessionId });
    // Someone else's session answers as a missing one does, so session ids cannot be probed.
    if (!session || session.userId !== ctx.caller.userId) throw notFound('Session', sessionId);
    return this.deps.db.write((em) => this.end(em, session.id, SessionEndReason.REVOKED, this.deps.clock.now()));
  }

  /** Ends every live session of a user but `keep` (the caller's own), in `em`'s unit of work; returns how many ended. */
  endOthers(em: EntityManager, userId: string, keep: string | null, reason: SessionEndReason): Promise<number> {
    const where: FilterQuery<SessionEntity> = keep === null ? { userId } : { userId, id: { $ne: keep } };
    return em.nativeUpdate(SessionEntity, { ...where, endedAt: null }, { endedAt: this.deps.clock.now(), endReason: reason });
  }

  /**
   * Records in `em`'s unit of work that the caller's live session proved a
   * second factor at `now` (or, with null, that it no longer counts as
   * such), and returns it.
   */
  async markMfaVerified(ctx: RequestContext, em: EntityManager, mfaVerifiedAt: Date | null): Promise<SessionEntity> {
    const sessionId = ctx.caller?.sessionId;
    if (!ctx.caller || !sessionId) throw unauthenticated('This needs a signed-in session; log in again');
    const session = await em.findOne(SessionEntity, { id: sessionId, userId: ctx.caller.userId, endedAt: null });
    if (!session) throw unauthenticated('Session has ended; log in again');
    session.mfaVerifiedAt = mfaVerifiedAt;
    return session;
  }

  /** A new access token for a live session, as a refresh would issue it but keeping the refresh token (after a step-up). */
  async accessToken(user: UserEntity, session: SessionEntity, now: Date): Promise<Pick<IssuedTokens, 'accessToken' | 'accessTokenExpiresAt'>> {
    const settings = this.tokenSettings();
    return { accessToken: await signAccessToken(this.callerOf(user, session), settings, now.getTime()), accessTokenExpiresAt: new Date(accessTokenExpiresAt(settings, now.getTime())) };
  }

  /** Live sessions, most recently used first. */
  listActive(ctx: RequestContext, userId: string): Promise<SessionEntity[]> {
    return ctx.em.find(SessionEntity, { userId, endedAt: null, expiresAt: { $gt: this.deps.clock.now() } }, { orderBy: { lastUsedAt: 'desc', id: 'desc' } });
  }

  isCurrent(ctx: RequestContext, session: SessionEntity): boolean {
    return isCurrentSession(ctx, session.id);
  }

  /**
   * Deletes sessions that ended (or expired) more than SESSION_IDLE_DAYS ago
   * with their tokens, and tokens spent that long ago. Spent tokens are kept
   * until then so a copy presented later is still recognised as reuse.
   */
  async purge(): Promise<void> {
    const cutoff = new Date(this.deps.clock.now().getTime() - this.idleMs());
    for (;;) {
      const stale = await this.deps.db.read((em) =>
        em.find(SessionEntity, { $or: [{ endedAt: { $lt: cutoff } }, { expiresAt: { $lt: cutoff } }] }, { fields: ['id'], limit: PURGE_BATCH }),
      );
      if (stale.length === 0) break;
      const ids = stale.map((session) => session.id);
      await this.deps.db.write(async (em) => {
        await em.nativeDelete(RefreshTokenEntity, { sessionId: { $in: ids } });
        await em.nativeDelete(SessionEntity, { id: { $in: ids } });
      });
    }
    await this.deps.db.write((em) => em.nativeDelete(RefreshTokenEntity, { rotatedAt: { $lt: cutoff } }));
  }

  /** Runs `purge` every hour until stopped. */
  startPurging(): Periodic {
    return every(PURGE_INTERVAL_MS, 'session purge', this.deps.log, () => this.purge());
  }

  /** Idempotent and safe under races: only a live session is ended, and only once. */
  private async end(em: EntityManager, sessionId: string, reason: SessionEndReason, now: Date): Promise<boolean> {
    return (await em.nativeUpdate(SessionEntity, { id: sessionId, endedAt: null }, { endedAt: now, endReason: reason })) === 1;
  }

  private async issue(em: EntityManager, user: UserEntity, session: SessionEntity, now: Date): Promise<IssuedTokens> {
    const refreshToken = randomBytes(REFRESH_TOKEN_BYTES).toString('base64url');
    em.persist(Object.assign(new RefreshTokenEntity(), { tokenHash: hashToken(refreshToken), sessionId: session.id, createdAt: now }));
    return { session, ...(await this.accessToken(user, session, now)), refreshToken };
  }

  /** What the access token says: the roles this session may use (MFA_REQUIRED_ROLES), and when it last proved a second factor. */
  private callerOf(user: UserEntity, session: SessionEntity): Caller {
    const mfaAt = session.mfaVerifiedAt?.getTime() ?? null;
    const { roles, withheld } = sessionRoles(userRolesIn(user.roles), mfaAt !== null, this.deps.config.auth.mfa.requiredRoles);
    return { userId: user.id, roles, sessionId: session.id, mfaAt, withheldRoles: withheld };
  }

  private tokenSettings(): TokenSettings {
    return { secret: this.deps.config.auth.jwtSecret, ttlSeconds: this.deps.config.auth.accessTokenTtlSeconds };
  }

  private idleMs(): number {
    return this.deps.config.auth.sessionIdleDays * DAY_MS;
  }

  private idleExpiry(now: Date): Date {
    return new Date(now.getTime() + this.idleMs());
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
