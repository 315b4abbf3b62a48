import { followNotices, type PubSub } from './messaging/pubsub';
import type { Metrics } from './metrics';

export interface CopyByNoticeOptions<V> {
  /** Reads the values of the keys asked from their owner (a key it does not know is left out); may throw. */
  readonly read: (keys: readonly string[]) => Promise<Map<string, V>>;
  /** The entity whose change notice drops this value (a variant's product, a product itself). */
  readonly ownerOf: (value: V) => string;
  readonly pubsub: PubSub;
  /** Where the owner announces changes after each commit (`channels.changes(...)`). */
  readonly channel: string;
  /** The longest a value is answered without being read again; 0 turns the copy off (every read goes to the owner). */
  readonly maxAgeMs: number;
  /** Values kept; past it the oldest read goes first. */
  readonly maxEntries: number;
  /** Called per lookup with the keys answered from the copy and those read from the owner. */
  readonly onLookup?: (hits: number, misses: number) => void;
  readonly now?: () => number;
}

interface Entry<V> {
  readonly value: V;
  readonly readAt: number;
}

/** Marks a read under way when the whole copy was emptied (a reconnect): nothing it read is kept. */
const EVERYTHING = '\u0000everything';

/**
 * A service's in-memory copy of facts another service owns, read through on
 * a miss and dropped by the owner's change notices: the misses of one lookup
 * are one read, shared by concurrent lookups of the same keys (a flash
 * sale's first thousand buyers cost one read). Notices go to every process
 * (pub/sub, unlike a consumer group's events), so every replica hears every
 * change.
 *
 * A read under way when a notice for one of its owners arrives is answered
 * but not kept (it may predate the change). Notices are best effort: the
 * copy is emptied when the transport reconnects, and no value is answered
 * past `maxAgeMs`, which bounds how long a lost notice can leave an old one.
 */
export class CopyByNotice<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /** Keys held per owner, to drop an owner's values on its notice. */
  private readonly byOwner = new Map<string, Set<string>>();
  /** Reads under way, by the key asked. */
  private readonly reading = new Map<string, Promise<Map<string, V>>>();
  /** Per read under way, the owners whose notices arrived meanwhile. */
  private readonly changedWhileReading = new Set<Set<string>>();
  private readonly now: () => number;
  private following: { stop(): Promise<void> } | null = null;

  constructor(private readonly options: CopyByNoticeOptions<V>) {
    this.now = options.now ?? Date.now;
  }

  /** Listens for the owner's change notices; until then nothing is kept. */
  async start(): Promise<{ stop(): Promise<void> }> {
    if (this.options.maxAgeMs === 0) return { stop: async () => undefined };
    const following = await followNotices(this.options.pubsub, this.options.channel, (notice) => this.forget(notice.id), () => this.clear());
    this.following = following;
    return {
      stop: async () => {
        this.following = null;
        this.clear();
        await following.stop();
      },
    };
  }

  /** The values of the keys asked that exist (unknown keys are left out, and read again next time). */
  async get(keys: readonly string[]): Promise<Map<string, V>> {
    if (!this.following) return this.options.read(keys);
    const found = new Map<string, V>();
    const waits: Array<Promise<Map<string, V>>> = [];
    const missing: string[] = [];
    const oldest = this.now() - this.options.maxAgeMs;
    for (const key of new Set(keys)) {
      const entry = this.entries.get(key);
      const under = this.reading.get(key);
      if (entry && entry.readAt >= oldest) found.set(key, entry.value);
      else if (under) waits.push(under);
      else missing.push(key);
    }
    this.options.onLookup?.(found.size, missing.length);
    if (missing.length > 0) waits.push(this.readThrough(missing));
    for (const read of await Promise.all(waits)) {
      for (const [key, value] of read) found.set(key, value);
    }
    // A shared read may bring keys another caller asked for: answer only these.
    return new Map([...found].filter(([key]) => keys.includes(key)));
  }

  /** Values held (tests, and what a benchmark reports). */
  get size(): number {
    return this.entries.size;
  }

  private readThrough(keys: readonly string[]): Promise<Map<string, V>> {
    const changed = new Set<string>();
    this.changedWhileReading.add(changed);
    const startedAt = this.now();
    const read = this.options
      .read(keys)
      .then((values) => {
        for (const [key, value] of values) {
          if (!changed.has(EVERYTHING) && !changed.has(this.options.ownerOf(value))) this.keep(key, value, startedAt);
        }
        return values;
      })
      .finally(() => {
        this.changedWhileReading.delete(changed);
        for (const key of keys) this.reading.delete(key);
      });
    for (const key of keys) this.reading.set(key, read);
    return read;
  }

  private keep(key: string, value: V, readAt: number): void {
    this.drop(key);
    this.entries.set(key, { value, readAt });
    const owner = this.options.ownerOf(value);
    let held = this.byOwner.get(owner);
    if (!held) this.byOwner.set(owner, (held = new Set()));
    held.add(key);
    while (this.entries.size > this.options.maxEntries) this.drop(this.entries.keys().next().value as string);
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    const owner = this.options.ownerOf(entry.value);
    const held = this.byOwner.get(owner);
    held?.delete(key);
    if (held?.size === 0) this.byOwner.delete(owner);
  }

  /** An owner changed: its values are read again, and reads under way are not kept. */
  private forget(owner: string): void {
    for (const changed of this.changedWhileReading) changed.add(owner);
    for (const key of [...(this.byOwner.get(owner) ?? [])]) this.drop(key);
  }

  private clear(): void {
    for (const changed of this.changedWhileReading) changed.add(EVERYTHING);
    this.entries.clear();
    this.byOwner.clear();
  }
}

/** `onLookup` for a copy of catalog facts: `catalog_copy_reads_total{copy, result}`. */
export function countCatalogCopyLookups(metrics: Pick<Metrics, 'catalogCopyReads'>, copy: string): (hits: number, misses: number) => void {
  return (hits, misses) => {
    metrics.catalogCopyReads.inc({ copy, result: 'hit' }, hits);
    metrics.catalogCopyReads.inc({ copy, result: 'miss' }, misses);
  };
}
