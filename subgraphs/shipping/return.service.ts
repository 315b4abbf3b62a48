import type { EntityManager } from '@mikro-orm/core';
import { AUDIT_RECORDED, auditRecord } from '../../contracts/audit';
import { SHIPPING_EVENTS } from '../../contracts/shipping-api';
import { isStaff, type Caller } from '../../platform/caller';
import { checkId } from '../../platform/checks';
import type { RequestContext } from '../../platform/context';
import { appError, conflict, notFound, unauthenticated } from '../../platform/errors';
import { every, type Periodic } from '../../platform/periodic';
import type { SubgraphDeps } from '../../platform/subgraph';
import { CarrierRefusedError, CarrierUnavailableError, type Carrier, type LabelRequest } from './carrier.port';
import type { CatalogClient } from './catalog.client';
import { unitsOf, type OrdersClient } from './orders.client';
import type { ReturnPeersClient } from './peers.client';
import { ReturnRequestEntity, ReturnStatus, type ReturnStepEntry } from './return.entity';
import { checkRefundAmount, checkRefusalNote, checkReturnLines, checkReturnMove, checkReturnReason, returnValue } from './return.rules';
import { ShipmentEntity, ShipmentStatus } from './shipment.entity';
import { resolveVariants, variantOf } from './shipment.rules';
import type { ReturnLineInput } from './shipment.inputs';
import { ORIGIN } from './shipment.service';

/** The weight a product without one counts for on a return label. */
const MIN_ITEM_GRAMS = 100;
/** Return labels retried per sweep. */
const RETRY_BATCH = 20;

/**
 * Returns: the customer asks for delivered units back within
 * RETURN_WINDOW_DAYS, staff approve (a return label from the carrier) or
 * refuse, then receive the parcel, choosing whether the units go back on
 * hand (inventory's audited adjustment) and how much is refunded (payments'
 * refund, partial allowed). Every step is in the return's history and the
 * audit log; the money and stock calls carry idempotency keys derived from
 * the return, so repeating a step after a failure moves nothing twice.
 */
