import { badInput } from './errors';

/**
 * Checks every subgraph applies to the same kinds of input, so a reason, an
 * id or an idempotency key is refused with the same message everywhere.
 * Domain rules (what a valid SKU or order line is) live in each domain's
 * `*.rules.ts`; these are the shared ones.
 */

export const MAX_ID_LENGTH = 100;
export const MAX_REASON_LENGTH = 200;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 100;

/** An id given by a client or a peer: not blank, at most MAX_ID_LENGTH characters. */
export function checkId(value: string, field: string): string {
  if (!value.trim() || value.length > MAX_ID_LENGTH) throw badInput(`${field} must be 1 to ${MAX_ID_LENGTH} characters`, field);
  return value;
}

/** An optional free-text reason: trimmed, null when blank, at most MAX_REASON_LENGTH characters. */
export function optionalReason(reason: string | null | undefined): string | null {
  const why = reason?.trim() || null;
  if (why && why.length > MAX_REASON_LENGTH) throw badInput(`reason must be at most ${MAX_REASON_LENGTH} characters`, 'reason');
  return why;
}

/** A reason that must be given: trimmed, 1 to MAX_REASON_LENGTH characters. */
export const requiredReason = (reason: string): string => requiredText(reason, 'reason', MAX_REASON_LENGTH);

/**
 * Text that must be given (a name, a title, a reason): trimmed, 1 to `max`
 * characters. With `whenBlank`, a blank one is refused with that message
 * (saying what to write) and a long one as over the limit.
 */
export function requiredText(value: string, field: string, max: number, whenBlank?: string): string {
  const trimmed = value.trim();
  if (whenBlank !== undefined && !trimmed) throw badInput(whenBlank, field);
  if (whenBlank !== undefined && trimmed.length > max) throw badInput(`${field} must be at most ${max} characters`, field);
  if (!trimmed || trimmed.length > max) throw badInput(`${field} must be 1 to ${max} characters`, field);
  return trimmed;
}

/** A client's idempotency key: null when absent; surrounding spaces do not make a different key. */
export function checkIdempotencyKey(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  const trimmed = key.trim();
  if (!trimmed || trimmed.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw badInput(`idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, 'idempotencyKey');
  }
  return trimmed;
}

/** C0 controls other than tab, line feed and carriage return; DEL; the C1 controls. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Refuses a control character (NUL and the like) anywhere in `value`: a
 * string, or the strings in lists and input objects, however deep. No field
 * has a use for them, and past this check they reach SQL, logs and mails.
 * `field` names the argument; the refusal names the path to the string.
 */
export function refuseControlCharacters(value: unknown, field: string): void {
  const pending: Array<readonly [unknown, string]> = [[value, field]];
  for (let i = 0; i < pending.length; i++) {
    const [next, path] = pending[i];
    if (typeof next === 'string') {
      if (CONTROL_CHARACTER.test(next)) throw badInput(`${path} must not contain control characters`, path);
    } else if (Array.isArray(next)) {
      next.forEach((item, index) => pending.push([item, `${path}.${index}`]));
    } else if (typeof next === 'object' && next !== null) {
      for (const [key, item] of Object.entries(next)) pending.push([item, `${path}.${key}`]);
    }
  }
}
