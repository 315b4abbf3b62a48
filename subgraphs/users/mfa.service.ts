import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { GraphQLError } from 'graphql';
import { byKeys, type RequestContext } from '../../platform/context';
import { appError, badInput, conflict, errorMessage, unauthenticated } from '../../platform/errors';
import type { SubgraphDeps } from '../../platform/subgraph';
import { USER_EVENTS, type SecurityAlertKind } from '../../contracts/users-api';
import { SecretBox } from '../../platform/secret-box';
import { MFA_SECRET_LABEL, MfaChallengeEntity, MfaFactorEntity, RecoveryCodeEntity } from './mfa.entity';
import { MfaEnrollment, MfaPayload } from './mfa.payload';
import { checkChallenge, newRecoveryCodes, parseCode, type Code } from './mfa.rules';
import { newTotpSecret, otpauthUri, qrCodeDataUri, totpStep } from './mfa.totp';
import type { LoginThrottle } from './login.throttle';
import type { PasswordCheck } from './password.check';
import { SessionEndReason } from './session.entity';
import type { SessionService } from './session.service';
import { UserEntity } from './user.entity';
import type { UserService } from './user.service';

/** 256 random bits, stored as their SHA-256 (like refresh tokens). */
const CHALLENGE_BYTES = 32;
/** Wrong codes one challenge takes before the password must be given again (the account's own count still applies). */
const CHALLENGE_ATTEMPTS = 5;
const REKEY_BATCH = 200;

/** The first step of a sign-in with multi-factor authentication on. */
export interface Challenge {
  readonly token: string;
  readonly expiresAt: Date;
}

/** How a code was proved. */
interface Proof {
  readonly method: 'totp' | 'recovery';
}

type Attempted<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

const WRONG_CODE = 'code is not valid; enter the current code from your authenticator app, or an unused recovery code';

/**
 * Multi-factor authentication with TOTP (RFC 6238) and recovery codes:
 * enrolment, the second step of a sign-in, step-up in a session, and
 * turning it off. Every code is checked through `attempt`: throttled per
 * account, each TOTP step and each recovery code good once (a
 * compare-and-set in the same unit of work as what the code allows), and a
 * recovery code ends the account's other sessions and mails the owner.
 */
export class MfaService {
  private readonly box: SecretBox;

  constructor(
    private readonly deps: SubgraphDeps,
    private readonly users: UserService,
    private readonly sessions: SessionService,
    private readonly passwords: PasswordCheck,
    private readonly throttle: LoginThrottle,
  ) {
    this.box = new SecretBox(deps.config.auth.mfa.keySources, MFA_SECRET_LABEL);
  }

  /** Whether the user has confirmed an authenticator; batched per request. */
  async isEnabled(ctx: RequestContext, userId: string): Promise<boolean> {
    return (await this.factor(ctx, userId))?.confirmedAt != null;
  }

  /** Unused recovery codes; null while multi-factor authentication is off. */
  async recoveryCodesLeft(ctx: RequestContext, userId: string): Promise<number | null> {
    if (!(await this.isEnabled(ctx, userId))) return null;
    return ctx.loaders
      .get<string, number>('unusedRecoveryCodesByUser', async (ids) => {
        const rows = await ctx.em.find(RecoveryCodeEntity, { userId: { $in: [...ids] }, usedAt: null }, { fields: ['userId'] });
        return ids.map((id) => rows.filter((row) => row.userId === id).length);
      })
      .load(userId);
  }

  /**
   * Starts (or starts over) an enrolment: a new secret, not asked for at
   * sign-in until a first code confirms it. Needs the password, so a stolen
   * access token cannot tie the account to an attacker's authenticator.
   */
  async start(ctx: RequestContext, password: string): Promise<MfaEnrollment> {
    const user = await this.users.current(ctx);
    await this.passwords.assertCurrent(ctx, user, password, 'password');
    const secret = newTotpSecret();
    const now = this.deps.clock.now();
    await this.deps.db.write(async (em) => {
      const factor = await em.findOne(MfaFactorEntity, { userId: user.id });
      if (factor?.confirmedAt) throw conflict('Multi-factor authentication is on already; disable it first', { reason: 'MFA_ALREADY_ENABLED' });
      const fields = { sealedSecret: this.box.seal(secret, user.id), createdAt: now, lastUsedStep: null };
      if (factor) Object.assign(factor, fields);
      else em.persist(Object.assign(new MfaFactorEntity(), { userId: user.id, ...fields }));
    });
    const uri = otpauthUri(this.deps.config.auth.mfa.issuer, user.email, secret);
    return Object.assign(new MfaEnrollment(), { secret, otpauthUri: uri, qrCodeDataUri: await qrCodeDataUri(uri) });
  }

