import { decide, msUntilFull, type BucketPolicy, type RateDecision, type RateLimiter } from './rate-limiter';

interface Bucket {
  tokens: number;
  at: number;
  /** When the bucket is full again and can be forgotten. */
  fullAt: number;
}

/** Full buckets are swept every this many takes, so memory stays bounded by recent clients. */
const SWEEP_EVERY = 1_000;

/** Buckets in this process (development, tests, one gateway replica). */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private takesSinceSweep = 0;
  private closed = false;

  async take(key: string, cost: number, policy: BucketPolicy, now: number): Promise<RateDecision> {
    if (this.closed) throw new Error('MemoryRateLimiter is closed');
    this.sweep(now);
    const bucket = this.buckets.get(key);
    const { tokens, decision } = bucket ? decide(bucket.tokens, now - bucket.at, cost, policy) : decide(policy.burst, 0, cost, policy);
    // Time never runs backwards for a bucket, like the Redis adapter's.
    const at = Math.max(now, bucket?.at ?? now);
    this.buckets.set(key, { tokens, at, fullAt: at + msUntilFull(tokens, policy) });
    return decision;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.buckets.clear();
  }

  private sweep(now: number): void {
    if (++this.takesSinceSweep < SWEEP_EVERY) return;
    this.takesSinceSweep = 0;
    for (const [key, bucket] of this.buckets) {
      if (now >= bucket.fullAt) this.buckets.delete(key);
    }
  }
}
