import { OrderEntity, OrderStatus } from './order.entity';
import { canTransition, effectsOf, refusal } from './order.transitions';

const STATUSES = Object.values(OrderStatus);

/** Every move the state machine allows, written out apart from its table. */
const ALLOWED = new Set([
  'PENDING → AWAITING_PAYMENT',
  'AWAITING_PAYMENT → PAID',
  'AWAITING_PAYMENT → PAYMENT_FAILED',
  'AWAITING_PAYMENT → CANCELLED',
  'PAYMENT_FAILED → PAID',
  'PAYMENT_FAILED → PAYMENT_FAILED',
  'PAYMENT_FAILED → CANCELLED',
  'PAID → SHIPPED',
  'PAID → PARTIALLY_SHIPPED',
  'PARTIALLY_SHIPPED → SHIPPED',
  'PARTIALLY_SHIPPED → REFUNDED',
  'PAID → CANCELLED',
  'PAID → REFUNDED',
  'SHIPPED → DELIVERED',
  'SHIPPED → REFUNDED',
  'DELIVERED → REFUNDED',
]);

const moves = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));

function refusalReason(from: OrderStatus, to: OrderStatus): unknown {
  return refusal(Object.assign(new OrderEntity(), { status: from }), to).extensions.reason;
}

describe('the order state machine', () => {
  it.each(moves.filter(([from, to]) => ALLOWED.has(`${from} → ${to}`)))('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(moves.filter(([from, to]) => !ALLOWED.has(`${from} → ${to}`)))('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('ends in CANCELLED and REFUNDED (a declined order can still be paid)', () => {
    const final = STATUSES.filter((from) => STATUSES.every((to) => !canTransition(from, to)));
    expect(final).toEqual([OrderStatus.CANCELLED, OrderStatus.REFUNDED]);
  });
});

describe('refusals', () => {
  it.each([
    [OrderStatus.CANCELLED, OrderStatus.SHIPPED, 'ORDER_CANCELLED'],
    [OrderStatus.CANCELLED, OrderStatus.CANCELLED, 'ORDER_CANCELLED'],
    [OrderStatus.REFUNDED, OrderStatus.REFUNDED, 'ALREADY_REFUNDED'],
    [OrderStatus.PAYMENT_FAILED, OrderStatus.SHIPPED, 'PAYMENT_FAILED'],
    [OrderStatus.PAYMENT_FAILED, OrderStatus.REFUNDED, 'PAYMENT_FAILED'],
    [OrderStatus.AWAITING_PAYMENT, OrderStatus.SHIPPED, 'NOT_PAID'],
    [OrderStatus.AWAITING_PAYMENT, OrderStatus.REFUNDED, 'NOT_PAID'],
    [OrderStatus.PENDING, OrderStatus.CANCELLED, 'NOT_PAID'],
    [OrderStatus.PAID, OrderStatus.PAID, 'ALREADY_PAID'],
    [OrderStatus.SHIPPED, OrderStatus.SHIPPED, 'ALREADY_SHIPPED'],
    [OrderStatus.DELIVERED, OrderStatus.DELIVERED, 'ALREADY_DELIVERED'],
    [OrderStatus.SHIPPED, OrderStatus.CANCELLED, 'ALREADY_SHIPPED'],
    [OrderStatus.DELIVERED, OrderStatus.CANCELLED, 'ALREADY_SHIPPED'],
    [OrderStatus.DELIVERED, OrderStatus.SHIPPED, 'ALREADY_SHIPPED'],
    [OrderStatus.PAID, OrderStatus.DELIVERED, 'NOT_SHIPPED'],
    [OrderStatus.PAID, OrderStatus.PAYMENT_FAILED, 'INVALID_TRANSITION'],
  ])('refuses %s → %s as %s', (from, to, reason) => {
    expect(refusalReason(from, to)).toBe(reason);
  });

  it('is a CONFLICT naming the order and its status', () => {
    const order = Object.assign(new OrderEntity(), { status: OrderStatus.SHIPPED });
    const error = refusal(order, OrderStatus.CANCELLED);
    expect(error.message).toBe(`Order ${order.id} is already shipped; refund it instead`);
    expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'ALREADY_SHIPPED', orderId: order.id, status: 'SHIPPED' });
  });
});

describe('the effects of each status', () => {
  it('commits the stock of a paid order', () => {
    expect(effectsOf(OrderStatus.PAID, { from: OrderStatus.AWAITING_PAYMENT, reason: null })).toEqual([{ kind: 'commitStock' }]);
  });

  it('keeps the stock of a declined order reserved: it may still be paid, and the expiry cancels it', () => {
    expect(effectsOf(OrderStatus.PAYMENT_FAILED, { from: OrderStatus.AWAITING_PAYMENT, reason: 'card declined' })).toBeNull();
  });

  it('closes the payment, then releases the stock, of a cancelled order, with the reason given', () => {
    expect(effectsOf(OrderStatus.CANCELLED, { from: OrderStatus.PAID, reason: 'changed my mind' })).toEqual([
      { kind: 'cancelOrRefundPayment', reason: 'changed my mind' },
      { kind: 'releaseStock', reason: 'changed my mind' },
    ]);
    expect(effectsOf(OrderStatus.CANCELLED, { from: OrderStatus.AWAITING_PAYMENT, reason: null })).toEqual([
      { kind: 'cancelOrRefundPayment', reason: 'the order was cancelled' },
      { kind: 'releaseStock', reason: 'the order was cancelled' },
    ]);
  });

  it('puts the units of an order refunded before shipping back, but not those of one shipped', () => {
    expect(effectsOf(OrderStatus.REFUNDED, { from: OrderStatus.PAID, reason: null })).toEqual([
      { kind: 'releaseStock', reason: 'the order was refunded before it shipped' },
    ]);
    expect(effectsOf(OrderStatus.REFUNDED, { from: OrderStatus.PAID, reason: 'goodwill' })).toEqual([{ kind: 'releaseStock', reason: 'goodwill' }]);
    expect(effectsOf(OrderStatus.REFUNDED, { from: OrderStatus.SHIPPED, reason: null })).toEqual([]);
    expect(effectsOf(OrderStatus.REFUNDED, { from: OrderStatus.DELIVERED, reason: null })).toEqual([]);
  });

  it.each([OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT, OrderStatus.SHIPPED, OrderStatus.DELIVERED])('sets off nothing on %s', (status) => {
    expect(effectsOf(status, { from: null, reason: null })).toBeNull();
  });
});
