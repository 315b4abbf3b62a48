import { SecretBox } from './secret-box';

const CURRENT = 'c'.repeat(32);
const RETIRED = 'r'.repeat(32);
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const LABEL = 'test/secret-box/v1';

describe('SecretBox', () => {
  it('opens what it sealed for the same owner, and never stores the secret in the clear', () => {
    const box = new SecretBox([CURRENT], LABEL);
    const sealed = box.seal(SECRET, 'user-1');
    expect(sealed).not.toContain(SECRET);
    expect(box.open(sealed, 'user-1')).toEqual({ plaintext: SECRET, stale: false });
    expect(box.isCurrent(sealed)).toBe(true);
  });

  it('seals the same secret differently each time (a fresh IV)', () => {
    const box = new SecretBox([CURRENT], LABEL);
    expect(box.seal(SECRET, 'user-1')).not.toBe(box.seal(SECRET, 'user-1'));
  });

  it("refuses a value moved onto another user's row", () => {
    const box = new SecretBox([CURRENT], LABEL);
    expect(() => box.open(box.seal(SECRET, 'user-1'), 'user-2')).toThrow();
  });

  it('refuses a tampered value', () => {
    const box = new SecretBox([CURRENT], LABEL);
    const parts = box.seal(SECRET, 'user-1').split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => box.open(parts.join('.'), 'user-1')).toThrow();
    expect(() => box.open('not sealed', 'user-1')).toThrow('not a sealed secret');
  });

  it('refuses a value sealed with key material it is not given', () => {
    expect(() => new SecretBox([CURRENT], LABEL).open(new SecretBox([RETIRED], LABEL).seal(SECRET, 'user-1'), 'user-1')).toThrow('not configured');
  });

  it('still opens values sealed with the retiring key during a rotation, and says they are stale', () => {
    const sealed = new SecretBox([RETIRED], LABEL).seal(SECRET, 'user-1');
    const rotating = new SecretBox([CURRENT, RETIRED], LABEL);
    expect(rotating.open(sealed, 'user-1')).toEqual({ plaintext: SECRET, stale: true });
    expect(rotating.isCurrent(sealed)).toBe(false);
    expect(rotating.isCurrent(rotating.seal(SECRET, 'user-1'))).toBe(true);
  });
});
