import type { EntityManager } from '@mikro-orm/core';
import { AUDIT_RECORDED, auditRecord } from '../../contracts/audit';
import { SHIPPING_EVENTS } from '../../contracts/shipping-api';
import { isStaff } from '../../platform/caller';
import { checkId } from '../../platform/checks';
import { byKeys, type RequestContext } from '../../platform/context';
import { appError, badInput, conflict, notFound, unauthenticated } from '../../platform/errors';
import { channels } from '../../platform/messaging/pubsub';
import { every, type Periodic } from '../../platform/periodic';
import type { SubgraphDeps } from '../../platform/subgraph';
import { CarrierRefusedError, CarrierUnavailableError, type Carrier, type TrackingEvent } from './carrier.port';
import type { CatalogClient } from './catalog.client';
import { unitsOf, type OrdersClient } from './orders.client';
import { ShipmentEntity, ShipmentStatus, type TrackingEntry } from './shipment.entity';
import type { ShipmentLineInput } from './shipment.inputs';
import { applyTracking, checkShipmentLines, orderProgress, resolveVariants, variantOf } from './shipment.rules';

/** Orders in these statuses may ship (more). */
const SHIPPABLE = new Set(['PAID', 'PARTIALLY_SHIPPED']);
/** The weight a product without one counts for on a label. */
const MIN_ITEM_GRAMS = 100;
/** Label purchases retried per sweep. */
const RETRY_BATCH = 20;
/** The wait before the n-th retry grows from 5 s to at most 10 min. */
const retryDelayMs = (attempts: number) => Math.min(600_000, 5_000 * 2 ** Math.min(attempts - 1, 7));

/** Where parcels leave from (the label's sender). */
export const ORIGIN = { name: 'Shop', street1: '12 rue de la Paix', street2: null, city: 'Paris', zip: '75002', country: 'FR', state: null };

/**
 * Shipments: an order ships in one or several, each with a label bought from
 * a carrier; tracking (webhooks or polling) moves them, and each change goes
 * to orders as `shipment.updated` (the order becomes PARTIALLY_SHIPPED,
 * SHIPPED, DELIVERED) and to live subscribers as a change notice.
 */
export class ShipmentService {
  /** The order's tracking version computed in a unit of work, published once it committed. */
  private readonly trackingVersions = new Map<string, number>();

  constructor(
    private readonly deps: SubgraphDeps,
    private readonly carriers: ReadonlyMap<string, Carrier>,
    private readonly defaultCarrier: string | null,
    private readonly orders: OrdersClient,
    private readonly catalog: CatalogClient,
  ) {}

