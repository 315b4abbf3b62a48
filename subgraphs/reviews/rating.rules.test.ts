import { countedRating, withRatingChange, type RatingCounts } from './rating.rules';

const none: RatingCounts = { count: 0, sum: 0, stars: [0, 0, 0, 0, 0] };

describe('countedRating', () => {
  it('counts a published review at its rating, and nothing else', () => {
    expect(countedRating({ status: 'PUBLISHED', rating: 4 })).toBe(4);
    expect(countedRating({ status: 'PENDING', rating: 4 })).toBeNull();
    expect(countedRating({ status: 'HIDDEN', rating: 4 })).toBeNull();
    expect(countedRating(null)).toBeNull();
  });
});

describe('withRatingChange', () => {
  it('adds a review', () => {
    expect(withRatingChange(none, null, 5)).toEqual({ count: 1, sum: 5, stars: [0, 0, 0, 0, 1] });
  });

  it('moves an edited review from one rating to another', () => {
    const one = withRatingChange(withRatingChange(none, null, 2), null, 4);
    expect(withRatingChange(one, 2, 5)).toEqual({ count: 2, sum: 9, stars: [0, 0, 0, 1, 1] });
  });

  it('removes a hidden review, back to nothing', () => {
    expect(withRatingChange(withRatingChange(none, null, 3), 3, null)).toEqual(none);
  });

  it('leaves the counts as they were when given the same before and after', () => {
    expect(withRatingChange(none, null, null)).toEqual(none);
  });

  it('does not change the counts it was given', () => {
    const before = withRatingChange(none, null, 1);
    withRatingChange(before, 1, 5);
    expect(before).toEqual({ count: 1, sum: 1, stars: [1, 0, 0, 0, 0] });
  });
});
