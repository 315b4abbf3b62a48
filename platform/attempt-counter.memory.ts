import { NO_ATTEMPTS, type AttemptCounter, type Attempts } from './attempt-counter';

interface Entry {
  count: number;
  lastAt: number;
  windowMs: number;
}

/** Forgotten keys are swept every this many hits, so memory stays bounded by recent activity. */
const SWEEP_EVERY = 1_000;

/** In-process counts for a single process (development, tests, one-replica deployments). */
export class MemoryAttemptCounter implements AttemptCounter {
  private readonly entries = new Map<string, Entry>();
  private hitsSinceSweep = 0;
  private closed = false;

  async get(key: string, now: number, windowMs: number): Promise<Attempts> {
    this.assertOpen();
    const entry = this.entries.get(key);
    return entry && now - entry.lastAt < windowMs ? { count: entry.count, lastAt: entry.lastAt } : NO_ATTEMPTS;
  }

  async hit(key: string, now: number, windowMs: number): Promise<Attempts> {
    this.assertOpen();
    this.sweep(now);
    const entry = this.entries.get(key);
    const live = entry && now - entry.lastAt < windowMs ? entry : undefined;
    // Never moves backwards, like the Redis adapter, when callers' clocks disagree slightly.
    const next: Entry = { count: (live?.count ?? 0) + 1, lastAt: Math.max(now, live?.lastAt ?? now), windowMs };
    this.entries.set(key, next);
    return { count: next.count, lastAt: next.lastAt };
  }

  async reset(key: string): Promise<void> {
    this.assertOpen();
    this.entries.delete(key);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.entries.clear();
  }

  private sweep(now: number): void {
    if (++this.hitsSinceSweep < SWEEP_EVERY) return;
    this.hitsSinceSweep = 0;
    for (const [key, entry] of this.entries) {
      if (now - entry.lastAt >= entry.windowMs) this.entries.delete(key);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryAttemptCounter is closed');
  }
}
