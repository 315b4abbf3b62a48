import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { RequestContext } from '../../platform/context';
import { badInput, conflict, unauthenticated } from '../../platform/errors';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { ChangePasswordInput, LoginInput, RegisterInput } from './auth.inputs';
import { AuthPayload } from './auth.payload';
import { checkLogin, checkPasswordChange, checkRegistration, normalizeEmail } from './auth.rules';
import type { LoginAttempt, LoginThrottle } from './login.throttle';
import type { PasswordHasher } from './password.hasher';
import { SessionEndReason } from './session.entity';
import type { IssuedTokens, SessionService } from './session.service';
import { recordSignIn } from './user.access';
import { UserEntity } from './user.entity';
import { normalizeText } from './user.rules';

const EMAIL_TAKEN = 'An account with this email already exists';
const WRONG_CREDENTIALS = 'Email or password is incorrect';

/** Registration, login, token refresh, logout and password change. */
export class AuthService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly sessions: SessionService,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
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

  /** Wrong password and unknown email fail alike, in the same time, and both count towards throttling. */
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
    const tokens = await this.deps.db.write((em) => this.sessions.open(ctx, em, user, now));
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
    const now = this.deps.clock.now();
    const user = await ctx.em.findOne(UserEntity, { id: caller.userId });
    if (!user) throw unauthenticated('Your account no longer exists');
    const attempt: LoginAttempt = { email: user.email, address: ctx.client?.address ?? null };
    await this.throttle.assertAllowed(attempt, now.getTime());
    if (!(await this.passwords.verify(user.passwordHash, input.currentPassword))) {
      await this.throttle.recordFailure(attempt, now.getTime());
      throw badInput('currentPassword is not your current password', 'currentPassword');
    }
    const passwordHash = await this.passwords.hash(input.newPassword);
    const ended = await this.deps.db.write(async (em) => {
      Object.assign(await em.findOneOrFail(UserEntity, { id: user.id }), { passwordHash });
      return this.sessions.endOthers(em, user.id, caller.sessionId, SessionEndReason.PASSWORD_CHANGED);
    });
    this.deps.log.info('password changed', { userId: user.id, endedSessions: ended, requestId: ctx.requestId });
    return true;
  }
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
