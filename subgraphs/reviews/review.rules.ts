import type { ReviewModeration } from '../../platform/config';
import { badInput } from '../../platform/errors';
import { requiredText } from '../../platform/checks';
import { ReviewStatus } from './review.entity';

/**
 * What makes a review valid, and the filter that holds suspicious ones for
 * staff. Text is stored exactly as written (HTML included) and served as
 * plain text: nothing here rewrites it, so nothing is lost and nothing is
 * ever rendered as markup by us.
 */

export const MAX_TITLE_LENGTH = 120;
export const MAX_BODY_LENGTH = 5_000;
export const MAX_MEDIA = 6;
export const MAX_MEDIA_REF_LENGTH = 500;

export interface ReviewContent {
  readonly rating: number;
  readonly title: string;
  readonly body: string;
  readonly media?: readonly string[] | null;
}

export interface CheckedContent {
  readonly rating: number;
  readonly title: string;
  readonly body: string;
  readonly media: string[];
}

/** A whole number of stars from 1 to 5. */
export function checkRating(rating: number): number {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw badInput('rating must be a whole number from 1 to 5', 'rating');
  return rating;
}

/** Rating, title (1-120 characters), body (up to 5,000) and photos (up to 6 https URLs), trimmed. */
export function checkContent(input: ReviewContent): CheckedContent {
  const rating = checkRating(input.rating);
  const title = requiredText(input.title, 'title', MAX_TITLE_LENGTH);
  const body = input.body.trim();
  if (body.length > MAX_BODY_LENGTH) throw badInput(`body must be at most ${MAX_BODY_LENGTH} characters`, 'body');
  const media = (input.media ?? []).map((ref) => ref.trim());
  if (media.length > MAX_MEDIA) throw badInput(`a review has at most ${MAX_MEDIA} photos`, 'media');
  media.forEach((ref, i) => {
    if (!isHttpsUrl(ref) || ref.length > MAX_MEDIA_REF_LENGTH) throw badInput(`media must be https URLs of at most ${MAX_MEDIA_REF_LENGTH} characters`, `media.${i}`);
  });
  return { rating, title, body, media: [...new Set(media)] };
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** An address (http://, https://, www.) or a bare domain such as shop-deals.com. */
const LINK = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|net|org|info|biz|io|ru|xyz|top|shop)\b/i;

/**
 * Why the filter holds a review for moderation, or null when it passes: a
 * link in the title or body, or one of the blocked words (whole words,
 * any case). Photos are not searched: they are shown as images, never as text.
 */
export function holdReason(content: Pick<CheckedContent, 'title' | 'body'>, blockedWords: readonly string[]): string | null {
  const text = `${content.title}\n${content.body}`;
  if (LINK.test(text)) return 'a link';
  const words = new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const blocked = blockedWords.find((word) => words.has(word));
  return blocked === undefined ? null : `the blocked word "${blocked}"`;
}

/** A new or edited review goes live at once only when moderation is immediate and the filter let it through. */
export function statusFor(moderation: ReviewModeration, heldFor: string | null): ReviewStatus {
  return moderation === 'immediate' && heldFor === null ? ReviewStatus.PUBLISHED : ReviewStatus.PENDING;
}
