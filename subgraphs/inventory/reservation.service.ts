import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { GraphQLError } from 'graphql';
import type { AuditState } from '../../contracts/audit';
import type { Caller } from '../../platform/caller';
import type { RequestContext } from '../../platform/context';
import { checkDeadline } from '../../platform/deadline';
import { conflict, notFound } from '../../platform/errors';
import { INVENTORY_EVENTS, type ReservationLine, type ReservationPayload, type ReservationStatusName, type Shortage } from '../../contracts/inventory-api';
import { every, type Periodic } from '../../platform/periodic';
import type { SubgraphDeps } from '../../platform/subgraph';
import { ReservationEntity, ReservationStatus } from './reservation.entity';
import type { ReservationLineInput } from './reservation.inputs';
import { EXPIRES_FROM, REQUEST_EFFECTS, RESERVATION_TRANSITIONS, type RequestEffect, type ReservationRequest } from './reservation.transitions';
import { StockMovementEntity, StockMovementKind } from './stock-movement.entity';
import { availableOf } from './stock.entity';
import { actorOf, type AppliedChange, type StockLedger } from './stock.ledger';
import { InsufficientStock, normalizeLines, reserveFrom } from './stock.rules';
import { checkId, optionalReason } from '../../platform/checks';

/** Re-reads when a reservation's status changed between reading and acting on it. */
const STATUS_ATTEMPTS = 5;
const SWEEP_BATCH = 100;

/**
 * Reservations for orders (the internal API in contracts/inventory-api.ts).
 *
 * Taking stock for an order, all lines or none, with no lock held anywhere
 * but in the database, in one unit of work (one transaction on SQL): the
 * reservation row is inserted PENDING, keyed by the order id, which claims
 * the order (a concurrent duplicate call fails on the key before any stock
 * moves); each line is a compare-and-set on its product's stock (see
 * StockLedger) followed by its RESERVE movement; a short line gives back the
 * lines already taken and removes the claim, otherwise the reservation turns
 * ACTIVE. Each write is a single-row atomic write on SQL and MongoDB alike, so
 * nothing is oversold across any number of processes even where a unit is not
 * a transaction. There, a crash mid-way leaves the claim PENDING, and the
 * order's movements (a ledger of what it holds) tell the expiry sweep exactly
 * what to release; only a crash between a compare-and-set and its movement
 * would leave units held (never oversold) until corrected by an agent.
 */
