import { badInput } from './errors';

const MAX_IDEMPOTENCY_KEY_LENGTH = 100;

/** A client's idempotency key: null when absent; surrounding spaces do not make a different key. */
export function checkIdempotencyKey(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  const trimmed = key.trim();
  if (!trimmed || trimmed.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw badInput(`idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, 'idempotencyKey');
  }
  return trimmed;
}
