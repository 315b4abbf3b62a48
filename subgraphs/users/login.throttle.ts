import { createHash } from 'node:crypto';
import type { AttemptCounter, Attempts } from '../../platform/attempt-counter';
import { errorMessage, tooManyRequests } from '../../platform/errors';
import type { Logger } from '../../platform/log';

/**
 * Slows, then refuses, repeated failed logins per email and per client
 * address. Below `free` failures nothing happens; from there every attempt
 * must wait twice as long as the previous one (1 s, 2 s, 4 s, ... capped);
 * at `lockoutAt` failures the key is refused for LOCKOUT_MS. Failures are
 * forgotten LOCKOUT_MS after the last one. A refused attempt is not
 * counted and never reaches the password check.
 */
interface Rule {
  readonly free: number;
  readonly lockoutAt: number;
}

/** One account: a person mistyping rarely needs more than a few tries. */
const EMAIL_RULE: Rule = { free: 5, lockoutAt: 10 };
/** One address may be a whole office or mobile carrier behind NAT, so it gets far more. */
const ADDRESS_RULE: Rule = { free: 20, lockoutAt: 100 };
const LOCKOUT_MS = 15 * 60_000;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;

export interface LoginAttempt {
  /** Normalized email; null for attempts that concern no account yet (registration). */
  readonly email: string | null;
  /** Null when the request did not come through the gateway; such requests share one budget. */
  readonly address: string | null;
}

export class LoginThrottle {
  constructor(
    private readonly counter: AttemptCounter,
    private readonly log: Logger,
  ) {}

  /** Throws TOO_MANY_REQUESTS (with `retryAfterSeconds`) while the email or the address must wait. */
  async assertAllowed(attempt: LoginAttempt, now: number): Promise<void> {
    const waits = await Promise.all(
      this.keys(attempt).map(async ([key, rule]) => {
        const retryAt = retryAtOf(await this.read(key, now), rule);
        return retryAt === null ? 0 : retryAt - now;
      }),
    );
    const waitMs = Math.max(0, ...waits);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw tooManyRequests(`Too many failed attempts; try again in ${seconds} second${seconds === 1 ? '' : 's'}`, seconds);
    }
  }

  async recordFailure(attempt: LoginAttempt, now: number): Promise<void> {
    await Promise.all(this.keys(attempt).map(([key]) => this.guarded(() => this.counter.hit(key, now, LOCKOUT_MS))));
  }

  /** A success clears the account's failures; the address keeps its count, or one valid account would unlock guessing at others. */
  async recordSuccess(attempt: LoginAttempt): Promise<void> {
    const { email } = attempt;
    if (email !== null) await this.guarded(() => this.counter.reset(emailKey(email)));
  }

  close(): Promise<void> {
    return this.counter.close();
  }

  private keys(attempt: LoginAttempt): Array<[string, Rule]> {
    const keys: Array<[string, Rule]> = [[`login:address:${attempt.address ?? 'unknown'}`, ADDRESS_RULE]];
    if (attempt.email !== null) keys.push([emailKey(attempt.email), EMAIL_RULE]);
    return keys;
  }

  private async read(key: string, now: number): Promise<Attempts | null> {
    return this.guarded(() => this.counter.get(key, now, LOCKOUT_MS));
  }

  /**
   * An unreachable counter store must not lock every customer out: the
   * attempt goes ahead unthrottled, and the failure is logged loudly.
   */
  private async guarded<T>(operation: () => Promise<T>): Promise<T | null> {
    try {
      return await operation();
    } catch (error) {
      this.log.error('login throttle unavailable; attempt not throttled', { error: errorMessage(error) });
      return null;
    }
  }
}

function retryAtOf(attempts: Attempts | null, rule: Rule): number | null {
  if (attempts === null || attempts.lastAt === null || attempts.count < rule.free) return null;
  if (attempts.count >= rule.lockoutAt) return attempts.lastAt + LOCKOUT_MS;
  return attempts.lastAt + Math.min(BASE_DELAY_MS * 2 ** (attempts.count - rule.free), MAX_DELAY_MS);
}

/** Hashed, so the counter store (Redis) holds no email addresses. */
function emailKey(email: string): string {
  return `login:email:${createHash('sha256').update(email).digest('base64url')}`;
}
