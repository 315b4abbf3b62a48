import { AUDIT_RECORDED, auditRecord } from '../../contracts/audit';
import type { RequestContext } from '../../platform/context';
import { checkId } from '../../platform/checks';
import { notFound } from '../../platform/errors';
import { zoneFor } from '../../platform/places';
import type { SubgraphDeps } from '../../platform/subgraph';
import { RateKind, ShippingMethodEntity, ShippingQuote, ShippingZoneEntity } from './zone.entity';
import type { ParcelInput, ShippingMethodInput, ShippingZoneInput } from './zone.inputs';
import { checkMethod, checkParcel, checkZone, priceOf } from './zone.rules';

/**
 * Zones and their methods (staff configure them, every change audited) and
 * the quote orders asks for a cart: the options of the one zone the address
 * falls in, priced for the parcel.
 */
export class ZoneService {
  constructor(private readonly deps: SubgraphDeps) {}

  /** Every zone with its methods, oldest first: two queries whatever the number of zones. */
  async zones(ctx: RequestContext): Promise<ShippingZoneEntity[]> {
    const zones = await ctx.em.find(ShippingZoneEntity, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const methods = await ctx.em.find(ShippingMethodEntity, { zoneId: { $in: zones.map((z) => z.id) } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    for (const zone of zones) zone.methods = methods.filter((m) => m.zoneId === zone.id);
    return zones;
  }

  async createZone(ctx: RequestContext, input: ShippingZoneInput): Promise<ShippingZoneEntity> {
    const checked = checkZone(input);
    const now = this.deps.clock.now();
    const zone = Object.assign(new ShippingZoneEntity(), { ...checked, createdAt: now });
    await this.deps.db.write(async (em) => {
      em.persist(zone);
      this.deps.outbox.add(em, AUDIT_RECORDED, auditRecord('shipping', ctx.caller, now, { action: 'shipping_zone.created', entityType: 'ShippingZone', entityId: zone.id, before: null, after: { ...checked } }));
    });
    return zone;
  }

  /** Adds a method to a zone; its bands are checked here, so a gap is refused at configuration, never met at checkout. */
  async addMethod(ctx: RequestContext, zoneId: string, input: ShippingMethodInput): Promise<ShippingMethodEntity> {
    const id = checkId(zoneId, 'zoneId');
    const checked = checkMethod(input);
    const now = this.deps.clock.now();
    const method = Object.assign(new ShippingMethodEntity(), { ...checked, zoneId: id, createdAt: now });
    await this.deps.db.write(async (em) => {
      if (!(await em.findOne(ShippingZoneEntity, { id }))) throw notFound('Shipping zone', id);
      em.persist(method);
      this.deps.outbox.add(em, AUDIT_RECORDED, auditRecord('shipping', ctx.caller, now, { action: 'shipping_method.created', entityType: 'ShippingMethod', entityId: method.id, before: null, after: { zoneId: id, ...checked } }));
    });
    return method;
  }

  /** Offers a method again, or stops offering it (carts that chose it are refused at placement). */
  async setMethodActive(ctx: RequestContext, methodId: string, active: boolean): Promise<ShippingMethodEntity> {
    const id = checkId(methodId, 'id');
    const now = this.deps.clock.now();
    return this.deps.db.write(async (em) => {
      const method = await em.findOne(ShippingMethodEntity, { id });
      if (!method) throw notFound('Shipping method', id);
      const before = { active: method.active };
      method.active = active;
      this.deps.outbox.add(em, AUDIT_RECORDED, auditRecord('shipping', ctx.caller, now, { action: 'shipping_method.updated', entityType: 'ShippingMethod', entityId: id, before, after: { active } }));
      return method;
    });
  }

  /** The active methods of the address's zone that apply to the parcel, cheapest first; none outside every zone. */
  async quote(ctx: RequestContext, input: ParcelInput): Promise<ShippingQuote[]> {
    const parcel = checkParcel(input);
    const zones = await ctx.em.find(ShippingZoneEntity, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const zone = zoneFor(zones, parcel);
    if (!zone) return [];
    const methods = await ctx.em.find(ShippingMethodEntity, { zoneId: zone.id, active: true }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return methods
      .flatMap((method) => {
        const amount = priceOf(method, parcel);
        if (amount === null) return [];
        const { id: methodId, name, kind, currency, minDays, maxDays, pickupLocation } = method;
        return [Object.assign(new ShippingQuote(), { methodId, name, kind, amount, currency, minDays, maxDays, pickupLocation })];
      })
      .sort((a, b) => a.amount - b.amount || a.maxDays - b.maxDays);
  }

  /** The demo zones (SEED_DEMO): France and the rest of the EU, in EUR as the demo products are. Idempotent. */
  async seedDemo(): Promise<void> {
    await this.deps.db.write(async (em) => {
      if ((await em.count(ShippingZoneEntity, {})) > 0) return;
      const now = this.deps.clock.now();
      const france = Object.assign(new ShippingZoneEntity(), { id: 'demo-zone-fr', name: 'France', countries: ['FR'], regions: [], createdAt: now });
      const europe = Object.assign(new ShippingZoneEntity(), {
        id: 'demo-zone-eu',
        name: 'European Union',
        countries: ['AT', 'BE', 'DE', 'ES', 'IE', 'IT', 'LU', 'NL', 'PT'],
        regions: [],
        createdAt: new Date(now.getTime() + 1),
      });
      const method = (id: string, zoneId: string, fields: Partial<ShippingMethodEntity>, offset: number) =>
        Object.assign(new ShippingMethodEntity(), { id, zoneId, currency: 'EUR', createdAt: new Date(now.getTime() + offset), ...fields });
      em.persist([
        france,
        europe,
        method('demo-method-fr-standard', france.id, { name: 'Colissimo', kind: RateKind.WEIGHT, bands: [{ from: 0, to: 1000, amount: 490 }, { from: 1000, to: 5000, amount: 790 }, { from: 5000, to: null, amount: 1490 }], freeOver: 6000, minDays: 2, maxDays: 4 }, 0),
        method('demo-method-fr-express', france.id, { name: 'Express', kind: RateKind.FLAT, amount: 1290, minDays: 1, maxDays: 1 }, 1),
        method('demo-method-fr-pickup', france.id, { name: 'Pickup at the Paris shop', kind: RateKind.PICKUP, amount: 0, pickupLocation: '12 rue de la Paix, 75002 Paris', minDays: 0, maxDays: 1 }, 2),
        method('demo-method-eu-standard', europe.id, { name: 'International standard', kind: RateKind.SUBTOTAL, bands: [{ from: 0, to: 5000, amount: 1290 }, { from: 5000, to: null, amount: 890 }], freeOver: 15000, minDays: 3, maxDays: 7 }, 3),
      ]);
    });
  }
}
