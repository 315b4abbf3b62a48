import type { AttemptCounter } from '../../platform/attempt-counter';
import { MemoryAttemptCounter } from '../../platform/attempt-counter.memory';
import { createLogger } from '../../platform/log';
import { LoginThrottle } from './login.throttle';

const T0 = Date.UTC(2031, 0, 1);

describe('LoginThrottle', () => {
  it('lets attempts through, and says so loudly, when the counter store is down', async () => {
    const lines: string[] = [];
    const down: AttemptCounter = {
      get: () => Promise.reject(new Error('connect ECONNREFUSED')),
      hit: () => Promise.reject(new Error('connect ECONNREFUSED')),
      reset: () => Promise.reject(new Error('connect ECONNREFUSED')),
      close: () => Promise.resolve(),
    };
    const throttle = new LoginThrottle(down, createLogger('users', 'error', (line) => lines.push(line)));
    const attempt = { email: 'someone@shop.test', address: '203.0.113.1' };

    await expect(throttle.assertAllowed(attempt, T0)).resolves.toBeUndefined();
    await expect(throttle.recordFailure(attempt, T0)).resolves.toBeUndefined();
    await expect(throttle.recordSuccess(attempt)).resolves.toBeUndefined();
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', message: 'login throttle unavailable; attempt not throttled', error: 'connect ECONNREFUSED' });
  });

  it('keeps no email address in the counter store', async () => {
    const counter = new MemoryAttemptCounter();
    const keys: string[] = [];
    const spying: AttemptCounter = {
      get: (key, now, windowMs) => counter.get(key, now, windowMs),
      hit: (key, now, windowMs) => {
        keys.push(key);
        return counter.hit(key, now, windowMs);
      },
      reset: (key) => counter.reset(key),
      close: () => counter.close(),
    };
    const throttle = new LoginThrottle(spying, createLogger('users', 'error', () => undefined));
    const attempt = { email: 'someone@shop.test', address: '203.0.113.1' };
    await throttle.assertAllowed(attempt, T0);
    await throttle.recordFailure(attempt, T0);
    expect(new Set(keys).size).toBe(3);
    expect(keys.join(' ')).not.toContain('someone');
    expect(keys).toContain('login:address:203.0.113.1');
    await throttle.close();
  });

  describe('per account and address', () => {
    const EMAIL = 'owner@shop.test';
    const at = (address: string) => ({ email: EMAIL, address });
    let throttle: LoginThrottle;
    /** One sign-in: the seconds it must wait, or 0 when it went ahead (and was right or wrong). */
    const tryPassword = async (attempt: { email: string; address: string }, now: number, right = false): Promise<number> => {
      try {
        await throttle.assertAllowed(attempt, now);
      } catch (error) {
        return (error as { extensions: { retryAfterSeconds: number } }).extensions.retryAfterSeconds;
      }
      await (right ? throttle.recordSuccess(attempt) : throttle.recordFailure(attempt, now));
      return 0;
    };
    beforeEach(() => {
      throttle = new LoginThrottle(new MemoryAttemptCounter(), createLogger('users', 'error', () => undefined));
    });
    afterEach(() => throttle.close());

    it("locks the attacker's address out of the account for 15 minutes, and not the owner on another address", async () => {
      for (let i = 0; i < 10; i++) expect(await tryPassword(at('198.51.100.1'), T0 + i * 60_000)).toBe(0);
      expect(await tryPassword(at('198.51.100.1'), T0 + 10 * 60_000, true)).toBe(14 * 60);
      expect(await tryPassword(at('203.0.113.9'), T0 + 10 * 60_000, true)).toBe(0);
    });

    it('makes every address wait from its first failure once the account has 10 failures from anywhere, but never locks a new one out', async () => {
      for (let i = 0; i < 10; i++) expect(await tryPassword(at(`198.51.100.${i}`), T0)).toBe(0);
      expect(await tryPassword(at('203.0.113.8'), T0, true)).toBe(0);
      const owner = at('203.0.113.9');
      expect(await tryPassword(owner, T0)).toBe(0);
      expect(await tryPassword(owner, T0, true)).toBe(1);
      expect(await tryPassword(owner, T0 + 1_000, true)).toBe(0);
    });

    it('gives an address its five free failures while the account is not under attack', async () => {
      const owner = at('203.0.113.9');
      for (let i = 0; i < 5; i++) expect(await tryPassword(owner, T0)).toBe(0);
      expect(await tryPassword(owner, T0)).toBe(1);
    });

    it('forgets the failures of an address for the account after a right password there', async () => {
      const owner = at('203.0.113.9');
      for (let i = 0; i < 4; i++) await tryPassword(owner, T0);
      expect(await tryPassword(owner, T0, true)).toBe(0);
      for (let i = 0; i < 5; i++) expect(await tryPassword(owner, T0)).toBe(0);
    });

    it('counts codes per account from anywhere, locks at ten failures, and forgets them after a right one', async () => {
      const fail = (user: string) => throttle.beginCodeAttempt(user, T0);
      for (let i = 0; i < 5; i++) await fail('user-1');
      await expect(throttle.beginCodeAttempt('user-1', T0)).rejects.toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 1 } });
      await expect(throttle.beginCodeAttempt('user-2', T0)).resolves.toBeUndefined();
      for (let i = 0; i < 5; i++) await throttle.beginCodeAttempt('user-1', T0 + (i + 1) * 60_000);
      await expect(throttle.beginCodeAttempt('user-1', T0 + 6 * 60_000)).rejects.toMatchObject({ extensions: { retryAfterSeconds: 14 * 60 } });
      await throttle.recordCodeSuccess('user-1');
      await expect(throttle.beginCodeAttempt('user-1', T0 + 6 * 60_000)).resolves.toBeUndefined();
    });

    it('lets one of many parallel code checks for an account through, and counts every one', async () => {
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => throttle.beginCodeAttempt('user-1', T0)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      await expect(throttle.beginCodeAttempt('user-1', T0 + 60_000)).rejects.toMatchObject({ extensions: { retryAfterSeconds: 14 * 60 } });
    });

    it('lets one of many parallel password checks for an account from one address through', async () => {
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => throttle.assertAllowed(at('198.51.100.1'), T0)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await tryPassword(at('198.51.100.1'), T0 + 60_000)).toBe(14 * 60);
      expect(await tryPassword(at('203.0.113.9'), T0)).toBe(0);
    });
  });
});
