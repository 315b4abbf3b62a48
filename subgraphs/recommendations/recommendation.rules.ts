import { badInput, tooManyRequests } from '../../platform/errors';

export const MAX_RECOMMENDATIONS = 50;

/** How many products a list asks for: 1 to MAX_RECOMMENDATIONS. */
export function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_RECOMMENDATIONS) throw badInput(`first must be a whole number from 1 to ${MAX_RECOMMENDATIONS}`, 'first');
  return first;
}

const WINDOW_MS = 60_000;
/** Viewers remembered before the ones whose minute is over are forgotten. */
const PRUNE_AT = 10_000;

/**
 * At most `perMinute` views per viewer in each minute (a fixed window), in
 * this process: enough to keep a script from skewing trending through one
 * gateway, without a round trip per view.
 */
export class ViewQuota {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  /** Counts one view of `viewerId` at `now`; TOO_MANY_REQUESTS past the quota. */
  take(viewerId: string, now: number): void {
    if (this.windows.size >= PRUNE_AT) {
      for (const [id, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(id);
    }
    const window = this.windows.get(viewerId);
    if (!window || now - window.start >= WINDOW_MS) {
      this.windows.set(viewerId, { start: now, count: 1 });
      return;
    }
    if (window.count >= this.perMinute) {
      throw tooManyRequests('Too many product views; try again shortly', Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)));
    }
    window.count += 1;
  }
}
