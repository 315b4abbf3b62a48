import { badInputOf } from '../../test/support/refusals';
import { ReviewStatus } from './review.entity';
import { checkContent, checkRating, holdReason, MAX_BODY_LENGTH, MAX_MEDIA, MAX_TITLE_LENGTH, statusFor } from './review.rules';

const valid = { rating: 4, title: ' Solid ', body: ' Does the job. ', media: [' https://media.shop.test/a.jpg '] };

describe('checkRating', () => {
  it.each([1, 5])('accepts %d', (rating) => {
    expect(checkRating(rating)).toBe(rating);
  });

  it.each([0, 6, 4.5, -1, Number.NaN])('refuses %d', (rating) => {
    expect(badInputOf(() => checkRating(rating))).toEqual({ field: 'rating', message: 'rating must be a whole number from 1 to 5' });
  });
});

describe('checkContent', () => {
  it('trims the text and photo references, and drops repeated photos', () => {
    expect(checkContent({ ...valid, media: [...valid.media, 'https://media.shop.test/a.jpg'] })).toEqual({
      rating: 4,
      title: 'Solid',
      body: 'Does the job.',
      media: ['https://media.shop.test/a.jpg'],
    });
  });

  it('keeps markup exactly as written', () => {
    expect(checkContent({ ...valid, body: '<script>alert(1)</script>' }).body).toBe('<script>alert(1)</script>');
  });

  it('takes an empty body and no photos', () => {
    expect(checkContent({ rating: 1, title: 'Meh', body: '', media: null })).toEqual({ rating: 1, title: 'Meh', body: '', media: [] });
  });

  it.each([
    ['a rating of 0', { rating: 0 }, 'rating', 'rating must be a whole number from 1 to 5'],
    ['a blank title', { title: '   ' }, 'title', `title must be 1 to ${MAX_TITLE_LENGTH} characters`],
    ['a long title', { title: 't'.repeat(MAX_TITLE_LENGTH + 1) }, 'title', `title must be 1 to ${MAX_TITLE_LENGTH} characters`],
    ['a long body', { body: 'b'.repeat(MAX_BODY_LENGTH + 1) }, 'body', `body must be at most ${MAX_BODY_LENGTH} characters`],
    ['too many photos', { media: Array.from({ length: MAX_MEDIA + 1 }, (_, i) => `https://media.shop.test/${i}.jpg`) }, 'media', `a review has at most ${MAX_MEDIA} photos`],
    ['a photo over http', { media: ['http://media.shop.test/a.jpg'] }, 'media.0', 'media must be https URLs of at most 500 characters'],
    ['a photo that is no URL', { media: ['https://media.shop.test/a.jpg', 'a.jpg'] }, 'media.1', 'media must be https URLs of at most 500 characters'],
  ])('refuses %s', (_case, change, field, message) => {
    expect(badInputOf(() => checkContent({ ...valid, ...change }))).toEqual({ field, message });
  });
});

describe('holdReason', () => {
  const blocked = ['scam', 'knockoff'];

  it.each([
    ['an https address', 'see https://example.test/x'],
    ['an http address', 'see http://example.test'],
    ['a www address', 'go to WWW.example.test'],
    ['a bare domain', 'cheaper at best-deals.com'],
  ])('holds %s as a link', (_case, body) => {
    expect(holdReason({ title: 'Fine', body }, blocked)).toBe('a link');
  });

  it('holds a blocked word in the title or body, in any case', () => {
    expect(holdReason({ title: 'Total SCAM!', body: '' }, blocked)).toBe('the blocked word "scam"');
    expect(holdReason({ title: 'Hm', body: 'a knockoff, sadly' }, blocked)).toBe('the blocked word "knockoff"');
  });

  it('lets through words that only contain a blocked one, and plain text', () => {
    expect(holdReason({ title: 'Scampi bowl', body: 'Perfect for scampi. 10/10, would buy again.' }, blocked)).toBeNull();
    expect(holdReason({ title: 'Scam', body: '' }, [])).toBeNull();
  });
});

describe('statusFor', () => {
  it.each([
    ['immediate', null, ReviewStatus.PUBLISHED],
    ['immediate', 'a link', ReviewStatus.PENDING],
    ['approval', null, ReviewStatus.PENDING],
    ['approval', 'a link', ReviewStatus.PENDING],
  ] as const)('with %s moderation and a hold of %p: %s', (moderation, heldFor, status) => {
    expect(statusFor(moderation, heldFor)).toBe(status);
  });
});
