import { remainingMs, setRequestDeadline, withRequestId } from '../request-scope';
import { MemoryEventBus } from './event-bus.memory';
import { DEFAULT_MAX_ATTEMPTS, DeliveryRules, type DomainEvent } from './event-bus';

describe('delivery rules', () => {
  it("takes the consumer's attempt limit, else the bus's, else the default", () => {
    expect(new DeliveryRules({ group: 'g', maxAttempts: 2 }, { maxAttempts: 5 }).maxAttempts).toBe(2);
    expect(new DeliveryRules({ group: 'g' }, { maxAttempts: 5 }).maxAttempts).toBe(5);
    expect(new DeliveryRules({ group: 'g' }, {}).maxAttempts).toBe(DEFAULT_MAX_ATTEMPTS);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %p attempts', (maxAttempts) => {
    expect(() => new DeliveryRules({ group: 'g', maxAttempts }, {})).toThrow(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  });

  it('hands the consumer only the types it asked for, or every type when it named none', () => {
    const billing = new DeliveryRules({ group: 'billing', types: ['order.placed', 'payment.succeeded'] }, {});
    expect(billing.takes('order.placed')).toBe(true);
    expect(billing.takes('stock.low')).toBe(false);
    expect(new DeliveryRules({ group: 'audit' }, {}).takes('stock.low')).toBe(true);
    expect(new DeliveryRules({ group: 'none', types: [] }, {}).takes('order.placed')).toBe(false);
  });

  it('waits 10 ms after the first failure, doubling up to a second', () => {
    const rules = new DeliveryRules({ group: 'g' }, {});
    expect([1, 2, 3, 7, 8, 50].map((failures) => rules.retryDelayMs(failures))).toEqual([10, 20, 40, 640, 1000, 1000]);
  });
});

describe('in-process delivery and request deadlines', () => {
  it("runs handlers free of the publishing request's deadline: they work on their own time", async () => {
    const bus = new MemoryEventBus();
    let seen: number | undefined;
    let handled = () => undefined as void;
    const done = new Promise<void>((resolve) => (handled = resolve));
    await bus.consume({ group: 'g' }, async () => {
      seen = remainingMs();
      handled();
    });
    // Past the dispatch that consume scheduled, so the publish below schedules the next one.
    await new Promise((resolve) => setImmediate(resolve));
    await withRequestId('publisher', async () => {
      setRequestDeadline(Date.now() - 1);
      await bus.publish({ id: 'e1', type: 'order.placed', occurredAt: new Date(0).toISOString(), payload: {} } satisfies DomainEvent);
    });
    await done;
    await bus.close();
    expect(seen).toBe(Infinity);
  });
});
