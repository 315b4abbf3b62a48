import { createHash, randomBytes } from 'node:crypto';
import type { UserRoleName } from '../../platform/caller';
import { assertValid, atMost, violationsOf } from './user.rules';

/** The rules of multi-factor authentication: what a code looks like, recovery codes, and which roles a session may use. */

/** A code as a user types it: six digits from the app, or a recovery code. */
export type Code = { readonly kind: 'totp'; readonly digits: string } | { readonly kind: 'recovery'; readonly hash: string };

export const RECOVERY_CODE_COUNT = 10;
/** 80 random bits per recovery code: a plain SHA-256 of it cannot be reversed by guessing. */
const RECOVERY_CODE_BYTES = 10;
const RECOVERY_CODE_PATTERN = new RegExp(`^[0-9a-f]{${RECOVERY_CODE_BYTES * 2}}$`);
const MAX_CODE_LENGTH = 64;
const MAX_CHALLENGE_LENGTH = 128;
const STAFF_ROLES: readonly UserRoleName[] = ['AGENT', 'ADMIN'];

/** Reads a code; spaces and dashes are ignored, so codes may be typed as shown ("123 456", "3f2a1-..."). */
export function parseCode(input: string, accept: 'any' | 'totp' = 'any'): Code {
  const expected = accept === 'any' ? 'the 6-digit code from your authenticator app, or a recovery code' : 'the 6-digit code from your authenticator app';
  assertValid(violationsOf('code', input, [atMost('code', MAX_CODE_LENGTH), [(value) => readCode(value, accept) !== null, `code must be ${expected}`]]));
  return readCode(input, accept)!;
}

function readCode(input: string, accept: 'any' | 'totp'): Code | null {
  const compact = input.replace(/[\s-]/g, '').toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: 'totp', digits: compact };
  if (accept === 'any' && RECOVERY_CODE_PATTERN.test(compact)) return { kind: 'recovery', hash: recoveryCodeHash(compact) };
  return null;
}

export function checkChallenge(challenge: string): void {
  assertValid(violationsOf('challenge', challenge, [atMost('challenge', MAX_CHALLENGE_LENGTH)]));
}

/** Ten new recovery codes as shown to the user once (groups of five hex digits), with the hashes that are stored. */
export function newRecoveryCodes(): Array<{ readonly code: string; readonly hash: string }> {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const compact = randomBytes(RECOVERY_CODE_BYTES).toString('hex');
    return { code: compact.match(/.{5}/g)!.join('-'), hash: recoveryCodeHash(compact) };
  });
}

function recoveryCodeHash(compact: string): string {
  return createHash('sha256').update(compact).digest('hex');
}

/**
 * The roles a session may use. An account holding one of `required`
 * (MFA_REQUIRED_ROLES) uses no staff role until the session proves a
 * second factor; those roles are withheld, and named so the refusal can
 * say why.
 */
export function sessionRoles(
  roles: readonly UserRoleName[],
  mfaVerified: boolean,
  required: readonly UserRoleName[],
): { readonly roles: UserRoleName[]; readonly withheld: UserRoleName[] } {
  const mustProve = !mfaVerified && roles.some((role) => required.includes(role));
  if (!mustProve) return { roles: [...roles], withheld: [] };
  return { roles: roles.filter((role) => !STAFF_ROLES.includes(role)), withheld: roles.filter((role) => STAFF_ROLES.includes(role)) };
}
