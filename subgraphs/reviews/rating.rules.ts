/**
 * The rating aggregate's arithmetic: a review counts in its product's rating
 * while it is published, so every change of a review (written, edited,
 * approved, hidden, restored) is the removal of what it counted before and
 * the addition of what it counts after.
 */

export const RATINGS = [1, 2, 3, 4, 5] as const;

export interface RatingCounts {
  readonly count: number;
  readonly sum: number;
  /** Index 0 for 1 star to 4 for 5 stars. */
  readonly stars: readonly number[];
}

/** What one review counts for in the rating: its rating while published, nothing otherwise. */
export function countedRating(review: { readonly status: string; readonly rating: number } | null): number | null {
  return review?.status === 'PUBLISHED' ? review.rating : null;
}

/** The counts after a review counted `before` and now counts `after` (null: nothing). */
export function withRatingChange(current: RatingCounts, before: number | null, after: number | null): RatingCounts {
  const stars = [...current.stars];
  let { count, sum } = current;
  if (before !== null) {
    stars[before - 1] -= 1;
    count -= 1;
    sum -= before;
  }
  if (after !== null) {
    stars[after - 1] += 1;
    count += 1;
    sum += after;
  }
  return { count, sum, stars };
}
