import { isISO4217CurrencyCode, matches, maxLength, minLength } from 'class-validator';
import { appError } from '../../platform/errors';

/**
 * What makes users' input valid: profile fields here, credentials in
 * auth.rules.ts, addresses in address.rules.ts. Every rule of every field is
 * checked and all that fail are refused together, so a form can mark each
 * field at once: BAD_USER_INPUT whose `extensions.violations` lists
 * `{ field, message }` in input order (a field's length limit first), and
 * whose `message` and `extensions.field` are the first violation's.
 */

/** One failed rule; `field` is the path in the input (`email`, `preferences.locale`). */
export interface Violation {
  readonly field: string;
  readonly message: string;
}

/** A rule on a given string: whether it passes, and what to say when it does not. */
export type StringRule = readonly [passes: (value: string) => boolean, message: string];

/** The rules `value` fails, as violations of `field`. An absent value (null, undefined) is not checked here. */
export function violationsOf(field: string, value: string | null | undefined, rules: readonly StringRule[]): Violation[] {
  if (value === null || value === undefined) return [];
  return rules.filter(([passes]) => !passes(value)).map(([, message]) => ({ field, message }));
}

/** Refuses the input when anything was violated. */
export function assertValid(violations: readonly Violation[]): void {
  if (violations.length === 0) return;
  const [first] = violations;
  throw appError('BAD_USER_INPUT', first.message, { field: first.field, violations });
}

/** Lengths as validator.js counts them: an emoji is one character, not two. */
export const atMost = (field: string, max: number): StringRule => [(value) => maxLength(value, max), `${field} must be at most ${max} characters`];
export const atLeast = (field: string, min: number): StringRule => [(value) => minLength(value, min), `${field} must be at least ${min} characters`];
export const notBlank = (field: string): StringRule => [(value) => matches(value, /\S/), `${field} must not be empty`];

/** Control and format characters: invisible, and bidirectional overrides that make text read otherwise than it is stored. */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;
/** What shows nothing on its own: spaces, default-ignorable characters (fillers such as U+3164), combining marks, the blank braille pattern. */
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}\p{M}\u2800]/gu;

export const noControlOrFormat = (field: string): StringRule => [
  (value) => !CONTROL_OR_FORMAT.test(value),
  `${field} must not contain control or formatting characters (such as bidirectional overrides)`,
];
/** Something a reader can see, not only characters that show nothing. */
const visible = (field: string): StringRule => [(value) => value.replace(INVISIBLE, '') !== '', `${field} must not be empty`];

/**
 * Names and emails are stored in Unicode compatibility form (NFKC), so
 * look-alike spellings (full-width letters, ligatures) are one and the same.
 */
export const normalizeText = (value: string): string => value.normalize('NFKC');

export const MAX_NAME_LENGTH = 100;
/** E.164: a plus, a country code and up to 15 digits in all, no separators. */
const PHONE_PATTERN = /^\+[1-9]\d{6,14}$/;
const LOCALE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const MAX_LOCALE_LENGTH = 35;

/** A person's name, as a user gives their own, checked in its normal form (`normalizeText`). */
export const NAME_RULES: readonly StringRule[] = [atMost('name', MAX_NAME_LENGTH), visible('name'), noControlOrFormat('name')];

/** A phone number (profile and address), in international format. */
export const PHONE_RULES: readonly StringRule[] = [
  [(value) => matches(value, PHONE_PATTERN), 'phone must be in international format without spaces, e.g. +4915112345678'],
];

/** `updateProfile`'s input: omitted (undefined) fields stay as they are. */
export interface ProfileInput {
  readonly name?: string | null;
  readonly phone?: string | null;
  readonly preferences?: {
    readonly locale?: string | null;
    readonly currency?: string | null;
    readonly marketingEmails?: boolean | null;
    readonly orderUpdates?: boolean | null;
  } | null;
}

/** What a valid profile change sets: the name trimmed, the currency in capitals; null preferences stay as they are. */
export interface ProfileChanges {
  readonly name?: string;
  /** Null removes the number. */
  readonly phone?: string | null;
  readonly preferences: {
    readonly locale?: string;
    readonly currency?: string;
    readonly marketingEmails?: boolean;
    readonly orderUpdates?: boolean;
  };
}

export function checkProfile(input: ProfileInput): ProfileChanges {
  const preferences = input.preferences ?? {};
  assertValid([
    ...(input.name === null ? [{ field: 'name', message: 'name must not be empty' }] : violationsOf('name', input.name === undefined ? undefined : normalizeText(input.name), NAME_RULES)),
    ...violationsOf('phone', input.phone, PHONE_RULES),
    ...violationsOf('preferences.locale', preferences.locale, [
      atMost('locale', MAX_LOCALE_LENGTH),
      [(value) => matches(value, LOCALE_PATTERN), 'locale must be a language tag such as "en" or "de-CH"'],
    ]),
    ...violationsOf('preferences.currency', preferences.currency, [[isISO4217CurrencyCode, 'currency must be an ISO 4217 code such as "EUR"']]),
  ]);
  return {
    ...(typeof input.name === 'string' ? { name: normalizeText(input.name).trim() } : {}),
    ...(input.phone !== undefined ? { phone: input.phone } : {}),
    preferences: {
      ...(preferences.locale != null ? { locale: preferences.locale } : {}),
      ...(preferences.currency != null ? { currency: preferences.currency.toUpperCase() } : {}),
      ...(preferences.marketingEmails != null ? { marketingEmails: preferences.marketingEmails } : {}),
      ...(preferences.orderUpdates != null ? { orderUpdates: preferences.orderUpdates } : {}),
    },
  };
}
