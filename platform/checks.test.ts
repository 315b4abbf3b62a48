import { GraphQLError } from 'graphql';
import { MAX_ID_LENGTH, MAX_IDEMPOTENCY_KEY_LENGTH, MAX_REASON_LENGTH, checkId, checkIdempotencyKey, optionalReason, requiredReason } from './checks';

/** The refusal `check` throws, as a client sees it. */
function refusal(check: () => unknown): { message: string; extensions: Record<string, unknown> } {
  try {
    check();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { message: error.message, extensions: { ...error.extensions } };
  }
  throw new Error('expected the check to refuse');
}

describe('checkId', () => {
  it('returns an id of 1 to MAX_ID_LENGTH characters as given', () => {
    expect(checkId('ord_1', 'orderId')).toBe('ord_1');
    expect(checkId('x'.repeat(MAX_ID_LENGTH), 'orderId')).toHaveLength(MAX_ID_LENGTH);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['too long', 'x'.repeat(MAX_ID_LENGTH + 1)],
  ])('refuses an id that is %s, naming the field', (_label, id) => {
    expect(refusal(() => checkId(id, 'lines.0.productId'))).toEqual({
      message: `lines.0.productId must be 1 to ${MAX_ID_LENGTH} characters`,
      extensions: { code: 'BAD_USER_INPUT', field: 'lines.0.productId' },
    });
  });
});

describe('optionalReason', () => {
  it('trims a reason, and takes a missing or blank one as none', () => {
    expect(optionalReason('  changed my mind ')).toBe('changed my mind');
    expect(optionalReason('   ')).toBeNull();
    expect(optionalReason(null)).toBeNull();
    expect(optionalReason(undefined)).toBeNull();
  });

  it('counts the length after trimming', () => {
    expect(optionalReason(` ${'r'.repeat(MAX_REASON_LENGTH)} `)).toHaveLength(MAX_REASON_LENGTH);
    expect(refusal(() => optionalReason('r'.repeat(MAX_REASON_LENGTH + 1)))).toEqual({
      message: `reason must be at most ${MAX_REASON_LENGTH} characters`,
      extensions: { code: 'BAD_USER_INPUT', field: 'reason' },
    });
  });
});

describe('requiredReason', () => {
  it('trims a reason', () => {
    expect(requiredReason(' delivery of 20 units ')).toBe('delivery of 20 units');
  });

  it.each([
    ['blank', '  '],
    ['too long', 'r'.repeat(MAX_REASON_LENGTH + 1)],
  ])('refuses a reason that is %s', (_label, reason) => {
    expect(refusal(() => requiredReason(reason))).toEqual({
      message: `reason must be 1 to ${MAX_REASON_LENGTH} characters`,
      extensions: { code: 'BAD_USER_INPUT', field: 'reason' },
    });
  });
});

describe('checkIdempotencyKey', () => {
  it('takes a missing key as none, and surrounding spaces as the same key', () => {
    expect(checkIdempotencyKey(null)).toBeNull();
    expect(checkIdempotencyKey(undefined)).toBeNull();
    expect(checkIdempotencyKey(' key-1 ')).toBe('key-1');
    expect(checkIdempotencyKey('k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH))).toHaveLength(MAX_IDEMPOTENCY_KEY_LENGTH);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['too long', 'k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH + 1)],
  ])('refuses a key that is %s', (_label, key) => {
    expect(refusal(() => checkIdempotencyKey(key))).toEqual({
      message: `idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
      extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
    });
  });
});
