import { GraphQLError } from 'graphql';
import {
  MAX_ID_LENGTH,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  MAX_REASON_LENGTH,
  checkId,
  checkIdempotencyKey,
  optionalReason,
  refuseControlCharacters,
  requiredReason,
  requiredText,
} from './checks';

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

describe('requiredText', () => {
  it('trims the text, and refuses it blank (saying what to write) or longer than its limit', () => {
    expect(requiredText(' fits ', 'note', 4, 'note is required')).toBe('fits');
    expect(refusal(() => requiredText(' \n ', 'note', 4, 'note is required'))).toEqual({ message: 'note is required', extensions: { code: 'BAD_USER_INPUT', field: 'note' } });
    expect(refusal(() => requiredText('fives', 'note', 4, 'note is required'))).toEqual({
      message: 'note must be at most 4 characters',
      extensions: { code: 'BAD_USER_INPUT', field: 'note' },
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

describe('refuseControlCharacters', () => {
  it('lets text through, tabs and line breaks included, and what is not text', () => {
    expect(() => refuseControlCharacters({ note: 'two\r\nlines\tand a tab', emoji: '😀', count: 3, tags: ['a', null], at: new Date(0) }, 'input')).not.toThrow();
  });

  it.each([
    ['NUL', '\u0000'],
    ['a bell', '\u0007'],
    ['an escape', '\u001b'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u0085'],
  ])('refuses %s, naming the path to the string', (_label, character) => {
    expect(refusal(() => refuseControlCharacters({ lines: [{ note: 'ok' }, { note: `bad${character}` }] }, 'input'))).toEqual({
      message: 'input.lines.1.note must not contain control characters',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.lines.1.note' },
    });
  });

  it('walks input nested far deeper than the call stack allows', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refusal(() => refuseControlCharacters(deep, 'x')).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
