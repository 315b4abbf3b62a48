import type { CacheLookup, ResponseCacheStore } from './response-cache';

interface Entry {
  readonly value: string;
  readonly tags: readonly string[];
  readonly expiresAt: number;
}

/** One gateway's own cache, at most `maxEntries` answers (the oldest stored goes first). */
export class MemoryResponseCache implements ResponseCacheStore {
  private readonly entries = new Map<string, Entry>();
  private readonly byTag = new Map<string, Set<string>>();
  /** Generation at which each tag was last invalidated. */
  private readonly invalidatedAt = new Map<string, number>();
  private generation = 0;
  private clearedAt = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string): Promise<CacheLookup> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) this.remove(key);
    return { value: entry && entry.expiresAt > this.now() ? entry.value : null, generation: this.generation };
  }

  async set(key: string, value: string, tags: readonly string[], ttlMs: number, generation: number): Promise<boolean> {
    if (this.clearedAt > generation || tags.some((tag) => (this.invalidatedAt.get(tag) ?? -1) > generation)) return false;
    this.remove(key);
    while (this.entries.size >= this.maxEntries) this.remove(this.entries.keys().next().value as string);
    this.entries.set(key, { value, tags, expiresAt: this.now() + ttlMs });
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    return true;
  }

  async invalidate(tags: readonly string[]): Promise<void> {
    this.generation += 1;
    for (const tag of tags) {
      this.invalidatedAt.set(tag, this.generation);
      for (const key of this.byTag.get(tag) ?? []) this.remove(key);
      this.byTag.delete(tag);
    }
  }

  async clear(): Promise<void> {
    this.generation += 1;
    this.clearedAt = this.generation;
    this.entries.clear();
    this.byTag.clear();
  }

  async close(): Promise<void> {
    await this.clear();
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.tags) this.byTag.get(tag)?.delete(key);
  }
}
