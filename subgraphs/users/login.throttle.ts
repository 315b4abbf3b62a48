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

  /**
   * Throws TOO_MANY_REQUESTS (with `retryAfterSeconds`) while the address,
   * or the account from this address, must wait. An attempt on an account
   * is counted against it from this address at once, until recordSuccess,
   * so parallel guesses from one address cannot all pass before any is
   * counted; one running already for it refuses another.
   */
  async assertAllowed(attempt: LoginAttempt, now: number): Promise<void> {
    const address = this.read(addressKey(attempt), now);
    if (attempt.email === null) return refuseWhileWaiting(waitOf(await address, ADDRESS_RULE, now));
    const pair = pairKey(attempt.email, attempt);
    const [addressAttempts, account, before] = await Promise.all([address, this.read(accountKey(attempt.email), now), this.read(pair, now)]);
    const pairRule = (account?.count ?? 0) >= ACCOUNT_UNDER_ATTACK ? PAIR_RULE_UNDER_ATTACK : PAIR_RULE;
    refuseWhileWaiting(Math.max(waitOf(addressAttempts, ADDRESS_RULE, now), waitOf(before, pairRule, now)));
    await this.reserve(pair, before, now);
  }

  /** Counts a wrong password against the address and the account (from this address it was counted as it began). */
  async recordFailure(attempt: LoginAttempt, now: number): Promise<void> {
    const keys = [addressKey(attempt)];
    if (attempt.email !== null) keys.push(accountKey(attempt.email));
    await Promise.all(keys.map((key) => this.guarded(() => this.counter.hit(key, now, LOCKOUT_MS))));
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

  /**
   * Throws TOO_MANY_REQUESTS while the account must wait before its next
   * second-factor code, or while another code for it is being checked. The
   * attempt counts as failed until recordCodeSuccess.
   */
  async beginCodeAttempt(userId: string, now: number): Promise<void> {
    const key = codeKey(userId);
    const before = await this.read(key, now);
    refuseWhileWaiting(waitOf(before, CODE_RULE, now));
    await this.reserve(key, before, now);
  }

  async recordCodeSuccess(userId: string): Promise<void> {
    await this.guarded(() => this.counter.reset(codeKey(userId)));
  }

  close(): Promise<void> {
    return this.counter.close();
  }

  /** Counts an attempt as it begins; refused when another was counted since `before` was read (they ran in parallel). */
  private async reserve(key: string, before: Attempts | null, now: number): Promise<void> {
    const after = await this.guarded(() => this.counter.hit(key, now, LOCKOUT_MS));
    if (before && after && after.count > before.count + 1) throw tooManyRequests('Another attempt for this account is being checked; try again in a second', 1);
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

function waitOf(attempts: Attempts | null, rule: Rule, now: number): number {
  const retryAt = retryAtOf(attempts, rule);
  return retryAt === null ? 0 : Math.max(0, retryAt - now);
}

function refuseWhileWaiting(waitMs: number): void {
  if (waitMs <= 0) return;
  const seconds = Math.ceil(waitMs / 1000);
  throw tooManyRequests(`Too many failed attempts; try again in ${seconds} second${seconds === 1 ? '' : 's'}`, seconds);
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
