import type { Clock } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import { badInput } from '../../platform/errors';
import type { LoginAttempt, LoginThrottle } from './login.throttle';
import type { PasswordHasher } from './password.hasher';
import type { UserEntity } from './user.entity';

/**
 * The current password asked again before a change to the account's
 * credentials (password, email, multi-factor authentication), throttled
 * like a login: a stolen access token must not allow guessing it.
 */
export class PasswordCheck {
  constructor(
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly clock: Clock,
  ) {}

  /** BAD_USER_INPUT on `field` unless `password` is the user's. */
  async assertCurrent(ctx: RequestContext, user: Pick<UserEntity, 'email' | 'passwordHash'>, password: string, field: string): Promise<void> {
    const now = this.clock.now().getTime();
    const attempt: LoginAttempt = { email: user.email, address: ctx.client?.address ?? null };
    await this.throttle.assertAllowed(attempt, now);
    if (await this.passwords.verify(user.passwordHash, password)) {
      await this.throttle.recordSuccess(attempt);
      return;
    }
    await this.throttle.recordFailure(attempt, now);
    throw badInput(`${field} is not your current password`, field);
  }
}
