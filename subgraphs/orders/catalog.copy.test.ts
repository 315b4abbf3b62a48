import { Metrics } from '../../platform/metrics';
import { channels } from '../../platform/messaging/pubsub';
import { MemoryPubSub } from '../../platform/messaging/pubsub.memory';
import type { CatalogVariant } from './catalog.client';
import { CatalogCopy, type CatalogVariants } from './catalog.copy';

const variant = (id: string, productId: string, amount: number): CatalogVariant => ({
  id,
  sku: `SKU-${id}`,
  status: 'ACTIVE',
  price: { amount, currency: 'EUR' },
  optionValues: [],
  product: { id: productId, status: 'ACTIVE', weightGrams: null, categories: [], variants: [] },
});

/** In-process notices, plus a way to play the transport reconnecting (what Redis's adapter reports). */
class ReconnectingPubSub extends MemoryPubSub {
  private readonly reconnectListeners = new Set<() => void>();
  override onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }
  reconnect(): void {
    for (const listener of this.reconnectListeners) listener();
  }
}

/** The catalog as the copy reads it: the variants held now, each read counted; a read can be held open. */
class Catalog implements CatalogVariants {
  readonly held = new Map<string, CatalogVariant>();
  readonly reads: string[][] = [];
  failNext = false;
  private gate: Promise<void> | null = null;
  private openGate: () => void = () => undefined;

  async variants(ids: readonly string[]): Promise<Map<string, CatalogVariant>> {
    this.reads.push([...ids]);
    // The answer is what the catalog held when it read, before any wait for the reply to arrive.
    const answer = new Map(ids.flatMap((id) => (this.held.has(id) ? [[id, this.held.get(id) as CatalogVariant] as const] : [])));
    if (this.gate) await this.gate;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('catalog unavailable');
    }
    return answer;
  }

  holdReplies(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.gate = null;
    this.openGate();
  }
}

async function setUp(options: { maxAgeMs?: number; maxEntries?: number } = {}) {
  const catalog = new Catalog();
  catalog.held.set('v1', variant('v1', 'p1', 1000));
  catalog.held.set('v2', variant('v2', 'p1', 1200));
  catalog.held.set('v3', variant('v3', 'p2', 500));
  const pubsub = new ReconnectingPubSub();
  const metrics = new Metrics();
  let now = 1_000_000;
  const copy = new CatalogCopy({ source: catalog, pubsub, maxAgeMs: options.maxAgeMs ?? 10_000, maxEntries: options.maxEntries ?? 100, metrics, now: () => now });
  const running = await copy.start();
  /** A notice from catalog, delivered (in-process delivery is a microtask away). */
  const changed = async (productId: string) => {
    await pubsub.publish(channels.changes('Product'), { id: productId, version: now });
    await new Promise<void>((resolve) => queueMicrotask(resolve));
  };
  const count = async (result: 'hit' | 'miss') => (await metrics.catalogCopyReads.get()).values.find((v) => v.labels.copy === 'orders.variants' && v.labels.result === result)?.value ?? 0;
  return { catalog, pubsub, copy, running, changed, count, advance: (ms: number) => (now += ms) };
}

const prices = (found: Map<string, CatalogVariant>) => Object.fromEntries([...found].map(([id, v]) => [id, v.price.amount]));

