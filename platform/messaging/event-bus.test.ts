import { DEFAULT_MAX_ATTEMPTS, DeliveryRules } from './event-bus';

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
