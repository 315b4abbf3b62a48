import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { GraphQLError } from 'graphql';
import { AUDIT_RECORDED, auditRecord, type AuditState } from '../../contracts/audit';
import type { RequestContext } from '../../platform/context';
import { checkDeadline } from '../../platform/deadline';
import { conflict, notFound } from '../../platform/errors';
import { INVENTORY_EVENTS, type ReservationLine, type ReservationPayload, type ReservationStatusName, type Shortage } from '../../contracts/inventory-api';
import { every, type Periodic } from '../../platform/periodic';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { OutboxRow } from '../../platform/messaging/outbox';
import { ReservationEntity, ReservationStatus } from './reservation.entity';
import type { ReservationLineInput } from './reservation.inputs';
import { EXPIRES_FROM, REQUEST_EFFECTS, RESERVATION_TRANSITIONS, type ReservationRequest } from './reservation.transitions';
import { StockMovementEntity, StockMovementKind } from './stock-movement.entity';
import type { StockLevels } from './stock.entity';
import { DEFAULT_WAREHOUSE } from './warehouse.entity';
import type { WarehouseLedger } from './warehouse.ledger';
import { allocationsOf, mergeAllocations, type Allocation } from './warehouse.rules';
import { actorOf, thresholdCrossing, type AppliedChange, type StockLedger } from './stock.ledger';
import type { ReservationStore } from './reservation.store';
import { normalizeLines } from './stock.rules';
import { checkId, optionalReason } from '../../platform/checks';

/** Re-reads when a reservation's status changed between reading and acting on it. */
const STATUS_ATTEMPTS = 5;
const SWEEP_BATCH = 100;

/**
 * Reservations for orders (the internal API in contracts/inventory-api.ts).
 *
 * Taking stock for an order, all lines or none, is the ReservationStore's
 * (reservation.store.ts): one conditional increment per line, no read before
 * the write and no retry loop, with the reservation row keyed by the order id
 * (which makes a repeated call answer the reservation already there), the
 * movements and the outbox events written with it. A refused call writes
 * nothing. Release, commit and return are the store's too (`settle`: the
 * status, the stock per allocation, movements and events in one unit, moved
 * only where RESERVATION_TRANSITIONS says `move`); expiry, background work,
 * moves it with the ledger's compare-and-set writes. A crash
 * mid-way through a reservation (possible only on MongoDB without a replica
 * set) leaves its claim PENDING, and the order's movements (a ledger of what
 * it holds) tell the expiry sweep exactly what to release.
 */
