import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { ProcessedEventEntity } from '../../platform/messaging/inbox';
import { PAYMENT_EVENTS, type PaymentEventPayload } from '../../contracts/payments-api';
import type { SubgraphDeps } from '../../platform/subgraph';
import { backoff } from '../../platform/db';
import { PaymentEntity, PaymentStatus } from './payment.entity';
import type { Observation } from './payment.provider';
import type { ReceiptService } from './receipt.service';

/** Reads and compare-and-set attempts before a contended change is given up. */
const CAS_ATTEMPTS = 100;

type PaymentEvent = keyof typeof PAYMENT_EVENTS;

export interface Move {
  readonly status: PaymentStatus;
  readonly refundedMinor: number;
  readonly statusReason: string | null;
  /** In the order they happened: `succeeded` before `refunded`. */
  readonly events: readonly PaymentEvent[];
}

export interface ApplyOptions {
  /**
   * A processed-event marker (a provider's event id) written in the same
   * unit of work: an apply that finds it, or loses the race to write it,
   * changes nothing.
   */
  readonly marker?: string;
  /** Why, for a cancel or refund we asked for (the provider's own reason wins for failures). */
  readonly reason?: string | null;
  /**
   * The observation is the outcome of a new attempt to pay (a confirmation,
   * a decline the provider told of), not a read of where the payment stands:
   * a decline of a payment that FAILED before is recorded again.
   */
  readonly attempt?: boolean;
}

export interface Applied {
  /** The payment as it is after this apply. */
  readonly payment: PaymentEntity;
  readonly changed: boolean;
  /** The marker was already there: the same provider event, delivered again. */
  readonly duplicate: boolean;
}

/**
 * The only writer of a payment's status. It moves a payment to where its
 * provider says it is, forward only, along one state machine:
 *
 *   REQUIRES_PAYMENT → PROCESSING → SUCCEEDED → REFUNDED (fully refunded)
 *   REQUIRES_PAYMENT / PROCESSING → FAILED (declined: still payable, with another method)
 *   FAILED → PROCESSING, SUCCEEDED, FAILED (a new attempt declined too)
 *   REQUIRES_PAYMENT / PROCESSING / FAILED → CANCELED (final)
 *
 * so a late or repeated observation (a `payment_failed` arriving after
 * `succeeded`) changes nothing. Each move is a compare-and-set on the
 * payment's version, committed in one unit of work with its domain events
 * (outbox), its receipt and the marker of the provider event that caused it.
 */
export class PaymentLedger {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly receipts: ReceiptService,
  ) {}

  async apply(paymentId: string, seen: Observation, options: ApplyOptions = {}): Promise<Applied> {
    for (let attempt = 1; attempt <= CAS_ATTEMPTS; attempt += 1) {
      let outcome: Applied | null;
      try {
        outcome = await this.deps.db.write(async (em) => {
          const current = await em.findOne(PaymentEntity, { id: paymentId }, { disableIdentityMap: true });
          if (!current) throw new Error(`Payment ${paymentId} does not exist`);
          if (options.marker && (await em.findOne(ProcessedEventEntity, { key: options.marker }))) {
            return { payment: current, changed: false, duplicate: true };
          }
          const move = nextMove(current, seen, options.reason ?? null, options.attempt ?? false);
          if (!move && seen.state === 'succeeded' && current.status === PaymentStatus.CANCELED) {
            this.deps.log.error('the provider reports money taken for a payment closed here; refund it by hand', {
              paymentId,
              orderId: current.orderId,
              status: current.status,
            });
          }
          let payment = current;
          if (move) {
            const now = this.deps.clock.now();
            const changes = { status: move.status, refundedMinor: move.refundedMinor, statusReason: move.statusReason, version: current.version + 1, updatedAt: now };
            // Conditional on the version read: of concurrent applies, one moves the payment; the others read again.
            if ((await em.nativeUpdate(PaymentEntity, { id: paymentId, version: current.version }, changes)) === 0) return null;
            payment = Object.assign(current, changes);
            const receipt = move.events.includes('succeeded') ? await this.receipts.issue(em, payment, now) : null;
            for (const event of move.events) {
              this.deps.outbox.add(em, PAYMENT_EVENTS[event], payloadOf(payment, event, options.reason ?? null, receipt?.number ?? null));
            }
          }
          if (options.marker) em.persist(Object.assign(new ProcessedEventEntity(), { key: options.marker, processedAt: this.deps.clock.now() }));
          return { payment, changed: move !== null, duplicate: false };
        });
      } catch (error) {
        // A concurrent delivery of the same provider event wrote the marker first.
        if (!(options.marker && error instanceof UniqueConstraintViolationException)) throw error;
        const payment = await this.deps.db.read((em) => em.findOneOrFail(PaymentEntity, { id: paymentId }));
        return { payment, changed: false, duplicate: true };
      }
      if (outcome) {
        if (outcome.changed) void this.deps.outbox.kick();
        return outcome;
      }
      await backoff(attempt);
    }
    throw new Error(`Payment ${paymentId} is changing too often to apply the provider's state now`);
  }
}

