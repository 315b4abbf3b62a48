import { badInputOf, refusalOf } from '../../test/support/refusals';
import { checkFirst, MAX_RECOMMENDATIONS, ViewQuota } from './recommendation.rules';

describe('checkFirst', () => {
  it.each([1, MAX_RECOMMENDATIONS])('accepts %d', (first) => {
    expect(checkFirst(first)).toBe(first);
  });

  it.each([0, -1, 2.5, MAX_RECOMMENDATIONS + 1])('refuses %d', (first) => {
    expect(badInputOf(() => checkFirst(first))).toEqual({ field: 'first', message: `first must be a whole number from 1 to ${MAX_RECOMMENDATIONS}` });
  });
});

describe('ViewQuota', () => {
  it('takes the quota of views in a minute, then refuses, saying when to try again', () => {
    const quota = new ViewQuota(2);
    quota.take('v', 0);
    quota.take('v', 10_000);
    const refused = refusalOf(() => quota.take('v', 30_000));
    expect(refused.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 30 });
  });

  it('counts each viewer apart, and starts a new minute after the last', () => {
    const quota = new ViewQuota(1);
    quota.take('a', 0);
    quota.take('b', 0);
    expect(() => quota.take('a', 59_999)).toThrow();
    expect(() => quota.take('a', 60_000)).not.toThrow();
  });
});