export class ReservationService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly ledger: StockLedger,
    private readonly warehouses: WarehouseLedger,
    private readonly store: ReservationStore,
  ) {}

  get(ctx: RequestContext, orderId: string): Promise<ReservationEntity | null> {
    return ctx.em.findOne(ReservationEntity, { orderId });
  }

  async reserve(ctx: RequestContext, orderId: string, input: readonly ReservationLineInput[]): Promise<ReservationEntity> {
    checkId(orderId, 'orderId');
    const lines = normalizeLines(input);
    checkDeadline('reserve the stock');
    const now = this.deps.clock.now();
    const reservation = Object.assign(new ReservationEntity(), {
      orderId,
      status: ReservationStatus.ACTIVE,
      lines: [...lines],
      expiresAt: new Date(now.getTime() + this.deps.config.inventory.reservationTtlSeconds * 1000),
      createdAt: now,
      updatedAt: now,
    });
    const outcome = await this.store.take({
      reservation,
      actorId: actorOf(ctx.caller),
      events: (applied, allocations) => [
        this.deps.outbox.row(INVENTORY_EVENTS.reserved, payloadOf(reservation)),
        this.deps.outbox.row(AUDIT_RECORDED, auditRecord('inventory', ctx.caller, now, { action: 'stock.reserved', entityType: 'Reservation', entityId: orderId, before: null, after: stateOf({ ...reservation, allocations }) })),
        ...crossings(this.deps, applied),
      ],
    });
    if ('exists' in outcome) {
      // A repeated call (or a concurrent one that claimed the order first): answer with what is there.
      const existing = await this.read(orderId);
      if (!existing) throw inProgress(orderId);
      return replay(existing, lines);
    }
    if ('short' in outcome) {
      this.deps.metrics.reservations.inc({ outcome: 'refused' });
      throw shortfall(orderId, outcome.short);
    }
    this.deps.metrics.reservations.inc({ outcome: 'reserved' });
    await this.ledger.notify(outcome.notices);
    return Object.assign(reservation, { allocations: outcome.allocations });
  }

  /** Returns the stock to available. Idempotent; CONFLICT once committed. */
  release(ctx: RequestContext, orderId: string, reason: string | null): Promise<ReservationEntity> {
    checkId(orderId, 'orderId');
    const why = optionalReason(reason) ?? 'released';
    return this.request(ctx, orderId, 'release', why, () => this.tombstone(ctx, orderId, why));
  }

  /** Turns held units into a sale: they leave onHand and reserved. Idempotent; CONFLICT once released or expired. */
  commit(ctx: RequestContext, orderId: string): Promise<ReservationEntity> {
    checkId(orderId, 'orderId');
    return this.request(ctx, orderId, 'commit', null, async () => {
      throw notFound('Reservation', orderId);
    });
  }

  /**
   * Puts a sale back on hand: the order was cancelled, or refunded in full,
   * before it shipped. Idempotent; CONFLICT unless the reservation was committed.
   */
  returnSold(ctx: RequestContext, orderId: string, reason: string | null): Promise<ReservationEntity> {
    checkId(orderId, 'orderId');
    const why = optionalReason(reason) ?? 'returned';
    return this.request(ctx, orderId, 'return', why, async () => {
      throw notFound('Reservation', orderId);
    });
  }

  /**
   * Releases every reservation whose time ran out by `now` (ACTIVE ones, and
   * PENDING ones a crashed call left behind), each once even with several
   * processes sweeping. Returns how many it expired.
   */
  async sweepExpired(now: Date = this.deps.clock.now()): Promise<number> {
    let expired = 0;
    for (;;) {
      const due = await this.deps.db.read((em) =>
        em.find(
          ReservationEntity,
          { status: { $in: [...EXPIRES_FROM] }, expiresAt: { $lte: now } },
          { orderBy: { expiresAt: 'asc', orderId: 'asc' }, limit: SWEEP_BATCH },
        ),
      );
      for (const reservation of due) {
        if (await this.expire(reservation, now)) expired += 1;
      }
      if (due.length < SWEEP_BATCH) return expired;
    }
  }

  /** The background sweep: every RESERVATION_SWEEP_INTERVAL_MS, never two at once in a process. */
  startSweeping(): Periodic {
    return every(this.deps.config.inventory.reservationSweepIntervalMs, 'reservation sweep', this.deps.log, async () => {
      const count = await this.sweepExpired();
      if (count > 0) this.deps.log.info('released expired reservations', { count });
    });
  }

  private read(orderId: string): Promise<ReservationEntity | null> {
    return this.deps.db.read((em) => em.findOne(ReservationEntity, { orderId }));
  }

  /**
   * Applies `request` as RESERVATION_TRANSITIONS says for the reservation's
   * status: the store moves it (with its stock, movements and events) where
   * the table says `move`, and otherwise answers what it is, for the table's
   * other verdicts; `absent` answers for an order without one (null when a
   * reservation appeared meanwhile: asked again).
   */
  private async request(
    ctx: RequestContext,
    orderId: string,
    request: ReservationRequest,
    reason: string | null,
    absent: () => Promise<ReservationEntity | null>,
  ): Promise<ReservationEntity> {
    const effect = REQUEST_EFFECTS[request];
    for (let attempt = 1; attempt <= STATUS_ATTEMPTS; attempt += 1) {
      const now = this.deps.clock.now();
      const outcome = await this.store.settle({
        orderId,
        request,
        reason,
        at: now,
        actorId: actorOf(ctx.caller),
        events: (before, after, applied) => [
          this.deps.outbox.row(effect.event, payloadOf(after)),
          this.deps.outbox.row(AUDIT_RECORDED, auditRecord('inventory', ctx.caller, now, { action: effect.action, entityType: 'Reservation', entityId: orderId, reason, before: stateOf(before), after: stateOf(after) })),
          ...crossings(this.deps, applied),
        ],
      });
      if ('after' in outcome) {
        this.deps.metrics.reservations.inc({ outcome: effect.to.toLowerCase() });
        await this.ledger.notify(outcome.notices);
        return outcome.after;
      }
      const { current } = outcome;
      if (!current) {
        const answer = await absent();
        if (answer) return answer;
        continue;
      }
      switch (RESERVATION_TRANSITIONS[request][current.status]) {
        case 'done':
          return current;
        case 'busy':
          throw inProgress(orderId);
        case 'refuse':
          throw conflict(effect.refusal(orderId, current.status), { orderId, status: current.status });
        case 'move':
          // Moved by another request between the store's read and its write (MongoDB): asked again.
          continue;
      }
    }
    throw inProgress(orderId);
  }

  /** Expires one due reservation; false when another process got to it first (or it was just committed). */
  private async expire(reservation: ReservationEntity, now: Date): Promise<boolean> {
    const reason = 'reservation expired';
    const outcome = await this.deps.db.write(async (em) => {
      const moved = await em.nativeUpdate(
        ReservationEntity,
        { orderId: reservation.orderId, status: reservation.status, expiresAt: { $lte: now } },
        { status: ReservationStatus.EXPIRED, releaseReason: reason, updatedAt: now },
      );
      if (moved === 0) return null;
      // An ACTIVE reservation holds what it allocated; a PENDING one holds what its movements say.
      const held = reservation.status === ReservationStatus.ACTIVE ? allocationsOf(reservation) : await this.heldBy(em, reservation.orderId);
      const applied = await this.moveAllocations(em, held, StockMovementKind.RELEASE, REQUEST_EFFECTS.release.next, 'system:inventory', reservation.orderId, reason);
      const expired = withStatus(reservation, ReservationStatus.EXPIRED, reason, now);
      this.deps.outbox.add(em, INVENTORY_EVENTS.expired, payloadOf(expired));
      this.ledger.audit(em, null, {
        action: 'reservation.expired',
        entityType: 'Reservation',
        entityId: reservation.orderId,
        reason,
        before: stateOf(reservation),
        after: stateOf(expired),
      });
      return applied;
    });
    if (!outcome) return false;
    this.deps.metrics.reservations.inc({ outcome: 'expired' });
    await this.ledger.announce(outcome);
    return true;
  }

  /** Applies `next` to the stock of each allocation in its own warehouse (the product's total moves with it); the total changes made. */
  private async moveAllocations(
    em: EntityManager,
    allocations: readonly Allocation[],
    kind: StockMovementKind,
    next: (levels: StockLevels, quantity: number) => StockLevels,
    actorId: string,
    orderId: string,
    reason: string | null,
  ): Promise<AppliedChange[]> {
    const applied: AppliedChange[] = [];
    for (const { productId, warehouseId, quantity } of allocations) {
      const change = await this.warehouses.apply(em, productId, warehouseId, (levels) => next(levels, quantity), { kind, actorId, orderId, reason });
      if (change.total) applied.push(change.total);
    }
    return applied;
  }

  /** What an order holds per product and warehouse, from its movements (RESERVE adds, RELEASE and COMMIT take away). */
  private async heldBy(em: EntityManager, orderId: string): Promise<Allocation[]> {
    const movements = await em.find(StockMovementEntity, { orderId }, { disableIdentityMap: true });
    const held = mergeAllocations(movements.map((m) => ({ productId: m.productId, warehouseId: m.warehouseId ?? DEFAULT_WAREHOUSE.id, quantity: m.reservedDelta })));
    return held.filter((a) => a.quantity > 0);
  }

  /** Releasing an order never reserved records the release, so a late reserveStock for it is refused. */
  private async tombstone(ctx: RequestContext, orderId: string, reason: string): Promise<ReservationEntity | null> {
    const now = this.deps.clock.now();
    const released = Object.assign(new ReservationEntity(), {
      orderId,
      status: ReservationStatus.RELEASED,
      lines: [],
      expiresAt: now,
      releaseReason: reason,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.deps.db.write(async (em) => {
        em.persist(released);
        this.ledger.audit(em, ctx.caller, { action: 'stock.released', entityType: 'Reservation', entityId: orderId, reason, before: null, after: stateOf(released) });
      });
    } catch (error) {
      // A reservation for the order appeared meanwhile: act on that one instead.
      if (error instanceof UniqueConstraintViolationException) return null;
      throw error;
    }
    void this.deps.outbox.kick();
    return released;
  }
}