export class ReservationService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly ledger: StockLedger,
  ) {}

  get(ctx: RequestContext, orderId: string): Promise<ReservationEntity | null> {
    return ctx.em.findOne(ReservationEntity, { orderId });
  }

  async reserve(ctx: RequestContext, orderId: string, input: readonly ReservationLineInput[]): Promise<ReservationEntity> {
    checkId(orderId, 'orderId');
    const lines = normalizeLines(input);
    const existing = await this.read(orderId);
    if (existing) return replay(existing, lines);
    // Refuse without writing anything when the shortfall is already visible.
    const visible = await this.deps.db.read((em) => this.shortages(em, lines));
    if (visible.length > 0) {
      this.deps.metrics.reservations.inc({ outcome: 'refused' });
      throw shortfall(orderId, visible);
    }
    checkDeadline('reserve the stock');
    let taken: { reservation: ReservationEntity; applied: AppliedChange[] };
    try {
      taken = await this.deps.db.write((em) => this.takeAll(em, ctx.caller, orderId, lines));
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      // A concurrent call for the same order claimed it first.
      const other = await this.read(orderId);
      if (!other) throw error;
      return replay(other, lines);
    }
    this.deps.metrics.reservations.inc({ outcome: 'reserved' });
    await this.ledger.announce(taken.applied);
    return taken.reservation;
  }

  /**
   * Claim, lines, activation: one unit of work (one transaction on SQL, so a
   * refused order leaves no trace). Every write runs at once and in this
   * order, so where a unit is not a transaction a failure still leaves a
   * state the expiry sweep can repair: the claim is written before any stock
   * moves, and each line's movement right after its compare-and-set.
   */
  private async takeAll(
    em: EntityManager,
    caller: Caller | null,
    orderId: string,
    lines: readonly ReservationLine[],
  ): Promise<{ reservation: ReservationEntity; applied: AppliedChange[] }> {
    const actorId = actorOf(caller);
    const now = this.deps.clock.now();
    const claim = Object.assign(new ReservationEntity(), {
      orderId,
      status: ReservationStatus.PENDING,
      lines: [...lines],
      expiresAt: new Date(now.getTime() + this.deps.config.inventory.reservationTtlSeconds * 1000),
      createdAt: now,
      updatedAt: now,
    });
    // A concurrent call for the same order fails on the key here, before touching stock.
    await em.insert(claim);
    const applied: AppliedChange[] = [];
    for (const line of lines) {
      try {
        applied.push(await this.ledger.apply(em, line.productId, (current) => reserveFrom(current, line), { kind: StockMovementKind.RESERVE, actorId, orderId }));
      } catch (error) {
        if (!(error instanceof InsufficientStock)) throw error;
        // All or none: give back what this call took (a rollback does the same on SQL).
        await this.releaseLines(em, orderId, applied.map((a) => ({ productId: a.productId, quantity: a.after.reserved - a.before.reserved })), actorId, 'not all lines could be reserved');
        await em.nativeDelete(ReservationEntity, { orderId, status: ReservationStatus.PENDING });
        const others = (await this.shortages(em, lines)).filter((s) => s.productId !== error.shortage.productId);
        this.deps.metrics.reservations.inc({ outcome: 'refused' });
        throw shortfall(orderId, [error.shortage, ...others]);
      }
    }
    const at = this.deps.clock.now();
    // Conditional: where units are not transactions, a sweep may expire a claim whose call outlived the TTL.
    if ((await em.nativeUpdate(ReservationEntity, { orderId, status: ReservationStatus.PENDING }, { status: ReservationStatus.ACTIVE, updatedAt: at })) === 0) {
      await this.releaseLines(em, orderId, await this.heldBy(em, orderId), actorId, 'reservation expired while it was being taken');
      throw conflict(`The reservation for order ${orderId} expired while it was being taken; place the order again`, { orderId, status: ReservationStatus.EXPIRED });
    }
    const reservation = withStatus(claim, ReservationStatus.ACTIVE, null, at);
    this.deps.outbox.add(em, INVENTORY_EVENTS.reserved, payloadOf(reservation));
    this.ledger.audit(em, caller, { action: 'stock.reserved', entityType: 'Reservation', entityId: orderId, before: null, after: stateOf(reservation) });
    return { reservation, applied };
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

  /** Current shortfalls of `lines`, read without writing. */
  private async shortages(em: EntityManager, lines: readonly ReservationLine[]): Promise<Shortage[]> {
    const rows = await this.ledger.readMany(em, lines.map((l) => l.productId));
    return lines.flatMap((line) => {
      const row = rows.find((r) => r.productId === line.productId);
      const available = row ? availableOf(row) : 0;
      return available < line.quantity ? [{ productId: line.productId, requested: line.quantity, available }] : [];
    });
  }

  /** Applies `request` as RESERVATION_TRANSITIONS says for the reservation's status; `absent` answers for an order without one. */
  private request(
    ctx: RequestContext,
    orderId: string,
    request: ReservationRequest,
    reason: string | null,
    absent: () => Promise<ReservationEntity | null>,
  ): Promise<ReservationEntity> {
    const effect = REQUEST_EFFECTS[request];
    return this.transition(orderId, async (current) => {
      if (!current) return absent();
      switch (RESERVATION_TRANSITIONS[request][current.status]) {
        case 'done':
          return current;
        case 'busy':
          throw inProgress(orderId);
        case 'refuse':
          throw conflict(effect.refusal(orderId, current.status), { orderId, status: current.status });
        case 'move':
          return this.finish(ctx.caller, current, effect, reason);
      }
    });
  }

  /** Runs `step` on the current reservation, again when its status changed under it (it answers null then). */
  private async transition(
    orderId: string,
    step: (current: ReservationEntity | null) => Promise<ReservationEntity | null>,
  ): Promise<ReservationEntity> {
    for (let attempt = 1; attempt <= STATUS_ATTEMPTS; attempt += 1) {
      const result = await step(await this.read(orderId));
      if (result) return result;
    }
    throw inProgress(orderId);
  }

  /**
   * Moves a reservation to the request's status and applies its effect to
   * each line's stock, in one unit of work. The status write is conditional,
   * so of a release, a commit and an expiry racing, exactly one wins; null
   * when this one lost.
   */
  private async finish(caller: Caller | null, current: ReservationEntity, effect: RequestEffect, reason: string | null): Promise<ReservationEntity | null> {
    const outcome = await this.deps.db.write(async (em) => {
      const at = this.deps.clock.now();
      const moved = await em.nativeUpdate(ReservationEntity, { orderId: current.orderId, status: current.status }, { status: effect.to, releaseReason: reason, updatedAt: at });
      if (moved === 0) return null;
      const applied: AppliedChange[] = [];
      for (const line of current.lines) {
        applied.push(
          await this.ledger.apply(em, line.productId, (levels) => effect.next(levels, line.quantity), {
            kind: effect.movement,
            actorId: actorOf(caller),
            orderId: current.orderId,
            reason,
          }),
        );
      }
      const done = withStatus(current, effect.to, reason, at);
      this.deps.outbox.add(em, effect.event, payloadOf(done));
      this.ledger.audit(em, caller, {
        action: effect.action,
        entityType: 'Reservation',
        entityId: current.orderId,
        reason,
        before: stateOf(current),
        after: stateOf(done),
      });
      return { done, applied };
    });
    if (!outcome) return null;
    this.deps.metrics.reservations.inc({ outcome: effect.to.toLowerCase() });
    await this.ledger.announce(outcome.applied);
    return outcome.done;
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
      // An ACTIVE reservation holds all its lines; a PENDING one holds what its movements say.
      const held = reservation.status === ReservationStatus.ACTIVE ? reservation.lines : await this.heldBy(em, reservation.orderId);
      const applied = await this.releaseLines(em, reservation.orderId, held, 'system:inventory', reason);
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

  private async releaseLines(em: EntityManager, orderId: string, lines: readonly ReservationLine[], actorId: string, reason: string): Promise<AppliedChange[]> {
    const applied: AppliedChange[] = [];
    for (const line of lines) {
      applied.push(
        await this.ledger.apply(em, line.productId, (levels) => REQUEST_EFFECTS.release.next(levels, line.quantity), {
          kind: StockMovementKind.RELEASE,
          actorId,
          orderId,
          reason,
        }),
      );
    }
    return applied;
  }

  /** What an order holds per product, from its movements (RESERVE adds, RELEASE and COMMIT take away). */
  private async heldBy(em: EntityManager, orderId: string): Promise<ReservationLine[]> {
    const movements = await em.find(StockMovementEntity, { orderId }, { disableIdentityMap: true });
    const held = new Map<string, number>();
    for (const m of movements) held.set(m.productId, (held.get(m.productId) ?? 0) + m.reservedDelta);
    return [...held]
      .filter(([, quantity]) => quantity > 0)
      .map(([productId, quantity]) => ({ productId, quantity }))
      .sort((a, b) => a.productId.localeCompare(b.productId));
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
    expiresAt: reservation.expiresAt,
    releaseReason,
    createdAt: reservation.createdAt,
    updatedAt,
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
  return { status: reservation.status, lines: reservation.lines, expiresAt: reservation.expiresAt.toISOString() };
}