  /** One shipment by id (node(id)): its customer and staff only, null for anyone else; batched. */
  async get(ctx: RequestContext, id: string): Promise<ShipmentEntity | null> {
    const shipment = await ctx.loaders
      .get<string, ShipmentEntity | null>('shipmentById', async (ids) => {
        const rows = await ctx.em.find(ShipmentEntity, { id: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.id).map((row) => row ?? null);
      })
      .load(checkId(id, 'id'));
    return shipment && ctx.caller && (isStaff(ctx.caller) || shipment.customerId === ctx.caller.userId) ? shipment : null;
  }

  /** The order's shipments, oldest first: its customer and staff only (NOT_FOUND for anyone else, as for the order). */
  async forOrder(ctx: RequestContext, orderId: string): Promise<ShipmentEntity[]> {
    if (!ctx.caller) throw unauthenticated();
    const shipments = await ctx.em.find(ShipmentEntity, { orderId: checkId(orderId, 'orderId') }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    if (shipments.length > 0 && !isStaff(ctx.caller) && shipments[0].customerId !== ctx.caller.userId) throw notFound('Order', orderId);
    return shipments;
  }

  /**
   * The order's most recently changed shipment, its version the sum over
   * the order's shipments (so it grows with a change to any of them): what
   * shipmentTracking delivers. Null when there is none, or the caller may not see the order.
   */
  async latest(ctx: RequestContext, orderId: string): Promise<ShipmentEntity | null> {
    const shipments = await this.forOrder(ctx, orderId).catch(() => []);
    if (shipments.length === 0) return null;
    const latest = [...shipments].sort((a, b) => b.orderVersion - a.orderVersion)[0];
    return Object.assign(new ShipmentEntity(), latest, { version: trackingVersion(shipments) });
  }

  /**
   * Records the shipment, then buys its label. The carrier down: the
   * shipment stays LABEL_PENDING (the sweep retries it) and the order does
   * not move. Lines: null ships every unit not yet in a shipment.
   */
  async create(ctx: RequestContext, orderId: string, lines: readonly ShipmentLineInput[] | null, carrierName: string | null): Promise<ShipmentEntity> {
    const id = checkId(orderId, 'orderId');
    const name = carrierName ?? this.defaultCarrier;
    if (!name) throw appError('CONFLICT', 'No shipping carrier is configured (SHIPPING_CARRIER): labels cannot be bought', { field: 'carrier' });
    if (!this.carriers.has(name)) throw badInput(`carrier must be one of: ${[...this.carriers.keys()].join(', ')}`, 'carrier');
    const order = await this.orders.order(id);
    if (!order) throw notFound('Order', id);
    if (!SHIPPABLE.has(order.status)) throw conflict(`Order ${id} is ${order.status}: only a paid order ships`, { reason: order.status === 'SHIPPED' || order.status === 'DELIVERED' ? 'ALREADY_SHIPPED' : 'NOT_PAID', status: order.status });
    if (!order.shipping) throw badInput(`Order ${id} was placed without a shipping address: it cannot ship by carrier`, 'orderId');
    const ordered = unitsOf(order);
    const requested = lines && resolveVariants(lines, ordered);
    const address = order.shipping.address;
    const weights = await this.catalog.weights([...new Set(ordered.map((line) => line.productId))]);
    const now = this.deps.clock.now();
    const shipment = await this.deps.db.write(async (em) => {
      const earlier = await em.find(ShipmentEntity, { orderId: id });
      const shipmentLines = checkShipmentLines(requested, ordered, earlier.flatMap((s) => s.lines));
      const created = Object.assign(new ShipmentEntity(), {
        orderId: id,
        customerId: order.customer.id,
        lines: shipmentLines,
        orderLines: ordered,
        destination: { name: address.recipient, street1: address.line1, street2: address.line2, city: address.city, zip: address.postalCode, country: address.country, state: address.region },
        // A product without a weight counts as MIN_ITEM_GRAMS: carriers need a weight, and staff can see the label's.
        weightGrams: shipmentLines.reduce((sum, l) => sum + l.quantity * (weights.get(l.productId) ?? MIN_ITEM_GRAMS), 0),
        carrier: name,
        labelFormat: this.deps.config.shipping.labelFormat,
        createdAt: now,
        updatedAt: now,
        nextAttemptAt: now,
      });
      em.persist(created);
      this.deps.outbox.add(em, AUDIT_RECORDED, auditRecord('shipping', ctx.caller, now, { action: 'shipment.created', entityType: 'Shipment', entityId: created.id, before: null, after: { orderId: id, lines: shipmentLines, carrier: name } }));
      return created;
    });
    return (await this.buyLabel(shipment)) ?? shipment;
  }

  /** Retries the labels the carrier could not sell yet, each when its backoff is over. Returns how many it bought. */
  async retryPendingLabels(): Promise<number> {
    const due = await this.deps.db.read((em) =>
      em.find(ShipmentEntity, { status: ShipmentStatus.LABEL_PENDING, nextAttemptAt: { $lte: this.deps.clock.now() } }, { orderBy: { nextAttemptAt: 'asc' }, limit: RETRY_BATCH }),
    );
    let bought = 0;
    for (const shipment of due) if ((await this.buyLabel(shipment))?.status === ShipmentStatus.LABEL_CREATED) bought += 1;
    return bought;
  }

  startRetrying(): Periodic {
    return every(this.deps.config.shipping.retryIntervalMs, 'label retry', this.deps.log, async () => {
      await this.retryPendingLabels();
      await this.pollTracking();
    });
  }

  /** Tracking of carriers without webhooks: every shipment on its way is asked about. */
  async pollTracking(): Promise<void> {
    const polled = [...this.carriers.values()].filter((c) => !c.webhooks).map((c) => c.name);
    if (polled.length === 0) return;
    const open = await this.deps.db.read((em) =>
      em.find(ShipmentEntity, { carrier: { $in: polled }, status: { $in: [ShipmentStatus.LABEL_CREATED, ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY] } }, { limit: 100 }),
    );
    for (const shipment of open) {
      if (!shipment.trackingNumber) continue;
      try {
        await this.record(await (this.carriers.get(shipment.carrier) as Carrier).track(shipment.trackingNumber));
      } catch (error) {
        this.deps.log.warn('tracking poll failed', { shipmentId: shipment.id, error: String(error) });
      }
    }
  }

  /** A carrier's webhook: the events it carries, once verified (BadWebhookSignatureError otherwise). Returns how many shipments changed. */
  async receiveWebhook(carrierName: string, rawBody: string, headers: Readonly<Record<string, string | string[] | undefined>>): Promise<number | null> {
    const carrier = this.carriers.get(carrierName);
    if (!carrier) return null;
    return this.record(carrier.readWebhook(rawBody, headers));
  }

  /** Applies tracking events to their shipments: replays change nothing, late events never move a shipment back. */
  async record(events: readonly TrackingEvent[]): Promise<number> {
    const byNumber = new Map<string, TrackingEntry[]>();
    for (const e of events) byNumber.set(e.trackingNumber, [...(byNumber.get(e.trackingNumber) ?? []), { status: e.status as ShipmentStatus, occurredAt: e.occurredAt, description: e.description, location: e.location }]);
    let changed = 0;
    for (const [trackingNumber, entries] of byNumber) {
      const moved = await this.deps.db.write(async (em) => {
        const shipment = await em.findOne(ShipmentEntity, { trackingNumber });
        if (!shipment) return null;
        const next = applyTracking(shipment, entries);
        if (!next) return null;
        return this.change(em, shipment, { ...next });
      });
      if (moved) {
        changed += 1;
        await this.announce(moved);
      }
    }
    return changed;
  }

  /** One attempt at the label; null when another attempt got there first. */
  private async buyLabel(shipment: ShipmentEntity): Promise<ShipmentEntity | null> {
    const carrier = this.carriers.get(shipment.carrier);
    if (!carrier) return null;
    const request = { reference: shipment.id, from: ORIGIN, to: shipment.destination, weightGrams: shipment.weightGrams, format: shipment.labelFormat === 'ZPL' ? ('ZPL' as const) : ('PDF' as const) };
    try {
      const purchaseId = shipment.labelPurchaseId ?? (await this.recordPurchase(shipment.id, await carrier.openPurchase(request)));
      const label = await carrier.buyLabel(purchaseId, request);
      const now = this.deps.clock.now();
      const done = await this.deps.db.write(async (em) => {
        const current = await em.findOne(ShipmentEntity, { id: shipment.id, status: ShipmentStatus.LABEL_PENDING });
        if (!current) return null;
        return this.change(em, current, {
          status: ShipmentStatus.LABEL_CREATED,
          trackingNumber: label.trackingNumber,
          trackingUrl: label.trackingUrl,
          labelContent: label.content,
          labelUrl: label.url,
          nextAttemptAt: null,
          lastError: null,
          history: [{ status: ShipmentStatus.LABEL_CREATED, occurredAt: now, description: 'Label created', location: null }],
        });
      });
      if (done) await this.announce(done);
      return done;
    } catch (error) {
      if (!(error instanceof CarrierUnavailableError) && !(error instanceof CarrierRefusedError)) throw error;
      const attempts = shipment.labelAttempts + 1;
      const nextAttemptAt = new Date(this.deps.clock.now().getTime() + retryDelayMs(attempts));
      this.deps.log.warn('label purchase failed; the shipment stays LABEL_PENDING', { shipmentId: shipment.id, attempts, error: error.message });
      return this.deps.db.write(async (em) => {
        const current = await em.findOne(ShipmentEntity, { id: shipment.id, status: ShipmentStatus.LABEL_PENDING });
        if (!current) return null;
        Object.assign(current, { labelAttempts: attempts, nextAttemptAt, lastError: error.message, updatedAt: this.deps.clock.now() });
        return current;
      });
    }
  }

  /** The first purchase recorded for the shipment wins; an attempt that lost the race buys the winner's. */
  private recordPurchase(id: string, purchaseId: string): Promise<string> {
    return this.deps.db.write(async (em) => {
      await em.nativeUpdate(ShipmentEntity, { id, labelPurchaseId: null }, { labelPurchaseId: purchaseId });
      return (await em.findOneOrFail(ShipmentEntity, { id })).labelPurchaseId ?? purchaseId;
    });
  }

  /** A version-bumped change with its `shipment.updated` event (the order's progress over all its shipments) in the same unit of work. */
  private async change(em: EntityManager, shipment: ShipmentEntity, changes: Partial<ShipmentEntity>): Promise<ShipmentEntity> {
    const version = shipment.version + 1;
    const from = shipment.status;
    const others = (await em.find(ShipmentEntity, { orderId: shipment.orderId })).filter((s) => s.id !== shipment.id);
    const orderVersion = trackingVersion(others) + version;
    const written = await em.nativeUpdate(ShipmentEntity, { id: shipment.id, version: shipment.version }, { ...changes, version, orderVersion, updatedAt: this.deps.clock.now() });
    if (written !== 1) throw conflict('The shipment changed meanwhile; try again', { retryable: true });
    Object.assign(shipment, changes, { version, orderVersion });
    const siblings = [...others, shipment];
    this.trackingVersions.set(shipment.orderId, orderVersion);
    const progress = orderProgress(shipment.orderLines, siblings);
    this.deps.outbox.add(em, SHIPPING_EVENTS.updated, {
      shipmentId: shipment.id,
      orderId: shipment.orderId,
      customerId: shipment.customerId,
      status: shipment.status,
      from,
      lines: shipment.lines.map((line) => ({ productId: line.productId, variantId: variantOf(line), sku: line.sku ?? null, quantity: line.quantity })),
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      trackingUrl: shipment.trackingUrl,
      orderFullyShipped: progress.fullyShipped,
      orderDelivered: progress.delivered,
      version,
    });
    return shipment;
  }

  /** After the commit: the relay nudged, and a change notice on the order's shipment channel for live tracking. */
  private async announce(shipment: ShipmentEntity): Promise<void> {
    void this.deps.outbox.kick();
    const version = this.trackingVersions.get(shipment.orderId) ?? shipment.version;
    this.trackingVersions.delete(shipment.orderId);
    await this.deps.pubsub.publish(channels.shipment(shipment.orderId), { id: shipment.orderId, version }).catch((error: unknown) => {
      this.deps.log.warn('shipment change notice not published', { shipmentId: shipment.id, error: String(error) });
    });
  }
}

/** An order's tracking version: grows by one with every change to any of its shipments. */
function trackingVersion(shipments: ReadonlyArray<{ readonly version: number }>): number {
  return shipments.reduce((sum, s) => sum + s.version, 0);
}
