import { generateSecret, generateURI, NobleCryptoPlugin, ScureBase32Plugin, TOTP } from 'otplib';
import { toString as qrCode } from 'qrcode';

/**
 * TOTP (RFC 6238) as every authenticator app speaks it: SHA-1, 6 digits,
 * 30-second steps, through otplib (which compares codes in constant time).
 */

const PERIOD_SECONDS = 30;
/** One step either side of now: a code typed as it changes, or a phone clock a little off, still works. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;
const totp = new TOTP({ period: PERIOD_SECONDS, crypto: new NobleCryptoPlugin(), base32: new ScureBase32Plugin() });

/** 160 random bits, base32, as RFC 4226 recommends. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** What an authenticator app scans: issuer and account name label the entry. */
export function otpauthUri(issuer: string, account: string, secret: string): string {
  return generateURI({ issuer, label: account, secret });
}

/** The URI as a QR code, an SVG image in a data URI (safe in an <img src>, unlike inline markup). */
export async function qrCodeDataUri(uri: string): Promise<string> {
  const svg = await qrCode(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/**
 * The time step `code` belongs to when it is right at `now` and newer than
 * `afterStep` (the last accepted one: a code is good once); null otherwise.
 */
export async function totpStep(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | null> {
  const epoch = Math.floor(now.getTime() / 1000);
  // otplib refuses a bound past the steps it checks; the check after it covers that case.
  const lastCheckedStep = Math.floor((epoch + TOLERANCE_SECONDS) / PERIOD_SECONDS);
  const result = await totp.verify(code, {
    secret,
    epoch,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep !== null && afterStep <= lastCheckedStep ? { afterTimeStep: afterStep } : {}),
  });
  if (!result.valid) return null;
  return afterStep === null || result.timeStep > afterStep ? result.timeStep : null;
}
