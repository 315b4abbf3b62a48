/**
 * Rate limiting port: a token bucket per key. A bucket holds at most
 * `burst` tokens and gains `perSecond` tokens a second; a request takes
 * `cost` tokens or, when the bucket holds fewer, is refused and told how long
 * until it would hold enough. Callers pass the time, so a test clock drives
 * refills; callers choose the key (gateway/rate-limit.ts) and the cost.
 */
export interface BucketPolicy {
  readonly burst: number;
  readonly perSecond: number;
}

export type RateDecision =
  | { readonly allowed: true; readonly remaining: number }
  | { readonly allowed: false; readonly remaining: number; readonly retryAfterMs: number };

export interface RateLimiter {
  /**
   * Takes `cost` tokens from `key`'s bucket atomically (concurrent takes from
   * any number of processes never spend the same token twice). A cost above
   * the burst is charged as the burst: the request needs a full bucket.
   */
  take(key: string, cost: number, policy: BucketPolicy, now: number): Promise<RateDecision>;
  close(): Promise<void>;
}

/** Refills are fractional: a wait of 1.0000000001 ms is 1 ms, not 2. */
const EPSILON = 1e-6;

/** The bucket after `elapsedMs` of refill, then the decision on `cost`; both adapters apply the same arithmetic. */
export function decide(tokens: number, elapsedMs: number, cost: number, policy: BucketPolicy): { tokens: number; decision: RateDecision } {
  const charged = Math.min(Math.max(cost, 0), policy.burst);
  const available = Math.min(policy.burst, tokens + (Math.max(0, elapsedMs) * policy.perSecond) / 1000);
  if (available >= charged) return { tokens: available - charged, decision: { allowed: true, remaining: Math.floor(available - charged) } };
  return {
    tokens: available,
    decision: { allowed: false, remaining: Math.floor(available), retryAfterMs: Math.ceil(((charged - available) * 1000) / policy.perSecond - EPSILON) },
  };
}

/** How long an untouched bucket takes to fill again (after which it needs no storage). */
export function msUntilFull(tokens: number, policy: BucketPolicy): number {
  return Math.ceil(((policy.burst - tokens) * 1000) / policy.perSecond);
}
