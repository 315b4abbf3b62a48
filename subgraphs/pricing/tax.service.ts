import { AUDIT_RECORDED, auditRecord } from '../../contracts/audit';
import type { RequestContext } from '../../platform/context';
import { checkId } from '../../platform/checks';
import { checkCountry } from '../../platform/places';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { PricingSettingsInput, TaxZoneInput } from './pricing.inputs';
import { checkTaxZone } from './promotion.rules';
import { PricingSettingsEntity, TaxClassEntity, TaxZoneEntity, type TaxCategory } from './tax.entity';
import { rulesChanged } from './price-book.service';

/** Tax zones, tax categories and the shop's pricing settings: staff only, every change audited. */
export class TaxService {
  constructor(private readonly deps: SubgraphDeps) {}

  zones(ctx: RequestContext): Promise<TaxZoneEntity[]> {
    return ctx.em.find(TaxZoneEntity, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  async createZone(ctx: RequestContext, input: TaxZoneInput): Promise<TaxZoneEntity> {
    const checked = checkTaxZone(input);
    const now = this.deps.clock.now();
    const zone = Object.assign(new TaxZoneEntity(), { ...checked, createdAt: now });
    await this.deps.db.write(async (em) => {
      em.persist(zone);
      this.deps.outbox.add(em, AUDIT_RECORDED, auditRecord('pricing', ctx.caller, now, { action: 'tax_zone.created', entityType: 'TaxZone', entityId: zone.id, before: null, after: { ...checked } }));
      await rulesChanged(em, this.deps.outbox);
    });
    return zone;
  }

  /** The tax category of a variant/product or a category (the product's own wins over its category's). */
  async setCategory(ctx: RequestContext, targetId: string, category: TaxCategory): Promise<TaxCategory> {
    const id = checkId(targetId, 'targetId');
    const now = this.deps.clock.now();
    await this.deps.db.write(async (em) => {
      const row = await em.findOne(TaxClassEntity, { targetId: id });
      const before = { category: row?.category ?? 'STANDARD' };
      if (row) row.category = category;
      else em.persist(Object.assign(new TaxClassEntity(), { targetId: id, category }));
      this.deps.outbox.add(em, AUDIT_RECORDED, auditRecord('pricing', ctx.caller, now, { action: 'tax_category.set', entityType: 'TaxCategory', entityId: id, before, after: { category } }));
      await rulesChanged(em, this.deps.outbox);
    });
    return category;
  }

  async settings(ctx: RequestContext): Promise<PricingSettingsEntity> {
    return (await ctx.em.findOne(PricingSettingsEntity, { id: 'shop' })) ?? new PricingSettingsEntity();
  }

  /** Inclusive or exclusive prices, and the default tax country. Carts are priced with it at once; placed orders keep their breakdown. */
  async updateSettings(ctx: RequestContext, input: PricingSettingsInput): Promise<PricingSettingsEntity> {
    const changes = {
      ...(input.pricesIncludeTax === undefined || input.pricesIncludeTax === null ? {} : { pricesIncludeTax: input.pricesIncludeTax }),
      ...(input.defaultCountry === undefined || input.defaultCountry === null ? {} : { defaultCountry: checkCountry(input.defaultCountry, 'defaultCountry') }),
    };
    const now = this.deps.clock.now();
    return this.deps.db.write(async (em) => {
      let row = await em.findOne(PricingSettingsEntity, { id: 'shop' });
      const before = row ? { pricesIncludeTax: row.pricesIncludeTax, defaultCountry: row.defaultCountry } : null;
      if (!row) {
        row = new PricingSettingsEntity();
        em.persist(row);
      }
      Object.assign(row, changes);
      this.deps.outbox.add(em, AUDIT_RECORDED, auditRecord('pricing', ctx.caller, now, { action: 'pricing_settings.updated', entityType: 'PricingSettings', entityId: 'shop', before, after: changes }));
      await rulesChanged(em, this.deps.outbox);
      return row;
    });
  }

  /** The demo shop (SEED_DEMO): prices include tax, French VAT (20%, 5.5% reduced). Idempotent. */
  async seedDemo(): Promise<void> {
    await this.deps.db.write(async (em) => {
      if ((await em.count(TaxZoneEntity, {})) > 0) return;
      em.persist(Object.assign(new TaxZoneEntity(), { id: 'demo-tax-fr', name: 'France', countries: ['FR'], regions: [], standardRate: 2000, reducedRate: 550, zeroRate: 0, createdAt: this.deps.clock.now() }));
      await rulesChanged(em, this.deps.outbox);
    });
  }
}
