import { isEmail } from 'class-validator';
import { assertValid, atLeast, atMost, NAME_RULES, noControlOrFormat, normalizeText, violationsOf, type StringRule } from './user.rules';

/** The credentials' rules (see user.rules.ts for how violations are reported). */

export const MIN_PASSWORD_LENGTH = 10;
/** argon2 hashes any length, but requests with megabyte passwords are refused early. */
const MAX_PASSWORD_LENGTH = 256;
/** RFC 5321's limit on a forward path. */
const MAX_EMAIL_LENGTH = 254;

/** Default-ignorable characters show nothing, so an address with one would pass for another account's. */
const EMAIL_RULES: readonly StringRule[] = [
  atMost('email', MAX_EMAIL_LENGTH),
  [(value) => isEmail(value), 'email must be a valid email address'],
  noControlOrFormat('email'),
  [(value) => !/\p{Default_Ignorable_Code_Point}/u.test(value), 'email must not contain invisible characters'],
];

/** A password being chosen. */
const newPassword = (field: string): readonly StringRule[] => [atMost(field, MAX_PASSWORD_LENGTH), atLeast(field, MIN_PASSWORD_LENGTH)];
/** A password being presented: no minimum, a wrong one is refused like any other, never explained. */
const presentedPassword = (field: string): readonly StringRule[] => [atMost(field, MAX_PASSWORD_LENGTH)];

/** Emails are compared and stored in normal form (NFKC), trimmed and lower-cased, so uniqueness ignores case and look-alike spellings. */
export function normalizeEmail(email: string): string {
  return normalizeText(email).trim().toLowerCase();
}

/** Emails are checked in normal form, so a full-width spelling is the address it spells (and may be taken). */
export function checkRegistration(input: { readonly email: string; readonly password: string; readonly name: string }): void {
  assertValid([
    ...violationsOf('email', normalizeText(input.email), EMAIL_RULES),
    ...violationsOf('password', input.password, newPassword('password')),
    ...violationsOf('name', normalizeText(input.name), NAME_RULES),
  ]);
}

export function checkLogin(input: { readonly email: string; readonly password: string }): void {
  assertValid([...violationsOf('email', normalizeText(input.email), EMAIL_RULES), ...violationsOf('password', input.password, presentedPassword('password'))]);
}

export function checkPasswordChange(input: { readonly currentPassword: string; readonly newPassword: string }): void {
  assertValid([
    ...violationsOf('currentPassword', input.currentPassword, presentedPassword('currentPassword')),
    ...violationsOf('newPassword', input.newPassword, newPassword('newPassword')),
  ]);
}

export function checkEmailChange(input: { readonly newEmail: string; readonly currentPassword: string }): void {
  assertValid([
    ...violationsOf('newEmail', input.newEmail, EMAIL_RULES),
    ...violationsOf('currentPassword', input.currentPassword, presentedPassword('currentPassword')),
  ]);
}