/** A copy in its new status (never the ORM-managed instance, which belongs to another unit of work). */
function withStatus(reservation: ReservationEntity, status: ReservationStatusName, releaseReason: string | null, updatedAt: Date): ReservationEntity {
  return Object.assign(new ReservationEntity(), {
    orderId: reservation.orderId,
    status,
    lines: reservation.lines,
    allocations: reservation.allocations,
    expiresAt: reservation.expiresAt,
    releaseReason,
    createdAt: reservation.createdAt,
    updatedAt,
  });
}

/** The low-stock and replenished events of the changes (only crossings alert). */
function crossings(deps: SubgraphDeps, applied: readonly AppliedChange[]): OutboxRow[] {
  return applied.flatMap((change) => {
    const crossing = thresholdCrossing(change.productId, change.before, change.after);
    return crossing ? [deps.outbox.row(crossing.type, crossing.payload)] : [];
  });
}

/** A repeated reserveStock: the same lines answer the reservation as it is now; other lines are refused. */
function replay(existing: ReservationEntity, lines: readonly ReservationLine[]): ReservationEntity {
  if (JSON.stringify(existing.lines) !== JSON.stringify(lines)) {
    throw conflict(`Order ${existing.orderId} already has a ${existing.status.toLowerCase()} reservation with other lines`, {
      orderId: existing.orderId,
      status: existing.status,
    });
  }
  if (existing.status === ReservationStatus.PENDING) throw inProgress(existing.orderId);
  return existing;
}

function shortfall(orderId: string, shortages: readonly Shortage[]): GraphQLError {
  const list = shortages.map((s) => `${s.productId} (requested ${s.requested}, available ${s.available})`).join(', ');
  return conflict(`Not enough stock for order ${orderId}: ${list}`, { orderId, shortages });
}

const inProgress = (orderId: string): GraphQLError =>
  conflict(`Another call for order ${orderId} is still running; retry shortly`, { orderId, retryable: true });

function payloadOf(reservation: ReservationEntity): ReservationPayload {
  return {
    orderId: reservation.orderId,
    lines: reservation.lines,
    expiresAt: reservation.expiresAt.toISOString(),
    reason: reservation.releaseReason,
  };
}

function stateOf(reservation: ReservationEntity): AuditState {
  return { status: reservation.status, lines: reservation.lines, allocations: allocationsOf(reservation), expiresAt: reservation.expiresAt.toISOString() };
}