describe('orders copy of the catalog', () => {
  it('answers a variant read once from the copy, and reads only the ids it does not hold', async () => {
    const { catalog, copy, count } = await setUp();
    expect(prices(await copy.variants(['v1']))).toEqual({ v1: 1000 });
    expect(prices(await copy.variants(['v1']))).toEqual({ v1: 1000 });
    expect(prices(await copy.variants(['v1', 'v3']))).toEqual({ v1: 1000, v3: 500 });
    expect(catalog.reads).toEqual([['v1'], ['v3']]);
    expect(await count('hit')).toBe(2);
    expect(await count('miss')).toBe(2);
  });

  it("drops a product's variants on its change notice, so the next read has the new price", async () => {
    const { catalog, copy, changed } = await setUp();
    await copy.variants(['v1', 'v2', 'v3']);
    catalog.held.set('v1', variant('v1', 'p1', 900));
    await changed('p1');
    expect(prices(await copy.variants(['v1', 'v2', 'v3']))).toEqual({ v1: 900, v2: 1200, v3: 500 });
    // p1's two variants were read again; p2's stayed.
    expect(catalog.reads).toEqual([['v1', 'v2', 'v3'], ['v1', 'v2']]);
  });

  it('answers but does not keep a read that was under way when its product changed', async () => {
    const { catalog, copy, changed } = await setUp();
    catalog.holdReplies();
    const reading = copy.variants(['v1', 'v3']);
    catalog.held.set('v1', variant('v1', 'p1', 900));
    await changed('p1');
    catalog.release();
    expect(prices(await reading)).toEqual({ v1: 1000, v3: 500 });
    expect(prices(await copy.variants(['v1', 'v3']))).toEqual({ v1: 900, v3: 500 });
    expect(catalog.reads).toEqual([['v1', 'v3'], ['v1']]);
  });

  it('shares one read of the same ids among concurrent readers', async () => {
    const { catalog, copy } = await setUp();
    catalog.holdReplies();
    const readers = Array.from({ length: 50 }, () => copy.variants(['v1']));
    const another = copy.variants(['v1', 'v3']);
    catalog.release();
    for (const read of await Promise.all(readers)) expect(prices(read)).toEqual({ v1: 1000 });
    expect(prices(await another)).toEqual({ v1: 1000, v3: 500 });
    expect(catalog.reads).toEqual([['v1'], ['v3']]);
  });

  it('reads an entry again once it is older than the maximum age (a notice may have been lost)', async () => {
    const { catalog, copy, advance } = await setUp({ maxAgeMs: 10_000 });
    await copy.variants(['v1']);
    advance(10_000);
    await copy.variants(['v1']);
    expect(catalog.reads).toHaveLength(1);
    catalog.held.set('v1', variant('v1', 'p1', 900));
    advance(1);
    expect(prices(await copy.variants(['v1']))).toEqual({ v1: 900 });
    expect(catalog.reads).toHaveLength(2);
  });

  it('empties itself when the transport reconnects, and keeps nothing a read under way then brings back', async () => {
    const { catalog, pubsub, copy } = await setUp();
    await copy.variants(['v1']);
    catalog.holdReplies();
    const reading = copy.variants(['v3']);
    pubsub.reconnect();
    expect(copy.size).toBe(0);
    catalog.release();
    await reading;
    expect(copy.size).toBe(0);
    await copy.variants(['v1', 'v3']);
    expect(catalog.reads).toEqual([['v1'], ['v3'], ['v1', 'v3']]);
  });

  it('keeps at most maxEntries variants, dropping the oldest read', async () => {
    const { catalog, copy } = await setUp({ maxEntries: 2 });
    await copy.variants(['v1']);
    await copy.variants(['v2']);
    await copy.variants(['v3']);
    expect(copy.size).toBe(2);
    await copy.variants(['v2', 'v3']);
    await copy.variants(['v1']);
    expect(catalog.reads).toEqual([['v1'], ['v2'], ['v3'], ['v1']]);
  });

  it('keeps nothing from a failed read, and the next read asks again', async () => {
    const { catalog, copy } = await setUp();
    catalog.failNext = true;
    await expect(copy.variants(['v1'])).rejects.toThrow('catalog unavailable');
    expect(copy.size).toBe(0);
    expect(prices(await copy.variants(['v1']))).toEqual({ v1: 1000 });
    expect(catalog.reads).toHaveLength(2);
  });

  it('answers unknown ids by leaving them out, and reads them again next time', async () => {
    const { catalog, copy } = await setUp();
    expect(prices(await copy.variants(['nope', 'v1']))).toEqual({ v1: 1000 });
    catalog.held.set('nope', variant('nope', 'p3', 100));
    expect(prices(await copy.variants(['nope']))).toEqual({ nope: 100 });
    expect(catalog.reads).toEqual([['nope', 'v1'], ['nope']]);
  });

  it('with a maximum age of 0, and once stopped, reads every time and keeps nothing', async () => {
    const off = await setUp({ maxAgeMs: 0 });
    await off.copy.variants(['v1']);
    await off.copy.variants(['v1']);
    expect(off.catalog.reads).toHaveLength(2);
    expect(off.copy.size).toBe(0);

    const { catalog, copy, running } = await setUp();
    await copy.variants(['v1']);
    await running.stop();
    expect(copy.size).toBe(0);
    await copy.variants(['v1']);
    await copy.variants(['v1']);
    expect(catalog.reads).toHaveLength(3);
  });
});
