import { createHash } from 'node:crypto';
import type { AttemptCounter, Attempts } from '../../platform/attempt-counter';
import { errorMessage, tooManyRequests } from '../../platform/errors';
import type { Logger } from '../../platform/log';

/**
 * Slows, then refuses, repeated failures (OWASP's authentication guidance):
 * below a rule's `free` failures nothing happens; from there every attempt
 * must wait twice as long as the previous one (1 s, 2 s, 4 s, ... capped);
 * at `lockoutAt` failures the key is refused for LOCKOUT_MS. Failures are
 * forgotten LOCKOUT_MS after the last one. A refused attempt is not
 * counted and never reaches the password check.
 *
 * Passwords are counted per client address and per (account, address), so
 * whoever fails from one address locks out that address, never the owner
 * elsewhere. Failures against an account from anywhere only tighten every
 * address's allowance for it: the owner on a new address is slowed at
 * most. Codes (the second factor) are counted per account, since only
 * someone who knew the password gets that far.
 */
interface Rule {
  readonly free: number;
  readonly lockoutAt: number;
}

/** One account from one address: a person mistyping rarely needs more than a few tries. */
const PAIR_RULE: Rule = { free: 5, lockoutAt: 10 };
/** The same once the account has ACCOUNT_UNDER_ATTACK failures from anywhere: each address waits from its first failure. */
const PAIR_RULE_UNDER_ATTACK: Rule = { free: 1, lockoutAt: 10 };
const ACCOUNT_UNDER_ATTACK = 10;
/** One address may be a whole office or mobile carrier behind NAT, so it gets far more. */
const ADDRESS_RULE: Rule = { free: 20, lockoutAt: 100 };
/** Wrong second-factor codes for one account, from anywhere. */
const CODE_RULE: Rule = { free: 5, lockoutAt: 10 };
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

  /** Throws TOO_MANY_REQUESTS (with `retryAfterSeconds`) while the address, or the account from this address, must wait. */
  async assertAllowed(attempt: LoginAttempt, now: number): Promise<void> {
    const gates: Array<[string, Rule]> = [[addressKey(attempt), ADDRESS_RULE]];
    if (attempt.email !== null) {
      const account = await this.read(accountKey(attempt.email), now);
      gates.push([pairKey(attempt.email, attempt), (account?.count ?? 0) >= ACCOUNT_UNDER_ATTACK ? PAIR_RULE_UNDER_ATTACK : PAIR_RULE]);
    }
    await this.assertOpen(gates, now);
  }

  async recordFailure(attempt: LoginAttempt, now: number): Promise<void> {
    const keys = [addressKey(attempt)];
    if (attempt.email !== null) keys.push(pairKey(attempt.email, attempt), accountKey(attempt.email));
    await this.hit(keys, now);
  }

  /**
   * A success clears the account's failures from this address. The address
   * keeps its count, or one valid account would unlock guessing at others;
   * the account keeps its count, or the owner signing in would give an
   * attacker elsewhere a fresh allowance.
   */
  async recordSuccess(attempt: LoginAttempt): Promise<void> {
    const { email } = attempt;
    if (email !== null) await this.guarded(() => this.counter.reset(pairKey(email, attempt)));
  }

  /** Throws TOO_MANY_REQUESTS while the account must wait before its next second-factor code. */
  assertCodeAllowed(userId: string, now: number): Promise<void> {
    return this.assertOpen([[codeKey(userId), CODE_RULE]], now);
  }

  recordCodeFailure(userId: string, now: number): Promise<void> {
    return this.hit([codeKey(userId)], now);
  }

  async recordCodeSuccess(userId: string): Promise<void> {
    await this.guarded(() => this.counter.reset(codeKey(userId)));
  }

  close(): Promise<void> {
    return this.counter.close();
  }

  private async assertOpen(gates: ReadonlyArray<[string, Rule]>, now: number): Promise<void> {
    const waits = await Promise.all(
      gates.map(async ([key, rule]) => {
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

  private async hit(keys: readonly string[], now: number): Promise<void> {
    await Promise.all(keys.map((key) => this.guarded(() => this.counter.hit(key, now, LOCKOUT_MS))));
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

const addressKey = (attempt: LoginAttempt): string => `login:address:${attempt.address ?? 'unknown'}`;

/** Hashed, so the counter store (Redis) holds no email addresses. */
const accountKey = (email: string): string => `login:account:${digest(email)}`;
const pairKey = (email: string, attempt: LoginAttempt): string => `login:pair:${digest(`${email}\n${attempt.address ?? 'unknown'}`)}`;
const codeKey = (userId: string): string => `mfa:user:${userId}`;

function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