/**
 * Where `seen` takes the payment from `current`; null when that is not
 * forward (or nowhere new). `attempt`: `seen` is the outcome of a new attempt
 * to pay (see ApplyOptions).
 */
export function nextMove(current: Pick<PaymentEntity, 'status' | 'amountMinor' | 'refundedMinor'>, seen: Observation, reason: string | null, attempt = false): Move | null {
  const payable = current.status === PaymentStatus.REQUIRES_PAYMENT || current.status === PaymentStatus.FAILED;
  const open = payable || current.status === PaymentStatus.PROCESSING;
  switch (seen.state) {
    case 'requires_payment':
      return null;
    case 'requires_action':
    case 'processing':
      return payable ? { status: PaymentStatus.PROCESSING, refundedMinor: 0, statusReason: null, events: [] } : null;
    case 'failed':
      // A FAILED payment read again is the same decline; only a new attempt's decline is news.
      if (!open || (current.status === PaymentStatus.FAILED && !attempt)) return null;
      return { status: PaymentStatus.FAILED, refundedMinor: 0, statusReason: seen.reason ?? reason ?? 'The payment failed.', events: ['failed'] };
    case 'canceled':
      return open ? { status: PaymentStatus.CANCELED, refundedMinor: 0, statusReason: reason ?? seen.reason, events: ['canceled'] } : null;
    case 'succeeded': {
      if (!open && current.status !== PaymentStatus.SUCCEEDED) return null;
      // Refunds only add up: an older, smaller total arriving late changes nothing.
      const refundedMinor = Math.min(current.amountMinor, Math.max(current.refundedMinor, seen.amountRefunded));
      const events: PaymentEvent[] = [...(open ? ['succeeded' as const] : []), ...(refundedMinor > current.refundedMinor ? ['refunded' as const] : [])];
      if (events.length === 0) return null;
      return { status: refundedMinor >= current.amountMinor ? PaymentStatus.REFUNDED : PaymentStatus.SUCCEEDED, refundedMinor, statusReason: null, events };
    }
  }
}

function payloadOf(payment: PaymentEntity, event: PaymentEvent, reason: string | null, receiptNumber: string | null): PaymentEventPayload {
  const base = {
    paymentId: payment.id,
    orderId: payment.orderId,
    customerId: payment.customerId,
    amount: payment.amountMinor,
    currency: payment.currency,
    provider: payment.provider,
  };
  switch (event) {
    case 'succeeded':
      // The payment may already be refunded by the same move; this event tells of the success.
      return { ...base, status: PaymentStatus.SUCCEEDED, ...(receiptNumber ? { receiptNumber } : {}) };
    case 'refunded':
      return { ...base, status: payment.status, refundedAmount: payment.refundedMinor, reason };
    default:
      return { ...base, status: payment.status, reason: payment.statusReason };
  }
}
