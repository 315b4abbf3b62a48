import { GraphQLError } from 'graphql';
import { canMoveReturn, checkRefundAmount, checkRefusalNote, checkReturnLines, checkReturnReason, returnValue } from './return.rules';

const day = 86_400_000;
const deliveredAt = new Date('2026-11-01T10:00:00Z');
const delivered = [
  { productId: 'a', quantity: 2, deliveredAt },
  { productId: 'b', quantity: 1, deliveredAt },
];

function refusal(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return { message: error.message, ...error.extensions };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkReturnLines', () => {
  const at = (days: number) => new Date(deliveredAt.getTime() + days * day);

  it('accepts delivered units within the window', () => {
    expect(checkReturnLines([{ productId: 'a', quantity: 1 }], delivered, [], at(30), 30)).toEqual([{ productId: 'a', variantId: 'a', sku: null, quantity: 1 }]);
  });

  it('counts each variant of a product on its own', () => {
    const tees = [
      { productId: 'p', variantId: 'p', sku: 'TEE-S', quantity: 1, deliveredAt },
      { productId: 'p', variantId: 'v', sku: 'TEE-M', quantity: 2, deliveredAt },
    ];
    expect(checkReturnLines([{ productId: 'p', variantId: 'v', quantity: 2 }], tees, [], at(1), 30)).toEqual([{ productId: 'p', variantId: 'v', sku: 'TEE-M', quantity: 2 }]);
    expect(refusal(() => checkReturnLines([{ productId: 'p', variantId: 'p', quantity: 2 }], tees, [], at(1), 30))).toMatchObject({ reason: 'MORE_THAN_DELIVERED', delivered: 1 });
    // An earlier return from before variants (no variantId) holds the default variant.
    expect(refusal(() => checkReturnLines([{ productId: 'p', variantId: 'p', quantity: 1 }], tees, [{ productId: 'p', quantity: 1 }], at(1), 30))).toMatchObject({ reason: 'RETURN_ALREADY_REQUESTED', returnable: 0 });
    expect(checkReturnLines([{ productId: 'p', variantId: 'v', quantity: 1 }], tees, [{ productId: 'p', quantity: 1 }], at(1), 30)[0].variantId).toBe('v');
    expect(returnValue([{ productId: 'p', variantId: 'v', quantity: 2 }, { productId: 'p', quantity: 1 }], new Map([['p', 1000], ['v', 1200]]))).toBe(3400);
  });

  it('refuses more units than were delivered, naming the line', () => {
    expect(
      refusal(() =>
        checkReturnLines(
          [
            { productId: 'b', quantity: 1 },
            { productId: 'a', quantity: 3 },
          ],
          delivered,
          [],
          at(1),
          30,
        ),
      ),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MORE_THAN_DELIVERED',
      field: 'lines.1.quantity',
      delivered: 2,
    });
    expect(refusal(() => checkReturnLines([{ productId: 'c', quantity: 1 }], delivered, [], at(1), 30))).toMatchObject({ reason: 'MORE_THAN_DELIVERED', delivered: 0 });
  });

  it('refuses units already in an earlier return', () => {
    expect(refusal(() => checkReturnLines([{ productId: 'a', quantity: 2 }], delivered, [{ productId: 'a', quantity: 1 }], at(1), 30))).toMatchObject({
      code: 'CONFLICT',
      reason: 'RETURN_ALREADY_REQUESTED',
      returnable: 1,
    });
  });

  it('refuses a line delivered longer ago than the window', () => {
    expect(refusal(() => checkReturnLines([{ productId: 'a', quantity: 1 }], delivered, [], at(30.01), 30))).toMatchObject({
      code: 'CONFLICT',
      reason: 'RETURN_WINDOW_CLOSED',
      deliveredAt: deliveredAt.toISOString(),
    });
  });

  it('refuses no lines, a zero quantity and a product named twice', () => {
    expect(refusal(() => checkReturnLines([], delivered, [], at(1), 30))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lines' });
    expect(refusal(() => checkReturnLines([{ productId: 'a', quantity: 0 }], delivered, [], at(1), 30))).toMatchObject({ field: 'lines.0.quantity' });
    expect(
      refusal(() =>
        checkReturnLines(
          [
            { productId: 'a', quantity: 1 },
            { productId: 'a', quantity: 1 },
          ],
          delivered,
          [],
          at(1),
          30,
        ),
      ),
    ).toMatchObject({ field: 'lines.1.productId' });
  });
});

describe('return steps, reason and refund', () => {
  it('moves only along the table', () => {
    expect(canMoveReturn('REQUESTED', 'APPROVED')).toBe(true);
    expect(canMoveReturn('REQUESTED', 'RECEIVED')).toBe(false);
    expect(canMoveReturn('REFUSED', 'APPROVED')).toBe(false);
    expect(canMoveReturn('RECEIVED', 'REFUNDED')).toBe(true);
  });

  it('requires a reason of bounded length', () => {
    expect(checkReturnReason('  too small ')).toBe('too small');
    expect(refusal(() => checkReturnReason('  '))).toMatchObject({
      field: 'reason',
    });
    expect(refusal(() => checkReturnReason('x'.repeat(1001)))).toMatchObject({
      field: 'reason',
    });
  });

  it('requires a note on a refusal, of bounded length', () => {
    expect(checkRefusalNote(' Worn twice ')).toBe('Worn twice');
    expect(refusal(() => checkRefusalNote(' '))).toMatchObject({ field: 'note', message: 'note is required: tell the customer why' });
    expect(refusal(() => checkRefusalNote('x'.repeat(1001)))).toMatchObject({ field: 'note', message: 'note must be at most 1000 characters' });
  });

  it('refunds the value of the lines, or less', () => {
    const value = returnValue([{ productId: 'a', quantity: 2 }], new Map([['a', 1500]]));
    expect(value).toBe(3000);
    expect(checkRefundAmount(null, value)).toBe(3000);
    expect(checkRefundAmount(1000, value)).toBe(1000);
    expect(refusal(() => checkRefundAmount(3001, value))).toMatchObject({
      field: 'refundAmount',
    });
    expect(refusal(() => checkRefundAmount(-1, value))).toMatchObject({
      field: 'refundAmount',
    });
  });
});
