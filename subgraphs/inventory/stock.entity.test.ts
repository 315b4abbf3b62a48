import { DEFAULT_LOW_STOCK_THRESHOLD, levelsOf, StockLevelEntity } from './stock.entity';

/** A stored row of variant `id` of product `owner` (null: a row from before variants, its own product's). */
const row = (id: string, owner: string | null, onHand: number, reserved: number, version: number, lowStockThreshold = DEFAULT_LOW_STOCK_THRESHOLD) =>
  Object.assign(StockLevelEntity.of(id, onHand), { owningProductId: owner, reserved, version, lowStockThreshold });

describe('levelsOf: what a product id or a variant id names', () => {
  const rows = [row('p', 'p', 5, 1, 3, 4), row('v-m', 'p', 7, 2, 2), row('v-l', 'p', 9, 0, 1), row('q', null, 2, 0, 6)];

  it("sums a product's variants: onHand, reserved and versions added, the product's own threshold", () => {
    const sum = levelsOf('p', rows);
    expect({ productId: sum.productId, variantId: sum.variantId, onHand: sum.onHand, reserved: sum.reserved, available: sum.available, version: sum.version })
      .toEqual({ productId: 'p', variantId: null, onHand: 21, reserved: 3, available: 18, version: 6 });
    expect(sum.lowStockThreshold).toBe(4);
    expect(sum.product.id).toBe('p');
  });

  it("answers a variant's own row, and the row of a product sold as one variant (or stored before variants) as it is", () => {
    expect(levelsOf('v-m', rows)).toBe(rows[1]);
    expect(levelsOf('v-m', rows).product.id).toBe('p');
    expect(levelsOf('q', rows)).toBe(rows[3]);
    expect(levelsOf('q', rows).variantId).toBe('q');
  });

  it('sums a product whose only stocked variant is not its default, and answers empty levels for an id never stocked', () => {
    const only = levelsOf('r', [row('v-r', 'r', 4, 1, 2)]);
    expect([only.productId, only.variantId, only.onHand, only.reserved, only.version]).toEqual(['r', null, 4, 1, 2]);
    const none = levelsOf('nothing', rows);
    expect([none.onHand, none.reserved, none.version, none.lowStock]).toEqual([0, 0, 0, true]);
  });
});
