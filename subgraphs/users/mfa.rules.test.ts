import { violationsFrom } from '../../test/support/refusals';
import { checkChallenge, newRecoveryCodes, parseCode, sessionRoles } from './mfa.rules';

describe('parseCode', () => {
  it('reads six digits as an app code, spaces and dashes ignored', () => {
    expect(parseCode('123456')).toEqual({ kind: 'totp', digits: '123456' });
    expect(parseCode(' 123 456 ')).toEqual({ kind: 'totp', digits: '123456' });
    expect(parseCode('123-456', 'totp')).toEqual({ kind: 'totp', digits: '123456' });
  });

  it('reads a recovery code as typed, in any case and grouping, as the hash that is stored', () => {
    const [{ code, hash }] = newRecoveryCodes();
    expect(parseCode(code)).toEqual({ kind: 'recovery', hash });
    expect(parseCode(code.toUpperCase().replace(/-/g, ' '))).toEqual({ kind: 'recovery', hash });
  });

  it.each([
    ['five digits', '12345'],
    ['seven digits', '1234567'],
    ['letters', 'abcdef'],
    ['a recovery code one digit short', 'a1b2c-d3e4f-a1b2c-d3e4'],
  ])('refuses %s with BAD_USER_INPUT on code', (_case, code) => {
    expect(violationsFrom(() => parseCode(code))).toEqual([{ field: 'code', message: 'code must be the 6-digit code from your authenticator app, or a recovery code' }]);
  });

  it('takes no recovery code where only the app will do (confirming an enrolment)', () => {
    const [{ code }] = newRecoveryCodes();
    expect(violationsFrom(() => parseCode(code, 'totp'))).toEqual([{ field: 'code', message: 'code must be the 6-digit code from your authenticator app' }]);
  });

  it('refuses an oversized code before reading it', () => {
    expect(violationsFrom(() => parseCode('1'.repeat(65)))[0]).toEqual({ field: 'code', message: 'code must be at most 64 characters' });
  });
});

describe('checkChallenge', () => {
  it('refuses an oversized challenge', () => {
    expect(() => checkChallenge('c'.repeat(128))).not.toThrow();
    expect(violationsFrom(() => checkChallenge('c'.repeat(129)))).toEqual([{ field: 'challenge', message: 'challenge must be at most 128 characters' }]);
  });
});

describe('newRecoveryCodes', () => {
  it('makes ten different codes of 80 random bits, in groups of five hex digits, with their SHA-256', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes.map((c) => c.code)).size).toBe(10);
    for (const { code, hash } of codes) {
      expect(code).toMatch(/^[0-9a-f]{5}-[0-9a-f]{5}-[0-9a-f]{5}-[0-9a-f]{5}$/);
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe('sessionRoles', () => {
  const ADMIN_ONLY = ['ADMIN'] as const;

  it('withholds the staff roles of an account holding a required role until the session proves a second factor', () => {
    expect(sessionRoles(['CUSTOMER', 'AGENT', 'ADMIN'], false, ADMIN_ONLY)).toEqual({ roles: ['CUSTOMER'], withheld: ['AGENT', 'ADMIN'] });
    expect(sessionRoles(['CUSTOMER', 'AGENT', 'ADMIN'], true, ADMIN_ONLY)).toEqual({ roles: ['CUSTOMER', 'AGENT', 'ADMIN'], withheld: [] });
  });

  it('leaves accounts without a required role as they are', () => {
    expect(sessionRoles(['CUSTOMER', 'AGENT'], false, ADMIN_ONLY)).toEqual({ roles: ['CUSTOMER', 'AGENT'], withheld: [] });
    expect(sessionRoles(['CUSTOMER', 'AGENT', 'ADMIN'], false, [])).toEqual({ roles: ['CUSTOMER', 'AGENT', 'ADMIN'], withheld: [] });
  });

  it('never withholds CUSTOMER: the policy is about staff operations', () => {
    expect(sessionRoles(['CUSTOMER'], false, ['CUSTOMER'])).toEqual({ roles: ['CUSTOMER'], withheld: [] });
    expect(sessionRoles(['CUSTOMER', 'AGENT'], false, ['CUSTOMER'])).toEqual({ roles: ['CUSTOMER'], withheld: ['AGENT'] });
  });
});
