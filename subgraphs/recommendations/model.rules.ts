/**
 * The recommendation model's arithmetic, pure so that the incremental
 * updates (model.consumer.ts) and the rebuild from history
 * (model.ledger.ts) share it and reach the same model.
 *
 * - Co-occurrence: every two distinct products bought in one order (or viewed
 *   by one viewer within VIEW_SESSION_MS) add 1 to the pair, both ways.
 * - Trending: each product has a score that every purchase adds its quantity
 *   to (a view adds VIEW_WEIGHT) and that halves every half-life. It is
 *   stored as a key, log2(score) + t / halfLife, which grows with the score
 *   at any one time and never needs the other rows rewritten as time passes.
 */

/** Trending lists, overall and per category: the overall list's category. */
export const ALL_CATEGORIES = '*';
/** A view counts for trending as a tenth of a unit bought. */
export const VIEW_WEIGHT = 0.1;
/** Views of one viewer this close together count as viewed together. */
export const VIEW_SESSION_MS = 24 * 3_600_000;
/** How many earlier views of the viewer a new view is paired with. */
export const VIEW_PAIRS = 10;

/** Every ordered pair of two distinct products among `productIds` (repeats ignored). */
export function pairsOf(productIds: readonly string[]): Array<[string, string]> {
  const distinct = [...new Set(productIds)];
  return distinct.flatMap((a) => distinct.filter((b) => b !== a).map((b): [string, string] => [a, b]));
}

/** The pairs a view of `productId` adds, both ways, with each product viewed just before (`earlier`, newest first). */
export function viewPairsOf(productId: string, earlier: readonly string[]): Array<[string, string]> {
  const others = [...new Set(earlier)].filter((id) => id !== productId);
  return others.flatMap((other): Array<[string, string]> => [
    [productId, other],
    [other, productId],
  ]);
}

/** The trending key after adding `weight` at `at` to a score whose key was `key` (null: none yet). */
export function trendKey(key: number | null, weight: number, at: number, halfLifeMs: number): number {
  const t = at / halfLifeMs;
  const score = key === null ? 0 : 2 ** (key - t);
  return Math.log2(score + weight) + t;
}

/** The score a key stands for at `at` (what the product's purchases and views are worth now). */
export function trendScore(key: number, at: number, halfLifeMs: number): number {
  return 2 ** (key - at / halfLifeMs);
}

/**
 * Products ranked by how often they went with any of `basis` (summing the
 * pairs' counts), best first, ties by id; the basis itself and `exclude` left out.
 */
export function rankCandidates(pairs: ReadonlyArray<{ readonly productId: string; readonly otherId: string; readonly count: number }>, basis: ReadonlySet<string>, exclude: ReadonlySet<string> = new Set()): string[] {
  const scores = new Map<string, number>();
  for (const pair of pairs) {
    if (!basis.has(pair.productId) || basis.has(pair.otherId) || exclude.has(pair.otherId)) continue;
    scores.set(pair.otherId, (scores.get(pair.otherId) ?? 0) + pair.count);
  }
  return [...scores].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([id]) => id);
}

/** `ranked` followed by those of `fallback` not in it (nor in `exclude`), without repeats. */
export function withFallback(ranked: readonly string[], fallback: readonly string[], exclude: ReadonlySet<string>): string[] {
  return [...new Set([...ranked, ...fallback.filter((id) => !exclude.has(id))])];
}