export class ReturnService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly carriers: ReadonlyMap<string, Carrier>,
    private readonly defaultCarrier: string | null,
    private readonly orders: OrdersClient,
    private readonly catalog: CatalogClient,
    private readonly peers: ReturnPeersClient,
  ) {}

  /** The order's returns, oldest first: its customer and staff (NOT_FOUND for anyone else, as for the order). */
  async forOrder(ctx: RequestContext, orderId: string): Promise<ReturnRequestEntity[]> {
    if (!ctx.caller) throw unauthenticated();
    const id = checkId(orderId, 'orderId');
    const returns = await ctx.em.find(ReturnRequestEntity, { orderId: id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    if (returns.length > 0 && !isStaff(ctx.caller) && returns[0].customerId !== ctx.caller.userId) throw notFound('Order', orderId);
    return returns;
  }

  /**
   * A customer's request to send delivered units back. Refused, with nothing
   * written: someone else's order (NOT_FOUND), more units than delivered
   * (MORE_THAN_DELIVERED), units already in a return (RETURN_ALREADY_REQUESTED),
   * after the window (RETURN_WINDOW_CLOSED).
   */
  async request(ctx: RequestContext, orderId: string, lines: readonly ReturnLineInput[], reason: string): Promise<ReturnRequestEntity> {
    const caller = ctx.caller;
    if (!caller) throw unauthenticated();
    const id = checkId(orderId, 'orderId');
    const why = checkReturnReason(reason);
    const order = await this.orders.order(id);
    if (!order || order.customer.id !== caller.userId) throw notFound('Order', id);
    const asked = resolveVariants(lines, unitsOf(order));
    const prices = new Map(order.lines.map((line) => [line.variant.id, line.unitPrice.amount]));
    const currency = order.lines[0]?.unitPrice.currency ?? 'EUR';
    const now = this.deps.clock.now();
    return this.deps.db.write(async (em) => {
      // The history is JSON: its dates come back as strings.
      const delivered = (
        await em.find(ShipmentEntity, {
          orderId: id,
          status: ShipmentStatus.DELIVERED,
        })
      ).flatMap((s) =>
        s.lines.map((line) => ({
          ...line,
          deliveredAt: new Date(s.history.find((h) => h.status === ShipmentStatus.DELIVERED)?.occurredAt ?? s.updatedAt),
        })),
      );
      const earlier = (
        await em.find(ReturnRequestEntity, {
          orderId: id,
          status: { $ne: ReturnStatus.REFUSED },
        })
      ).flatMap((r) => r.lines);
      const checked = checkReturnLines(asked, delivered, earlier, now, this.deps.config.shipping.returnWindowDays);
      const created = Object.assign(new ReturnRequestEntity(), {
        orderId: id,
        customerId: caller.userId,
        lines: checked,
        reason: why,
        value: returnValue(checked, prices),
        currency,
        history: [step(ReturnStatus.REQUESTED, now, caller.userId, why)],
        createdAt: now,
        updatedAt: now,
      });
      em.persist(created);
      this.audit(em, ctx, now, 'return.requested', created, null);
      this.announce(em, created, false);
      return created;
    }).finally(() => void this.deps.outbox.kick());
  }

  /**
   * Staff agree: the return becomes APPROVED, then its label is bought from
   * the carrier (the customer's address to the shop). The carrier down: it
   * stays APPROVED without a label, retried in the background (or at once by
   * approving again, with the carrier first chosen).
   */
  async approve(ctx: RequestContext, returnId: string, carrierName: string | null): Promise<ReturnRequestEntity> {
    const current = await this.find(returnId);
    if (current.status === ReturnStatus.APPROVED && !current.returnTrackingNumber) return (await this.buyLabel(current)) ?? current;
    checkReturnMove(current.id, current.status, ReturnStatus.APPROVED);
    const name = carrierName ?? this.defaultCarrier;
    const carrier = name ? this.carriers.get(name) : undefined;
    if (!carrier) throw appError('BAD_USER_INPUT', `carrier must be one of: ${[...this.carriers.keys()].join(', ')}`, { field: 'carrier' });
    const approved = await this.move(ctx, current, ReturnStatus.APPROVED, null, { carrier: carrier.name, labelFormat: this.deps.config.shipping.labelFormat });
    return (await this.buyLabel(approved)) ?? approved;
  }

  /** Buys the labels of approved returns the carrier could not sell yet. Returns how many it bought. */
  async retryLabels(): Promise<number> {
    const due = await this.deps.db.read((em) =>
      em.find(ReturnRequestEntity, { status: ReturnStatus.APPROVED, returnTrackingNumber: null }, { orderBy: { updatedAt: 'asc' }, limit: RETRY_BATCH }),
    );
    let bought = 0;
    for (const approved of due) if ((await this.buyLabel(approved))?.returnTrackingNumber) bought += 1;
    return bought;
  }

  startRetrying(): Periodic {
    return every(this.deps.config.shipping.retryIntervalMs, 'return label retry', this.deps.log, async () => {
      await this.retryLabels();
    });
  }

  /**
   * One attempt at the return label (the customer's address to the shop),
   * bought for the purchase recorded on the return, so a retry never buys a
   * second one. Null when the
   * carrier could not sell it (it is retried) or another attempt got there first.
   */
  private async buyLabel(approved: ReturnRequestEntity): Promise<ReturnRequestEntity | null> {
    const carrier = approved.carrier ? this.carriers.get(approved.carrier) : undefined;
    if (!carrier) return null;
    const shipment = await this.deps.db.read((em) => em.findOne(ShipmentEntity, { orderId: approved.orderId }, { orderBy: { createdAt: 'asc' } }));
    if (!shipment) return null;
    const weights = await this.catalog.weights(approved.lines.map((line) => line.productId));
    const request: LabelRequest = {
      reference: `return-${approved.id}`,
      from: shipment.destination,
      to: ORIGIN,
      weightGrams: approved.lines.reduce((sum, line) => sum + line.quantity * (weights.get(line.productId) ?? MIN_ITEM_GRAMS), 0),
      format: approved.labelFormat === 'ZPL' ? 'ZPL' : 'PDF',
    };
    try {
      const purchaseId = approved.labelPurchaseId ?? (await this.recordPurchase(approved.id, await carrier.openPurchase(request)));
      const label = await carrier.buyLabel(purchaseId, request);
      return await this.update(approved, { returnTrackingNumber: label.trackingNumber, returnTrackingUrl: label.trackingUrl, labelContent: label.content });
    } catch (error) {
      if (!(error instanceof CarrierUnavailableError) && !(error instanceof CarrierRefusedError)) throw error;
      this.deps.log.warn('return label purchase failed; it is retried', { returnId: approved.id, error: error.message });
      return null;
    }
  }

  /** The first purchase recorded for the return wins; an attempt that lost the race buys the winner's. */
  private recordPurchase(id: string, purchaseId: string): Promise<string> {
    return this.deps.db.write(async (em) => {
      await em.nativeUpdate(ReturnRequestEntity, { id, labelPurchaseId: null }, { labelPurchaseId: purchaseId });
      return (await em.findOneOrFail(ReturnRequestEntity, { id })).labelPurchaseId ?? purchaseId;
    });
  }

  /** Staff decline the request, with a note for the customer; the units may be asked for again. */
  async refuse(ctx: RequestContext, returnId: string, note: string): Promise<ReturnRequestEntity> {
    const why = checkRefusalNote(note);
    const current = await this.find(returnId);
    checkReturnMove(current.id, current.status, ReturnStatus.REFUSED);
    return this.move(ctx, current, ReturnStatus.REFUSED, why, {});
  }

  /**
   * The parcel is back: RECEIVED with the staff's choices (restock or not,
   * the refund: the units' value by default, less allowed), then the units
   * go back on hand if chosen, the refund goes through payments, and the
   * return is REFUNDED. A failure midway leaves it RECEIVED; receiving it
   * again finishes with the choices first made (the keys count each effect once);
   * a REFUNDED return is answered as it is.
   */
  async receive(ctx: RequestContext, returnId: string, restock: boolean, refundAmount: number | null): Promise<ReturnRequestEntity> {
    let current = await this.find(returnId);
    if (current.status === ReturnStatus.REFUNDED) return current;
    if (current.status !== ReturnStatus.RECEIVED) {
      checkReturnMove(current.id, current.status, ReturnStatus.RECEIVED);
      const amount = checkRefundAmount(refundAmount, current.value);
      const note = `${restock ? 'restocked' : 'not restocked'}; refund ${amount} ${current.currency}`;
      current = await this.move(ctx, current, ReturnStatus.RECEIVED, note, {
        restock,
        refundAmount: amount,
      });
    }
    const actor = actorOf(ctx.caller);
    if (current.restock) {
      // Each line's own variant goes back on hand (a line from before variants: the default variant, the product's id, as its key was then).
      for (const line of current.lines)
        await this.peers.restock(variantOf(line), line.quantity, `return ${current.id} received by ${actor}`, `return:${current.id}:${variantOf(line)}`);
    }
    const amount = current.refundAmount ?? 0;
    if (amount > 0) await this.peers.refund(current.orderId, amount, `return ${current.id}`, `return:${current.id}`);
    return this.move(ctx, current, ReturnStatus.REFUNDED, `${amount} ${current.currency} refunded`, {});
  }

  private async find(returnId: string): Promise<ReturnRequestEntity> {
    const id = checkId(returnId, 'id');
    const found = await this.deps.db.read((em) => em.findOne(ReturnRequestEntity, { id }));
    if (!found) throw notFound('Return', id);
    return found;
  }

  /** A step along the table, in the return's history and the audit log, behind a compare-and-set on the version. */
  private async move(
    ctx: RequestContext,
    current: ReturnRequestEntity,
    to: ReturnStatus,
    note: string | null,
    changes: Partial<ReturnRequestEntity>,
  ): Promise<ReturnRequestEntity> {
    const now = this.deps.clock.now();
    return this.deps.db.write(async (em) => {
      const next = await this.write(em, current, {
        ...changes,
        status: to,
        history: [...current.history, step(to, now, actorOf(ctx.caller), note)],
      });
      this.audit(em, ctx, now, `return.${to.toLowerCase()}`, next, { status: current.status });
      return next;
    }).finally(() => void this.deps.outbox.kick());
  }

  private update(current: ReturnRequestEntity, changes: Partial<ReturnRequestEntity>): Promise<ReturnRequestEntity> {
    return this.deps.db.write((em) => this.write(em, current, changes)).finally(() => void this.deps.outbox.kick());
  }

  private async write(em: EntityManager, current: ReturnRequestEntity, changes: Partial<ReturnRequestEntity>): Promise<ReturnRequestEntity> {
    const version = current.version + 1;
    const updatedAt = this.deps.clock.now();
    const written = await em.nativeUpdate(ReturnRequestEntity, { id: current.id, version: current.version }, { ...changes, version, updatedAt });
    if (written !== 1) throw conflict('The return changed meanwhile; read it and try again', { retryable: true });
    const next = Object.assign(new ReturnRequestEntity(), current, changes, { version, updatedAt });
    this.announce(em, next, !current.returnTrackingNumber && Boolean(next.returnTrackingNumber));
    return next;
  }

  /** `return.updated` in the same unit of work as the change. */
  private announce(em: EntityManager, entity: ReturnRequestEntity, labelBought: boolean): void {
    this.deps.outbox.add(em, SHIPPING_EVENTS.returnUpdated, {
      returnId: entity.id,
      orderId: entity.orderId,
      customerId: entity.customerId,
      status: entity.status,
      labelBought,
      note: entity.history.at(-1)?.note ?? null,
      lines: entity.lines.map((line) => ({ productId: line.productId, variantId: variantOf(line), sku: line.sku ?? null, quantity: line.quantity })),
      carrier: entity.carrier,
      returnTrackingNumber: entity.returnTrackingNumber,
      returnTrackingUrl: entity.returnTrackingUrl,
      version: entity.version,
    });
  }

  private audit(em: EntityManager, ctx: RequestContext, at: Date, action: string, entity: ReturnRequestEntity, before: Record<string, unknown> | null): void {
    const after = {
      orderId: entity.orderId,
      status: entity.status,
      lines: entity.lines,
      restock: entity.restock,
      refundAmount: entity.refundAmount,
    };
    this.deps.outbox.add(
      em,
      AUDIT_RECORDED,
      auditRecord('shipping', ctx.caller, at, {
        action,
        entityType: 'ReturnRequest',
        entityId: entity.id,
        before,
        after,
      }),
    );
  }
}

/** Who took a step: the user, or the shipping service itself. */
const actorOf = (caller: Caller | null): string => caller?.userId ?? 'system:shipping';

function step(status: ReturnStatus, at: Date, actor: string, note: string | null): ReturnStepEntry {
  return { status, at, actor, note };
}

