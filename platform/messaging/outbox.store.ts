import type { DomainEvent } from './event-bus';

/**
 * Where the relay finds, claims and settles outbox rows: the SQLite driver
 * itself on SQLite (outbox.store.sqlite.ts), the ORM elsewhere
 * (outbox.store.orm.ts, MongoDB). Both keep the properties the outbox tests
 * check against each: a row is claimed by one relay run at a time, a claim
 * lapses at `claimUntil`, and pruning touches published rows only.
 */
export interface RelayStore {
  /**
   * Marks `published` (rows of the previous batch) as published at `now`,
   * then claims until `claimUntil` up to `limit` rows that are pending and
   * unclaimed (or whose claim lapsed), counting an attempt on each; returns
   * them oldest first.
   */
  claim(published: readonly string[], now: Date, claimUntil: Date, limit: number): Promise<DomainEvent[]>;
  markPublished(ids: readonly string[], at: Date): Promise<void>;
  /** Deletes rows published before `before`. */
  prune(before: Date): Promise<void>;
}
