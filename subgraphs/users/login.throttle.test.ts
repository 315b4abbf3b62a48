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
    await throttle.recordFailure({ email: 'someone@shop.test', address: '203.0.113.1' }, T0);
    expect(keys).toHaveLength(2);
    expect(keys.join(' ')).not.toContain('someone');
    expect(keys).toContain('login:address:203.0.113.1');
    await throttle.close();
  });
});
