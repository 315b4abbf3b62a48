import { pairsOf, rankCandidates, trendKey, trendScore, viewPairsOf, withFallback } from './model.rules';

const HOUR = 3_600_000;
const HALF_LIFE = 72 * HOUR;
const T0 = Date.parse('2026-01-01T00:00:00Z');

describe('pairsOf', () => {
  it('pairs every two distinct products both ways, repeats ignored', () => {
    expect(pairsOf(['a', 'b', 'a', 'c'])).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'a'],
      ['b', 'c'],
      ['c', 'a'],
      ['c', 'b'],
    ]);
  });

  it('makes no pair of a single product', () => {
    expect(pairsOf(['a', 'a'])).toEqual([]);
  });
});

describe('viewPairsOf', () => {
  it('pairs a viewed product both ways with each other product viewed before it, once each', () => {
    expect(viewPairsOf('a', ['b', 'a', 'c', 'b'])).toEqual([
      ['a', 'b'],
      ['b', 'a'],
      ['a', 'c'],
      ['c', 'a'],
    ]);
  });

  it('makes no pair for a first view', () => {
    expect(viewPairsOf('a', [])).toEqual([]);
  });
});

describe('trendKey and trendScore', () => {
  it('scores a first purchase at its weight', () => {
    expect(trendScore(trendKey(null, 3, T0, HALF_LIFE), T0, HALF_LIFE)).toBeCloseTo(3, 10);
  });

  it('halves a score every half-life', () => {
    const key = trendKey(null, 8, T0, HALF_LIFE);
    expect(trendScore(key, T0 + HALF_LIFE, HALF_LIFE)).toBeCloseTo(4, 10);
    expect(trendScore(key, T0 + 3 * HALF_LIFE, HALF_LIFE)).toBeCloseTo(1, 10);
  });

  it('adds a new weight to what is left of the old score', () => {
    const key = trendKey(trendKey(null, 4, T0, HALF_LIFE), 1, T0 + HALF_LIFE, HALF_LIFE);
    expect(trendScore(key, T0 + HALF_LIFE, HALF_LIFE)).toBeCloseTo(3, 10);
  });

  it('gives the same key whatever order the weights come in (so a rebuild matches the incremental model)', () => {
    const inOrder = trendKey(trendKey(null, 2, T0, HALF_LIFE), 5, T0 + 10 * HOUR, HALF_LIFE);
    const reversed = trendKey(trendKey(null, 5, T0 + 10 * HOUR, HALF_LIFE), 2, T0, HALF_LIFE);
    expect(reversed).toBeCloseTo(inOrder, 10);
  });

  it('ranks a recent small sale above an old large one once enough half-lives passed', () => {
    const old = trendKey(null, 10, T0, HALF_LIFE);
    const recent = trendKey(null, 2, T0 + 4 * HALF_LIFE, HALF_LIFE);
    expect(recent).toBeGreaterThan(old);
  });
});

describe('rankCandidates', () => {
  const pairs = [
    { productId: 'mug', otherId: 'tee', count: 3 },
    { productId: 'mug', otherId: 'cap', count: 1 },
    { productId: 'cap', otherId: 'tee', count: 1 },
    { productId: 'cap', otherId: 'bag', count: 4 },
    { productId: 'tee', otherId: 'mug', count: 3 },
  ];

  it('ranks what went with one product, most often first', () => {
    expect(rankCandidates(pairs, new Set(['mug']))).toEqual(['tee', 'cap']);
  });

  it('sums over a basis of several products, leaving out the basis and what is excluded, ties by id', () => {
    expect(rankCandidates(pairs, new Set(['mug', 'cap']))).toEqual(['bag', 'tee']);
    expect(rankCandidates(pairs, new Set(['mug', 'cap']), new Set(['bag']))).toEqual(['tee']);
    expect(rankCandidates([{ productId: 'a', otherId: 'z', count: 1 }, { productId: 'a', otherId: 'y', count: 1 }], new Set(['a']))).toEqual(['y', 'z']);
  });
});

describe('withFallback', () => {
  it('follows the ranked products with the fallback ones, without repeats or excluded ones', () => {
    expect(withFallback(['tee'], ['mug', 'tee', 'cap'], new Set(['mug']))).toEqual(['tee', 'cap']);
  });
});
