import { GraphQLError } from 'graphql';
import type { Shortage } from '../../contracts/inventory-api';
import { channels } from '../../platform/messaging/pubsub';
import { MemoryPubSub } from '../../platform/messaging/pubsub.memory';
import { SoldOutMemo, type StockLine } from './sold-out.memo';

const line = (stockId: string, productId = stockId, quantity = 1): StockLine => ({ stockId, productId, quantity });
const refusal = (shortages: Shortage[]) => new GraphQLError('Not enough stock', { extensions: { code: 'CONFLICT', shortages } });
const shortagesOf = (error: unknown): Shortage[] | null => (error instanceof GraphQLError ? (error.extensions.shortages as Shortage[]) : null);

async function setUp(maxAgeMs = 5_000) {
  const pubsub = new MemoryPubSub();
  let now = 1_000_000;
  const memo = new SoldOutMemo({ pubsub, maxAgeMs, now: () => now });
  const running = await memo.start();
  const stockMoved = async (id: string) => {
    await pubsub.publish(channels.changes('StockLevel'), { id, version: now });
    await new Promise<void>((resolve) => queueMicrotask(resolve));
  };
  /** Inventory refusing with these shortages. */
  const refusedBy = (lines: StockLine[], shortages: Shortage[]) =>
    memo.asking(lines, () => Promise.reject(refusal(shortages)), shortagesOf).catch((error: unknown) => error);
  return { memo, running, stockMoved, refusedBy, advance: (ms: number) => (now += ms) };
}

describe('the sold-out memo', () => {
  it('refuses, as inventory did, a variant inventory found with nothing available', async () => {
    const { memo, refusedBy } = await setUp();
    expect(memo.shortages([line('v1')])).toBeNull();
    await refusedBy([line('v1', 'p1', 2)], [{ productId: 'v1', requested: 2, available: 0 }]);
    expect(memo.shortages([line('v1', 'p1', 3), line('v2')])).toEqual([{ productId: 'v1', requested: 3, available: 0 }]);
    expect(memo.shortages([line('v2')])).toBeNull();
  });

  it('does not remember a variant with some units left (a smaller quantity may still be sold)', async () => {
    const { memo, refusedBy } = await setUp();
    await refusedBy([line('v1', 'p1', 5)], [{ productId: 'v1', requested: 5, available: 2 }]);
    expect(memo.shortages([line('v1')])).toBeNull();
  });

  it("forgets a variant when its stock or its product's moves", async () => {
    const { memo, refusedBy, stockMoved } = await setUp();
    await refusedBy([line('v1', 'p1'), line('v2', 'p1'), line('v3', 'p2')], [
      { productId: 'v1', requested: 1, available: 0 },
      { productId: 'v2', requested: 1, available: 0 },
      { productId: 'v3', requested: 1, available: 0 },
    ]);
    await stockMoved('v3');
    expect(memo.shortages([line('v3', 'p2')])).toBeNull();
    expect(memo.size).toBe(2);
    await stockMoved('p1');
    expect(memo.shortages([line('v1', 'p1'), line('v2', 'p1')])).toBeNull();
    expect(memo.size).toBe(0);
  });

  it('does not remember a refusal when the stock moved while inventory was asked (the refusal may be old)', async () => {
    const { memo, stockMoved } = await setUp();
    let refuse: (error: unknown) => void = () => undefined;
    const asked = memo.asking([line('v1', 'p1')], () => new Promise<never>((_, reject) => (refuse = reject)), shortagesOf).catch(() => undefined);
    await stockMoved('v1');
    refuse(refusal([{ productId: 'v1', requested: 1, available: 0 }]));
    await asked;
    expect(memo.shortages([line('v1', 'p1')])).toBeNull();
  });

  it('lets an entry lapse after the maximum age (a notice may have been lost)', async () => {
    const { memo, refusedBy, advance } = await setUp(5_000);
    await refusedBy([line('v1')], [{ productId: 'v1', requested: 1, available: 0 }]);
    advance(5_000);
    expect(memo.shortages([line('v1')])).not.toBeNull();
    advance(1);
    expect(memo.shortages([line('v1')])).toBeNull();
    expect(memo.size).toBe(0);
  });

  it('passes a reservation through untouched, and remembers nothing from other failures', async () => {
    const { memo } = await setUp();
    await expect(memo.asking([line('v1')], async () => 'reserved', shortagesOf)).resolves.toBe('reserved');
    await expect(memo.asking([line('v1')], () => Promise.reject(new Error('inventory down')), () => null)).rejects.toThrow('inventory down');
    expect(memo.size).toBe(0);
  });

  it('with a maximum age of 0, and once stopped, remembers nothing', async () => {
    const off = await setUp(0);
    await off.refusedBy([line('v1')], [{ productId: 'v1', requested: 1, available: 0 }]);
    expect(off.memo.shortages([line('v1')])).toBeNull();

    const { memo, running, refusedBy } = await setUp();
    await refusedBy([line('v1')], [{ productId: 'v1', requested: 1, available: 0 }]);
    await running.stop();
    expect(memo.size).toBe(0);
    await refusedBy([line('v1')], [{ productId: 'v1', requested: 1, available: 0 }]);
    expect(memo.shortages([line('v1')])).toBeNull();
  });
});
