import { generateSync } from 'otplib';
import { newTotpSecret, otpauthUri, qrCodeDataUri, totpStep } from './mfa.totp';

const T = new Date('2033-01-01T00:00:10Z');
const STEP = Math.floor(T.getTime() / 30_000);
const codeAt = (secret: string, date: Date) => generateSync({ secret, epoch: Math.floor(date.getTime() / 1000) });
const later = (seconds: number) => new Date(T.getTime() + seconds * 1000);

describe('TOTP', () => {
  const secret = newTotpSecret();

  it('makes 160-bit base32 secrets', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it('accepts the current code, and the one of the step before or after, and says which step it was', async () => {
    expect(await totpStep(secret, codeAt(secret, T), T, null)).toBe(STEP);
    expect(await totpStep(secret, codeAt(secret, later(-30)), T, null)).toBe(STEP - 1);
    expect(await totpStep(secret, codeAt(secret, later(30)), T, null)).toBe(STEP + 1);
  });

  it('refuses a code two steps away, or for another secret', async () => {
    expect(await totpStep(secret, codeAt(secret, later(-60)), T, null)).toBeNull();
    expect(await totpStep(secret, codeAt(secret, later(60)), T, null)).toBeNull();
    expect(await totpStep(newTotpSecret(), codeAt(secret, T), T, null)).toBeNull();
  });

  it('refuses a code of the last accepted step or an earlier one (each code is good once)', async () => {
    expect(await totpStep(secret, codeAt(secret, T), T, STEP)).toBeNull();
    expect(await totpStep(secret, codeAt(secret, later(-30)), T, STEP)).toBeNull();
    expect(await totpStep(secret, codeAt(secret, later(30)), T, STEP)).toBe(STEP + 1);
    expect(await totpStep(secret, codeAt(secret, later(30)), T, STEP + 1)).toBeNull();
    // A last step beyond anything checked (a clock moved back) refuses every code rather than failing.
    expect(await totpStep(secret, codeAt(secret, T), T, STEP + 5)).toBeNull();
  });

  it('labels the otpauth:// URI with issuer and account, and draws it as an SVG data URI', async () => {
    const uri = otpauthUri('Shop & Co', 'robin@shop.test', secret);
    expect(uri).toBe(`otpauth://totp/Shop%20%26%20Co:robin%40shop.test?secret=${secret}&issuer=Shop%20%26%20Co`);
    const image = await qrCodeDataUri(uri);
    expect(image.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(image.split(',')[1], 'base64').toString('utf8')).toContain('<svg');
  });
});
