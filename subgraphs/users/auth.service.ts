import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { GraphQLError } from 'graphql';
import type { RequestContext } from '../../platform/context';
import { appError, conflict, unauthenticated } from '../../platform/errors';
import { assertStepUp } from '../../platform/mfa';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { ChangeEmailInput, ChangePasswordInput, LoginInput, RegisterInput } from './auth.inputs';
import { AuthPayload } from './auth.payload';
import { checkEmailChange, checkLogin, checkPasswordChange, checkRegistration, normalizeEmail } from './auth.rules';
import type { LoginAttempt, LoginThrottle } from './login.throttle';
import type { Challenge, MfaService } from './mfa.service';
import type { PasswordCheck } from './password.check';
import type { PasswordHasher } from './password.hasher';
import { SessionEndReason } from './session.entity';
import type { IssuedTokens, SessionService } from './session.service';
import { recordSignIn } from './user.access';
import { UserEntity } from './user.entity';
import type { UserService } from './user.service';
import { normalizeText } from './user.rules';

const EMAIL_TAKEN = 'An account with this email already exists';
const WRONG_CREDENTIALS = 'Email or password is incorrect';

/** Registration, login (with its second step when multi-factor authentication is on), token refresh, logout, password and email change. */
export class AuthService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly users: UserService,
    private readonly sessions: SessionService,
    private readonly passwords: PasswordHasher,
    private readonly currentPassword: PasswordCheck,
    private readonly throttle: LoginThrottle,
    private readonly mfa: MfaService,
  ) {}

  /**
   * A new CUSTOMER, signed in. An email already taken counts as a failed
   * attempt for the client address, so probing which emails have accounts
   * is throttled like guessing passwords.
   */
  async register(ctx: RequestContext, input: RegisterInput): Promise<AuthPayload> {
    checkRegistration(input);
    const now = this.deps.clock.now();
    const attempt: LoginAttempt = { email: null, address: ctx.client?.address ?? null };
    await this.throttle.assertAllowed(attempt, now.getTime());
    const email = normalizeEmail(input.email);
    if ((await this.deps.db.read((em) => em.count(UserEntity, { email }))) > 0) {
      await this.throttle.recordFailure(attempt, now.getTime());
      throw conflict(EMAIL_TAKEN, { field: 'email' });
    }
    const passwordHash = await this.passwords.hash(input.password);
    let registered: { user: UserEntity; tokens: IssuedTokens };
    try {
      registered = await this.deps.db.write(async (em) => {
        const user = Object.assign(new UserEntity(), { email, name: normalizeText(input.name).trim(), passwordHash, roles: ['CUSTOMER'], createdAt: now, updatedAt: now });
        em.persist(user);
        return { user, tokens: await this.sessions.open(ctx, em, user, now) };
      });
    } catch (error) {
      // Two registrations racing for one email: the database's unique index decides.
      if (error instanceof UniqueConstraintViolationException) throw conflict(EMAIL_TAKEN, { field: 'email' });
      throw error;
    }
    this.deps.log.info('user registered', { userId: registered.user.id, requestId: ctx.requestId });
    return signedIn(ctx, registered.user, registered.tokens);
  }

  /**
   * Wrong password and unknown email fail alike, in the same time, and both
   * count towards throttling. With multi-factor authentication on, a right
   * password answers MFA_REQUIRED with a challenge instead of tokens.
   */
  async login(ctx: RequestContext, input: LoginInput): Promise<AuthPayload> {
    checkLogin(input);
    const now = this.deps.clock.now();
    const attempt: LoginAttempt = { email: normalizeEmail(input.email), address: ctx.client?.address ?? null };
    await this.throttle.assertAllowed(attempt, now.getTime());
    const user = await ctx.em.findOne(UserEntity, { email: attempt.email });
    if (!(await this.passwords.verify(user?.passwordHash ?? null, input.password)) || !user) {
      await this.throttle.recordFailure(attempt, now.getTime());
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    await this.throttle.recordSuccess(attempt);
    const challenge = await this.mfa.challengeFor(ctx, user, now);
    if (challenge) throw mfaRequired(challenge);
    const tokens = await this.deps.db.write((em) => this.sessions.open(ctx, em, user, now));
    return signedIn(ctx, user, tokens);
  }

  /** The second step of a login: the challenge and a code (or a recovery code) start a session that counts as verified. */
  async verifyMfaChallenge(ctx: RequestContext, challenge: string, code: string): Promise<AuthPayload> {
    const { user, value: tokens } = await this.mfa.redeemChallenge(ctx, challenge, code, (em, user, now) => this.sessions.open(ctx, em, user, now, now));
    return signedIn(ctx, user, tokens);
  }

  async refresh(ctx: RequestContext, refreshToken: string): Promise<AuthPayload> {
    const { user, tokens } = await this.sessions.rotate(ctx, refreshToken);
    return signedIn(ctx, user, tokens);
  }

  logout(refreshToken: string): Promise<boolean> {
    return this.sessions.endByToken(refreshToken);
  }

  /**
   * Needs the current password (throttled like a login: a stolen access
   * token must not allow guessing it). Ends every other session; the
   * caller's own stays signed in.
   */
  async changePassword(ctx: RequestContext, input: ChangePasswordInput): Promise<boolean> {
    const { caller } = ctx;
    if (!caller) throw unauthenticated();
    checkPasswordChange(input);
    const user = await this.users.current(ctx);
    await this.currentPassword.assertCurrent(ctx, user, input.currentPassword, 'currentPassword');
    const passwordHash = await this.passwords.hash(input.newPassword);
    const ended = await this.deps.db.write(async (em) => {
      Object.assign(await em.findOneOrFail(UserEntity, { id: user.id }), { passwordHash });
      return this.sessions.endOthers(em, user.id, caller.sessionId, SessionEndReason.PASSWORD_CHANGED);
    });
    this.deps.log.info('password changed', { userId: user.id, endedSessions: ended, requestId: ctx.requestId });
    return true;
  }

  /**
   * Needs the current password and, with multi-factor authentication on, a
   * step-up (a recent code): whoever controls the email can reset access
   * to the account. An email taken already counts against the client
   * address, as at registration.
   */
  async changeEmail(ctx: RequestContext, input: ChangeEmailInput): Promise<UserEntity> {
    checkEmailChange(input);
    const user = await this.users.current(ctx);
    const now = this.deps.clock.now();
    if (await this.mfa.isEnabled(ctx, user.id)) assertStepUp(ctx.caller, now, this.deps.config.auth.mfa.stepUpSeconds);
    await this.currentPassword.assertCurrent(ctx, user, input.currentPassword, 'currentPassword');
    const email = normalizeEmail(input.newEmail);
    if (email === user.email) return user;
    let changed: UserEntity | null;
    try {
      changed = await this.deps.db.write(async (em) => {
        if ((await em.count(UserEntity, { email })) > 0) return null;
        return Object.assign(await em.findOneOrFail(UserEntity, { id: user.id }), { email });
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      changed = null;
    }
    if (!changed) {
      await this.throttle.recordFailure({ email: null, address: ctx.client?.address ?? null }, now.getTime());
      throw conflict(EMAIL_TAKEN, { field: 'newEmail' });
    }
    this.deps.log.info('email changed', { userId: user.id, requestId: ctx.requestId });
    return changed;
  }
}

function mfaRequired(challenge: Challenge): GraphQLError {
  return appError('MFA_REQUIRED', 'Enter the code from your authenticator app (or a recovery code) with verifyMfaChallenge to finish signing in', {
    challenge: challenge.token,
    expiresAt: challenge.expiresAt.toISOString(),
  });
}

function signedIn(ctx: RequestContext, user: UserEntity, tokens: IssuedTokens): AuthPayload {
  recordSignIn(ctx, user.id, tokens.session.id);
  return Object.assign(new AuthPayload(), {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    sessionExpiresAt: tokens.session.expiresAt,
    user,
  });
}