  /** Turns multi-factor authentication on with the authenticator's first code; hands out the recovery codes, once. */
  confirm(ctx: RequestContext, code: string): Promise<MfaPayload> {
    return this.proveInSession(ctx, parseCode(code, 'totp'), 'enrolment', async (em, factor, now) => {
      factor.confirmedAt = now;
      const codes = this.issueRecoveryCodes(em, factor.userId, now);
      this.alert(ctx, em, factor.userId, 'MFA_ENABLED', now, { endedSessions: 0, recoveryCodesLeft: codes.length });
      return codes;
    });
  }

  /** A fresh code in this session: staff roles withheld by MFA_REQUIRED_ROLES come back, and step-up operations are allowed for a while. */
  stepUp(ctx: RequestContext, code: string): Promise<MfaPayload> {
    return this.proveInSession(ctx, parseCode(code), 'enabled', async () => null);
  }

  /** Replaces every recovery code with ten new ones. */
  regenerateRecoveryCodes(ctx: RequestContext, code: string): Promise<MfaPayload> {
    return this.proveInSession(ctx, parseCode(code), 'enabled', async (em, factor, now) => {
      await em.nativeDelete(RecoveryCodeEntity, { userId: factor.userId });
      const codes = this.issueRecoveryCodes(em, factor.userId, now);
      this.alert(ctx, em, factor.userId, 'RECOVERY_CODES_REGENERATED', now, { endedSessions: 0, recoveryCodesLeft: codes.length });
      return codes;
    });
  }

  /** Needs the password and a code; ends every other session and mails the owner. */
  async disable(ctx: RequestContext, password: string, code: string): Promise<boolean> {
    const parsed = parseCode(code);
    const user = await this.users.current(ctx);
    await this.passwords.assertCurrent(ctx, user, password, 'password');
    const outcome = await this.attempt(ctx, user.id, parsed, 'enabled', async (em, factor, now) => {
      await em.nativeDelete(RecoveryCodeEntity, { userId: user.id });
      await em.nativeDelete(MfaChallengeEntity, { userId: user.id });
      em.remove(factor);
      await this.sessions.markMfaVerified(ctx, em, null);
      const endedSessions = await this.sessions.endOthers(em, user.id, ctx.caller?.sessionId ?? null, SessionEndReason.MFA_DISABLED);
      this.alert(ctx, em, user.id, 'MFA_DISABLED', now, { endedSessions, recoveryCodesLeft: null });
    });
    if (!outcome.ok) throw badInput(WRONG_CODE, 'code');
    this.deps.log.info('multi-factor authentication disabled', { userId: user.id, requestId: ctx.requestId });
    return true;
  }

