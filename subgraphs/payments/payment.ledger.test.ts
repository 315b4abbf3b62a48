import { PaymentStatus } from './payment.entity';
import { nextMove } from './payment.ledger';
import type { IntentState, Observation } from './payment.provider';

const AMOUNT = 4200;
const payment = (status: PaymentStatus, refundedMinor = 0) => ({ status, amountMinor: AMOUNT, refundedMinor });
const seen = (state: IntentState, amountRefunded = 0, reason: string | null = null): Observation => ({ state, amountRefunded, reason });

const ALL = Object.values(PaymentStatus);
/** Payable: waiting for a payment, or its last attempt declined. */
const PAYABLE: PaymentStatus[] = [PaymentStatus.REQUIRES_PAYMENT, PaymentStatus.FAILED];
const OPEN: PaymentStatus[] = [...PAYABLE, PaymentStatus.PROCESSING];
const CLOSED = ALL.filter((status) => !OPEN.includes(status));

describe('payment ledger moves', () => {
  it.each(ALL)('a %s payment stays where it is while the provider waits for payment', (status) => {
    expect(nextMove(payment(status), seen('requires_payment'), null)).toBeNull();
  });

  it.each(['processing', 'requires_action'] as const)('%s moves a payable payment to PROCESSING, telling no one', (state) => {
    for (const status of PAYABLE) expect(nextMove(payment(status), seen(state), null)).toEqual({ status: 'PROCESSING', refundedMinor: 0, statusReason: null, events: [] });
    for (const status of ALL.filter((s) => !PAYABLE.includes(s))) expect(nextMove(payment(status), seen(state), null)).toBeNull();
  });

  it.each(
    [PaymentStatus.REQUIRES_PAYMENT, PaymentStatus.PROCESSING].flatMap((status) => [
      ['failed', status, 'Your card was declined.', 'ours', 'FAILED', 'Your card was declined.'],
      ['failed', status, null, 'ours', 'FAILED', 'ours'],
      ['failed', status, null, null, 'FAILED', 'The payment failed.'],
      ['canceled', status, 'Canceled.', 'order cancelled', 'CANCELED', 'order cancelled'],
      ['canceled', status, 'Canceled.', null, 'CANCELED', 'Canceled.'],
    ] as const),
  )('%s closes a %s payment (provider\'s reason %s, ours %s) as %s, saying "%s"', (state, status, theirs, ours, to, why) => {
    expect(nextMove(payment(status), seen(state, 0, theirs), ours)).toEqual({ status: to, refundedMinor: 0, statusReason: why, events: [state] });
  });

  it('records a new attempt declined for a FAILED payment, and nothing for the same decline read again', () => {
    const again = seen('failed', 0, 'Your card has expired.');
    expect(nextMove(payment(PaymentStatus.FAILED), again, null, true)).toEqual({ status: 'FAILED', refundedMinor: 0, statusReason: 'Your card has expired.', events: ['failed'] });
    expect(nextMove(payment(PaymentStatus.FAILED), again, null)).toBeNull();
  });

  it('cancels a FAILED payment', () => {
    expect(nextMove(payment(PaymentStatus.FAILED), seen('canceled', 0, 'Canceled.'), 'reservation expired')).toEqual({
      status: 'CANCELED',
      refundedMinor: 0,
      statusReason: 'reservation expired',
      events: ['canceled'],
    });
  });

  it.each(CLOSED.flatMap((status) => [['failed', status], ['canceled', status]] as const))('%s changes nothing for a payment already %s', (state, status) => {
    expect(nextMove(payment(status), seen(state), null)).toBeNull();
  });

  describe('succeeded', () => {
    it.each(OPEN)('makes a %s payment SUCCEEDED', (status) => {
      expect(nextMove(payment(status), seen('succeeded'), null)).toEqual({ status: 'SUCCEEDED', refundedMinor: 0, statusReason: null, events: ['succeeded'] });
    });

    it.each(OPEN)('tells of the success before a refund the same observation carries, for a %s payment', (status) => {
      expect(nextMove(payment(status), seen('succeeded', 1000), null)).toEqual({ status: 'SUCCEEDED', refundedMinor: 1000, statusReason: null, events: ['succeeded', 'refunded'] });
      expect(nextMove(payment(status), seen('succeeded', AMOUNT), null)).toEqual({ status: 'REFUNDED', refundedMinor: AMOUNT, statusReason: null, events: ['succeeded', 'refunded'] });
    });

    it('adds up refunds of a SUCCEEDED payment, REFUNDED once all of it went back', () => {
      expect(nextMove(payment(PaymentStatus.SUCCEEDED, 1000), seen('succeeded', 1500), null)).toEqual({ status: 'SUCCEEDED', refundedMinor: 1500, statusReason: null, events: ['refunded'] });
      expect(nextMove(payment(PaymentStatus.SUCCEEDED, 1000), seen('succeeded', AMOUNT), null)).toEqual({ status: 'REFUNDED', refundedMinor: AMOUNT, statusReason: null, events: ['refunded'] });
    });

    it('never refunds more than was paid', () => {
      expect(nextMove(payment(PaymentStatus.SUCCEEDED), seen('succeeded', AMOUNT + 1), null)).toMatchObject({ status: 'REFUNDED', refundedMinor: AMOUNT });
    });

    it('ignores a repeated or older, smaller refund total', () => {
      expect(nextMove(payment(PaymentStatus.SUCCEEDED, 1000), seen('succeeded', 1000), null)).toBeNull();
      expect(nextMove(payment(PaymentStatus.SUCCEEDED, 1000), seen('succeeded', 500), null)).toBeNull();
    });

    it.each([PaymentStatus.CANCELED, PaymentStatus.REFUNDED])('changes nothing once %s (money for a closed payment is refunded by hand)', (status) => {
      expect(nextMove(payment(status), seen('succeeded', AMOUNT), null)).toBeNull();
    });
  });
});
