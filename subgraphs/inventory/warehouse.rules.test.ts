import { badInputOf } from '../../test/support/refusals';
import { DEFAULT_WAREHOUSE } from './warehouse.entity';
import { MAX_UNITS } from './stock.rules';
import { allocate, allocationsOf, checkTransfer, checkWarehouseFields, mergeAllocations, withTransferIn, withTransferOut } from './warehouse.rules';

const at = (warehouseId: string, priority: number, available: number) => ({ warehouseId, priority, available });

describe('allocate', () => {
  it('takes the whole line from the highest priority warehouse that can fill it', () => {
    expect(allocate(3, [at('b', 1, 10), at('a', 5, 4)])).toEqual({ parts: [{ warehouseId: 'a', quantity: 3 }] });
  });

  it('prefers the warehouse with most available among equal priorities', () => {
    expect(allocate(2, [at('a', 1, 3), at('b', 1, 8), at('c', 1, 5)])).toEqual({ parts: [{ warehouseId: 'b', quantity: 2 }] });
  });

  it('puts priority before availability', () => {
    expect(allocate(2, [at('big', 0, 100), at('near', 1, 2)])).toEqual({ parts: [{ warehouseId: 'near', quantity: 2 }] });
  });

  it('breaks a full tie by warehouse id, so the same state gives the same answer', () => {
    expect(allocate(1, [at('b', 1, 5), at('a', 1, 5)])).toEqual({ parts: [{ warehouseId: 'a', quantity: 1 }] });
  });

  it('splits a line in rule order when its first warehouse cannot fill it', () => {
    expect(allocate(10, [at('c', 0, 9), at('a', 2, 3), at('b', 2, 4)])).toEqual({
      parts: [
        { warehouseId: 'b', quantity: 4 },
        { warehouseId: 'a', quantity: 3 },
        { warehouseId: 'c', quantity: 3 },
      ],
    });
  });

  it('skips warehouses with nothing available', () => {
    expect(allocate(2, [at('empty', 9, 0), at('x', 1, 2)])).toEqual({ parts: [{ warehouseId: 'x', quantity: 2 }] });
  });

  it('is all or nothing: a line all warehouses together cannot fill is short, with the total available', () => {
    expect(allocate(8, [at('a', 1, 3), at('b', 0, 4)])).toEqual({ short: { available: 7 } });
    expect(allocate(1, [])).toEqual({ short: { available: 0 } });
  });
});

describe('mergeAllocations', () => {
  it('adds up repeated product and warehouse pairs, sorted', () => {
    expect(
      mergeAllocations([
        { productId: 'p2', warehouseId: 'w1', quantity: 1 },
        { productId: 'p1', warehouseId: 'w2', quantity: 2 },
        { productId: 'p2', warehouseId: 'w1', quantity: 3 },
        { productId: 'p1', warehouseId: 'w1', quantity: 1 },
      ]),
    ).toEqual([
      { productId: 'p1', warehouseId: 'w1', quantity: 1 },
      { productId: 'p1', warehouseId: 'w2', quantity: 2 },
      { productId: 'p2', warehouseId: 'w1', quantity: 4 },
    ]);
  });
});

describe('allocationsOf', () => {
  it('reads a reservation taken before warehouses as held in the default warehouse', () => {
    expect(allocationsOf({ lines: [{ productId: 'p', quantity: 2 }], allocations: null })).toEqual([{ productId: 'p', warehouseId: DEFAULT_WAREHOUSE.id, quantity: 2 }]);
  });

  it('answers the recorded allocations otherwise', () => {
    const allocations = [{ productId: 'p', warehouseId: 'w', quantity: 2 }];
    expect(allocationsOf({ lines: [{ productId: 'p', quantity: 2 }], allocations })).toBe(allocations);
  });
});

describe('checkWarehouseFields', () => {
  it('normalizes code and country to upper case, trims text and clears a blank region', () => {
    expect(checkWarehouseFields({ code: ' ber-1 ', name: ' Berlin ', country: 'de', region: ' ', city: 'Berlin', priority: 3, active: false })).toEqual({
      code: 'BER-1',
      name: 'Berlin',
      country: 'DE',
      region: null,
      city: 'Berlin',
      priority: 3,
      active: false,
    });
  });

  it('leaves absent fields absent', () => {
    expect(checkWarehouseFields({ priority: 1 })).toEqual({ priority: 1 });
  });

  it.each([
    ['a code with spaces', { code: 'A B' }, 'code'],
    ['a code over 32 characters', { code: 'A'.repeat(33) }, 'code'],
    ['a blank name', { name: '  ' }, 'name'],
    ['a country that is not two letters', { country: 'DEU' }, 'country'],
    ['a blank city', { city: '' }, 'city'],
    ['a fractional priority', { priority: 1.5 }, 'priority'],
    ['a priority out of range', { priority: 10_000_000 }, 'priority'],
  ])('refuses %s, naming the field', (_case, input, field) => {
    expect(badInputOf(() => checkWarehouseFields(input)).field).toBe(field);
  });
});

describe('transfers', () => {
  const levels = (onHand: number, reserved: number) => ({ onHand, reserved, lowStockThreshold: 0 });

  it('moves available units out of the source and into the destination', () => {
    expect(withTransferOut(levels(10, 4), 6, 'p', 'w')).toEqual(levels(4, 4));
    expect(withTransferIn(levels(1, 1), 6)).toEqual(levels(7, 1));
  });

  it('refuses to move units reserved for orders, with INSUFFICIENT_STOCK and the shortage', () => {
    let refusal: unknown;
    try {
      withTransferOut(levels(10, 4), 7, 'p', 'w');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'INSUFFICIENT_STOCK', shortages: [{ productId: 'p', warehouseId: 'w', requested: 7, available: 6 }] } });
  });

  it('refuses a destination over the limit', () => {
    expect(badInputOf(() => withTransferIn(levels(MAX_UNITS, 0), 1)).field).toBe('quantity');
  });

  it.each([
    ['the same warehouse twice', 'w', 'w', 1, 'toWarehouseId'],
    ['no units', 'a', 'b', 0, 'quantity'],
    ['a fractional quantity', 'a', 'b', 1.5, 'quantity'],
  ])('refuses %s', (_case, from, to, quantity, field) => {
    expect(badInputOf(() => checkTransfer(from, to, quantity)).field).toBe(field);
  });
});