  /** The challenge a right password gets when the account has multi-factor authentication on; null when it has not. */
  async challengeFor(ctx: RequestContext, user: UserEntity, now: Date): Promise<Challenge | null> {
    if (!(await this.isEnabled(ctx, user.id))) return null;
    const token = randomBytes(CHALLENGE_BYTES).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.deps.config.auth.mfa.challengeTtlSeconds * 1000);
    await this.deps.db.write(async (em) => {
      // Expired challenges are of no use to anyone; dropping them here bounds what an account accumulates.
      await em.nativeDelete(MfaChallengeEntity, { userId: user.id, expiresAt: { $lte: now } });
      em.persist(Object.assign(new MfaChallengeEntity(), { tokenHash: sha256(token), userId: user.id, createdAt: now, expiresAt }));
    });
    return { token, expiresAt };
  }

  /**
   * The second step of a sign-in: `challenge` and a code, each good once.
   * `open` starts the session in the same unit of work that spends both.
   */
  async redeemChallenge<T>(ctx: RequestContext, challenge: string, code: string, open: (em: EntityManager, user: UserEntity, now: Date) => Promise<T>): Promise<{ user: UserEntity; value: T }> {
    checkChallenge(challenge);
    const parsed = parseCode(code);
    const now = this.deps.clock.now();
    const found = await this.deps.db.read((em) => em.findOne(MfaChallengeEntity, { tokenHash: sha256(challenge) }));
    if (!found || found.usedAt || found.expiresAt <= now || found.failedAttempts >= CHALLENGE_ATTEMPTS) throw challengeInvalid();
    const outcome = await this.attempt(ctx, found.userId, parsed, 'enabled', async (em) => {
      // Compare-and-set: of two requests redeeming one challenge, one signs in.
      if ((await em.nativeUpdate(MfaChallengeEntity, { id: found.id, usedAt: null }, { usedAt: now })) !== 1) throw challengeInvalid();
      const user = await em.findOneOrFail(UserEntity, { id: found.userId });
      return { user, value: await open(em, user, now) };
    });
    if (!outcome.ok) {
      await this.deps.db.write((em) => em.nativeUpdate(MfaChallengeEntity, { id: found.id, failedAttempts: found.failedAttempts }, { failedAttempts: found.failedAttempts + 1 }));
      throw unauthenticated('The code is not valid; enter the current code from your authenticator app, or an unused recovery code');
    }
    return outcome.value;
  }

  /**
   * Seals every secret still sealed with a retiring key (MFA_ENCRYPTION_KEY_PREVIOUS,
   * or INTERNAL_SECRET_PREVIOUS without a dedicated key) with the current one,
   * so the retiring key can be dropped after one start with both set.
   */
  async rekey(): Promise<void> {
    if (this.deps.config.auth.mfa.keySources.length < 2) return;
    let resealed = 0;
    for (let offset = 0; ; offset += REKEY_BATCH) {
      const factors = await this.deps.db.read((em) => em.find(MfaFactorEntity, {}, { orderBy: { id: 'asc' }, limit: REKEY_BATCH, offset }));
      for (const factor of factors.filter((f) => !this.box.isCurrent(f.sealedSecret))) {
        try {
          const sealedSecret = this.box.seal(this.box.open(factor.sealedSecret, factor.userId).plaintext, factor.userId);
          resealed += await this.deps.db.write((em) => em.nativeUpdate(MfaFactorEntity, { id: factor.id, sealedSecret: factor.sealedSecret }, { sealedSecret }));
        } catch (error) {
          this.deps.log.error('TOTP secret sealed with an unknown key; the user cannot sign in with it', { userId: factor.userId, error: errorMessage(error) });
        }
      }
      if (factors.length < REKEY_BATCH) break;
    }
    if (resealed > 0) this.deps.log.info('TOTP secrets sealed with the current key', { resealed });
  }

  /** A code proved in the caller's session: the session counts as verified from now, and gets an access token that says so. */
  private async proveInSession(
    ctx: RequestContext,
    code: Code,
    stage: 'enrolment' | 'enabled',
    then: (em: EntityManager, factor: MfaFactorEntity, now: Date) => Promise<string[] | null>,
  ): Promise<MfaPayload> {
    const user = await this.users.current(ctx);
    const outcome = await this.attempt(ctx, user.id, code, stage, async (em, factor, now) => ({
      recoveryCodes: await then(em, factor, now),
      session: await this.sessions.markMfaVerified(ctx, em, now),
      now,
    }));
    if (!outcome.ok) throw badInput(WRONG_CODE, 'code');
    const { recoveryCodes, session, now } = outcome.value;
    const tokens = await this.sessions.accessToken(user, session, now);
    return Object.assign(new MfaPayload(), { ...tokens, mfaVerifiedAt: now, recoveryCodes });
  }

  /**
   * Checks `code` for the user, throttled per account (counted as it
   * begins, forgotten when right), and when it is right runs `action` in
   * the same unit of work that spends it. A wrong code changes nothing but
   * the throttle's count.
   */
  private async attempt<T>(
    ctx: RequestContext,
    userId: string,
    code: Code,
    stage: 'enrolment' | 'enabled',
    action: (em: EntityManager, factor: MfaFactorEntity, now: Date) => Promise<T>,
  ): Promise<Attempted<T>> {
    const now = this.deps.clock.now();
    // Read first, so asking for what the account is not set up for is not counted as a guess.
    assertStage(await this.deps.db.read((em) => em.findOne(MfaFactorEntity, { userId })), stage);
    await this.throttle.beginCodeAttempt(userId, now.getTime());
    const outcome = await this.deps.db.write(async (em): Promise<Attempted<T>> => {
      const factor = await em.findOne(MfaFactorEntity, { userId });
      assertStage(factor, stage);
      const proof = await this.spend(em, factor, code, now);
      if (!proof) return { ok: false };
      if (proof.method === 'recovery') await this.recoveryCodeUsed(ctx, em, userId, now);
      return { ok: true, value: await action(em, factor, now) };
    });
    if (outcome.ok) await this.throttle.recordCodeSuccess(userId);
    return outcome;
  }

  /** Marks the code used, if it is right and unused: a compare-and-set, so of two requests with one code only one succeeds. */
  private async spend(em: EntityManager, factor: MfaFactorEntity, code: Code, now: Date): Promise<Proof | null> {
    if (code.kind === 'recovery') {
      const used = await em.nativeUpdate(RecoveryCodeEntity, { userId: factor.userId, codeHash: code.hash, usedAt: null }, { usedAt: now });
      return used === 1 ? { method: 'recovery' } : null;
    }
    const { plaintext, stale } = this.box.open(factor.sealedSecret, factor.userId);
    const step = await totpStep(plaintext, code.digits, now, factor.lastUsedStep);
    if (step === null) return null;
    const changes = { lastUsedStep: step, ...(stale ? { sealedSecret: this.box.seal(plaintext, factor.userId) } : {}) };
    // Written at once, not through the loaded entity: a later flush must not move the step back.
    if ((await em.nativeUpdate(MfaFactorEntity, { id: factor.id, lastUsedStep: factor.lastUsedStep }, changes)) !== 1) return null;
    return { method: 'totp' };
  }

  /** The authenticator may be lost or in someone else's hands: every other session ends, and the owner hears of it. */
  private async recoveryCodeUsed(ctx: RequestContext, em: EntityManager, userId: string, now: Date): Promise<void> {
    const endedSessions = await this.sessions.endOthers(em, userId, ctx.caller?.sessionId ?? null, SessionEndReason.RECOVERY_CODE_USED);
    const recoveryCodesLeft = await em.count(RecoveryCodeEntity, { userId, usedAt: null });
    this.alert(ctx, em, userId, 'RECOVERY_CODE_USED', now, { endedSessions, recoveryCodesLeft });
    this.deps.log.warn('recovery code used; other sessions ended', { userId, endedSessions, recoveryCodesLeft, requestId: ctx.requestId });
  }

  private issueRecoveryCodes(em: EntityManager, userId: string, now: Date): string[] {
    return newRecoveryCodes().map(({ code, hash }) => {
      em.persist(Object.assign(new RecoveryCodeEntity(), { userId, codeHash: hash, createdAt: now }));
      return code;
    });
  }

  /** Mails the owner (through the outbox, so the mail goes out once the change has committed). */
  private alert(
    ctx: RequestContext,
    em: EntityManager,
    userId: string,
    alert: SecurityAlertKind,
    now: Date,
    counts: { readonly endedSessions: number; readonly recoveryCodesLeft: number | null },
  ): void {
    this.deps.outbox.add(em, USER_EVENTS.securityAlert, {
      userId,
      alert,
      at: now.toISOString(),
      ...counts,
      clientAddress: ctx.client?.address ?? null,
      userAgent: ctx.client?.userAgent ?? null,
    });
  }

  private factor(ctx: RequestContext, userId: string): Promise<MfaFactorEntity | null> {
    return ctx.loaders
      .get<string, MfaFactorEntity | null>('mfaFactorByUser', async (ids) => {
        const rows = await ctx.em.find(MfaFactorEntity, { userId: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.userId).map((row) => row ?? null);
      })
      .load(userId);
  }

}

/** An enrolment waits for its first code, or multi-factor authentication is on, as `stage` needs. */
function assertStage(factor: MfaFactorEntity | null, stage: 'enrolment' | 'enabled'): asserts factor is MfaFactorEntity {
  if (stage === 'enrolment') {
    if (!factor) throw conflict('No enrolment is waiting for a code; start one first', { reason: 'MFA_ENROLLMENT_NOT_STARTED' });
    if (factor.confirmedAt) throw conflict('Multi-factor authentication is on already', { reason: 'MFA_ALREADY_ENABLED' });
  } else if (!factor?.confirmedAt) {
    throw conflict('Multi-factor authentication is off for this account', { reason: 'MFA_NOT_ENABLED' });
  }
}

function challengeInvalid(): GraphQLError {
  return appError('UNAUTHENTICATED', 'The sign-in challenge is no longer valid; log in with your password again', { reason: 'MFA_CHALLENGE_INVALID' });
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
