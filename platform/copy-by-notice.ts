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

/** Marks work under way when everything was dropped (a reconnect): nothing it brings back is kept. */
const EVERYTHING = '\u0000everything';

/** What a piece of work under way heard while it ran. */
export interface Watch {
  /** Whether a notice for this key or its owner (or a reconnect) arrived since the watch began. */
  heard(key: string, owner: string): boolean;
  end(): void;
}

/**
 * Entries that change notices drop: each kept under a key with the owner
 * whose notice also drops it (a notice names a key or an owner: a variant
 * or its product), the oldest dropped first past `maxEntries`, all of them
 * when the transport reconnects (notices may have been missed). Work under
 * way (a read from the owner, a call whose answer is to be remembered)
 * watches for the notices that arrive while it runs, so what it brings back
 * can be left out: it may predate the change.
 */
export class NoticedEntries<E> {
  private readonly entries = new Map<string, { readonly entry: E; readonly owner: string }>();
  /** Keys held per owner, to drop an owner's entries on its notice. */
  private readonly byOwner = new Map<string, Set<string>>();
  /** Per watch under way, the ids of the notices heard meanwhile. */
  private readonly watching = new Set<Set<string>>();
  private following: { stop(): Promise<void> } | null = null;

  constructor(private readonly maxEntries: number) {}

  /** Listens on `channel`; until then (and once stopped) the caller keeps nothing. */
  async follow(pubsub: PubSub, channel: string): Promise<{ stop(): Promise<void> }> {
    const following = await followNotices(pubsub, channel, (notice) => this.forget(notice.id), () => this.clear());
    this.following = following;
    return {
      stop: async () => {
        this.following = null;
        this.clear();
        await following.stop();
      },
    };
  }

  get isFollowing(): boolean {
    return this.following !== null;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): E | undefined {
    return this.entries.get(key)?.entry;
  }

  set(key: string, entry: E, owner: string): void {
    this.delete(key);
    this.entries.set(key, { entry, owner });
    let held = this.byOwner.get(owner);
    if (!held) this.byOwner.set(owner, (held = new Set()));
    held.add(key);
    while (this.entries.size > this.maxEntries) this.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    const held = this.entries.get(key);
    if (!held) return;
    this.entries.delete(key);
    const keys = this.byOwner.get(held.owner);
    keys?.delete(key);
    if (keys?.size === 0) this.byOwner.delete(held.owner);
  }

  watch(): Watch {
    const heard = new Set<string>();
    this.watching.add(heard);
    return {
      heard: (key, owner) => heard.has(EVERYTHING) || heard.has(key) || heard.has(owner),
      end: () => this.watching.delete(heard),
    };
  }

  /** A notice: the entry it names, and every entry its owner names, go. */
  private forget(id: string): void {
    for (const heard of this.watching) heard.add(id);
    this.delete(id);
    for (const key of [...(this.byOwner.get(id) ?? [])]) this.delete(key);
  }

  private clear(): void {
    for (const heard of this.watching) heard.add(EVERYTHING);
    this.entries.clear();
    this.byOwner.clear();
  }
}

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
  private readonly entries: NoticedEntries<{ readonly value: V; readonly readAt: number }>;
  /** Reads under way, by the key asked. */
  private readonly reading = new Map<string, Promise<Map<string, V>>>();
  private readonly now: () => number;

  constructor(private readonly options: CopyByNoticeOptions<V>) {
    this.entries = new NoticedEntries(options.maxEntries);
    this.now = options.now ?? Date.now;
  }

  /** Listens for the owner's change notices; until then nothing is kept. */
  async start(): Promise<{ stop(): Promise<void> }> {
    if (this.options.maxAgeMs === 0) return { stop: async () => undefined };
    return this.entries.follow(this.options.pubsub, this.options.channel);
  }

  /** The values of the keys asked that exist (unknown keys are left out, and read again next time). */
  async get(keys: readonly string[]): Promise<Map<string, V>> {
    if (!this.entries.isFollowing) return this.options.read(keys);
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
    const watch = this.entries.watch();
    const readAt = this.now();
    const read = this.options
      .read(keys)
      .then((values) => {
        for (const [key, value] of values) {
          const owner = this.options.ownerOf(value);
          if (!watch.heard(key, owner)) this.entries.set(key, { value, readAt }, owner);
        }
        return values;
      })
      .finally(() => {
        watch.end();
        for (const key of keys) this.reading.delete(key);
      });
    for (const key of keys) this.reading.set(key, read);
    return read;
  }
}

/** `onLookup` for a copy of catalog facts: `catalog_copy_reads_total{copy, result}`. */
export function countCatalogCopyLookups(metrics: Pick<Metrics, 'catalogCopyReads'>, copy: string): (hits: number, misses: number) => void {
  return (hits, misses) => {
    metrics.catalogCopyReads.inc({ copy, result: 'hit' }, hits);
    metrics.catalogCopyReads.inc({ copy, result: 'miss' }, misses);
  };
}
