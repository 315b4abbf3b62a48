/**
 * Response-cache port: answers stored by key with the tags of what they
 * contain; a change notice invalidates tags, which drops every entry carrying
 * one. An answer computed before an invalidation of any of its tags is not
 * stored (`set` returns false): the generation read with the miss (`get`)
 * says when its computation began.
 */
export interface CacheLookup {
  readonly value: string | null;
  /** Pass to `set` for the answer computed after this miss. */
  readonly generation: number;
}

export interface ResponseCacheStore {
  get(key: string): Promise<CacheLookup>;
  /** Stores unless one of `tags` was invalidated after `generation`; true when stored. */
  set(key: string, value: string, tags: readonly string[], ttlMs: number, generation: number): Promise<boolean>;
  invalidate(tags: readonly string[]): Promise<void>;
  /** Drops everything (notices may have been missed). */
  clear(): Promise<void>;
  close(): Promise<void>;
}
