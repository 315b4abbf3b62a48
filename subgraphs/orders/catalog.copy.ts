import type { Metrics } from '../../platform/metrics';
import { channels, type PubSub, type Unsubscribe } from '../../platform/messaging/pubsub';
import type { CatalogVariant } from './catalog.client';

/** What placement and the cart read from the catalog: variants by id (a product's id names its default variant). */
export interface CatalogVariants {
  variants(ids: readonly string[]): Promise<Map<string, CatalogVariant>>;
}

export interface CatalogCopyOptions {
  /** Where misses are read (the catalog subgraph, by `_entities`). */
  readonly source: CatalogVariants;
  readonly pubsub: PubSub;
  /** The longest an entry is answered without being read again; 0 turns the copy off (every read goes to the catalog). */
  readonly maxAgeMs: number;
  /** Entries kept; past it the oldest read goes first. */
  readonly maxEntries: number;
  readonly metrics: Pick<Metrics, 'catalogCopyReads'>;
  readonly now?: () => number;
}

/** Marks a read under way when the whole copy was emptied (a reconnect): nothing it read is kept. */
const EVERYTHING = '\u0000everything';

interface Entry {
  readonly variant: CatalogVariant;
  readonly readAt: number;
}

/**
 * Orders' copy of what it needs from the catalog (a variant's price, status,
 * SKU and options, its product's status, weight, categories and variants),
 * so a placement or a cart read on a known product calls nothing but
 * inventory. Filled by reading through on a miss (one `_entities` call for
 * all the ids missing, shared by concurrent readers of the same ids), and
 * invalidated by the change notices catalog publishes after every commit
 * that touches a product or its variants (`channels.changes('Product')`,
 * the ones the gateway's response cache evicts on). Notices go to every
 * process, unlike a consumer group's events, so each orders replica hears
 * every change.
 *
 * A read that was under way when a notice for its product arrived is
 * answered but not kept (it may predate the change). Notices are best
 * effort: after the transport reconnects the copy is emptied, and no entry
 * is answered past `maxAgeMs`, which bounds how long a lost notice can leave
 * an old price. Within that window the client's expectedTotal still refuses
 * a total it did not see (PRICE_CHANGED), and an order keeps the prices it
 * was placed at.
 */
export class CatalogCopy implements CatalogVariants {
  private readonly entries = new Map<string, Entry>();
  /** Variant ids held per product id, to drop a product's variants on its notice. */
  private readonly byProduct = new Map<string, Set<string>>();
  /** Reads under way, by the id asked; each remembers the notices that arrived meanwhile. */
  private readonly reading = new Map<string, Promise<Map<string, CatalogVariant>>>();
  private readonly changedWhileReading = new Set<Set<string>>();
  private readonly now: () => number;
  private stopped: Array<Unsubscribe | (() => void)> = [];

  constructor(private readonly options: CatalogCopyOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Listens for the catalog's change notices; until then nothing is kept. */
  async start(): Promise<{ stop(): Promise<void> }> {
    if (this.options.maxAgeMs === 0) return { stop: async () => undefined };
    const unsubscribe = await this.options.pubsub.subscribe(channels.changes('Product'), (notice) => this.forget(notice.id));
    const stopReconnect = this.options.pubsub.onReconnect(() => this.clear());
    this.stopped = [unsubscribe, stopReconnect];
    return {
      stop: async () => {
        const stops = this.stopped;
        this.stopped = [];
        this.clear();
        await Promise.all(stops.map((stop) => stop()));
      },
    };
  }

  async variants(ids: readonly string[]): Promise<Map<string, CatalogVariant>> {
    if (!this.keeping()) return this.options.source.variants(ids);
    const found = new Map<string, CatalogVariant>();
    const waits: Array<Promise<Map<string, CatalogVariant>>> = [];
    const missing: string[] = [];
    const oldest = this.now() - this.options.maxAgeMs;
    for (const id of new Set(ids)) {
      const entry = this.entries.get(id);
      if (entry && entry.readAt >= oldest) found.set(id, entry.variant);
      else if (this.reading.has(id)) waits.push(this.reading.get(id) as Promise<Map<string, CatalogVariant>>);
      else missing.push(id);
    }
    this.options.metrics.catalogCopyReads.inc({ result: 'hit' }, found.size);
    if (missing.length > 0) {
      this.options.metrics.catalogCopyReads.inc({ result: 'miss' }, missing.length);
      waits.push(this.readThrough(missing));
    }
    for (const read of await Promise.all(waits)) {
      for (const [id, variant] of read) found.set(id, variant);
    }
    // Read by another caller: answers only what was asked.
    return new Map([...found].filter(([id]) => ids.includes(id)));
  }

  /** Entries held (for tests and the benchmark's report). */
  get size(): number {
    return this.entries.size;
  }

  private keeping(): boolean {
    return this.options.maxAgeMs > 0 && this.stopped.length > 0;
  }

  private readThrough(ids: readonly string[]): Promise<Map<string, CatalogVariant>> {
    const changed = new Set<string>();
    this.changedWhileReading.add(changed);
    const startedAt = this.now();
    const read = this.options.source
      .variants(ids)
      .then((variants) => {
        for (const variant of variants.values()) {
          if (!changed.has(EVERYTHING) && !changed.has(variant.product.id)) this.keep(variant, startedAt);
        }
        return variants;
      })
      .finally(() => {
        this.changedWhileReading.delete(changed);
        for (const id of ids) this.reading.delete(id);
      });
    for (const id of ids) this.reading.set(id, read);
    return read;
  }

  private keep(variant: CatalogVariant, readAt: number): void {
    this.entries.delete(variant.id);
    this.entries.set(variant.id, { variant, readAt });
    let held = this.byProduct.get(variant.product.id);
    if (!held) this.byProduct.set(variant.product.id, (held = new Set()));
    held.add(variant.id);
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.drop(oldest);
    }
  }

  private drop(variantId: string): void {
    const entry = this.entries.get(variantId);
    if (!entry) return;
    this.entries.delete(variantId);
    const held = this.byProduct.get(entry.variant.product.id);
    held?.delete(variantId);
    if (held?.size === 0) this.byProduct.delete(entry.variant.product.id);
  }

  /** A product changed: its variants are read again, and reads under way are not kept. */
  private forget(productId: string): void {
    for (const changed of this.changedWhileReading) changed.add(productId);
    for (const variantId of [...(this.byProduct.get(productId) ?? [])]) this.drop(variantId);
  }

  private clear(): void {
    for (const changed of this.changedWhileReading) changed.add(EVERYTHING);
    this.entries.clear();
    this.byProduct.clear();
  }
}
