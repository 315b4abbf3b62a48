import type { EntityManager } from '@mikro-orm/core';
import { PRICING_EVENTS, type PriceBook } from '../../contracts/pricing-api';
import type { TaxCategory } from '../../contracts/pricing-rules';
import { newId } from '../../platform/ids';
import type { SubgraphDeps } from '../../platform/subgraph';
import { PriceBookVersionEntity } from './price-book.entity';
import { PriceRuleEntity } from './price-rule.entity';
import { PromotionEntity } from './promotion.entity';
import { CustomerGroupEntity, PricingSettingsEntity, TaxClassEntity, TaxZoneEntity } from './tax.entity';

/** Before any change was recorded: older than every version a change makes. */
const FIRST_VERSION = '0';

/**
 * Moves the rules' version and announces it (`pricing.rules_changed`), in
 * the unit of work of the change: orders' copy learns of every change that
 * commits, and of none that does not.
 */
export async function rulesChanged(em: EntityManager, outbox: SubgraphDeps['outbox']): Promise<void> {
  const version = newId();
  await em.upsert(PriceBookVersionEntity, { id: 'shop', version });
  outbox.add(em, PRICING_EVENTS.rulesChanged, { version });
}

/** priceBook (contracts/pricing-api.ts): every rule an order is priced by, read in one unit, with its version. */
export class PriceBookService {
  constructor(private readonly deps: SubgraphDeps) {}

  book(): Promise<PriceBook> {
    return this.deps.db.read(async (em) => {
      // The version first: a change committing meanwhile makes the book newer than it says, never older, and its event brings it again.
      const version = (await em.findOne(PriceBookVersionEntity, { id: 'shop' }))?.version ?? FIRST_VERSION;
      const [rules, automatic, zones, classes, settings, groups] = await Promise.all([
        em.find(PriceRuleEntity, {}),
        em.find(PromotionEntity, { code: null, active: true }),
        em.find(TaxZoneEntity, {}, { orderBy: { createdAt: 'asc', id: 'asc' } }),
        em.find(TaxClassEntity, {}),
        em.findOne(PricingSettingsEntity, { id: 'shop' }),
        em.find(CustomerGroupEntity, {}),
      ]);
      const shop = settings ?? new PricingSettingsEntity();
      return {
        version,
        rules: rules.map(({ id, kind, variantId, categoryId, currency, amount, percentOff, customerGroup, minQuantity, startsAt, endsAt }) => ({
          id,
          kind,
          variantId,
          categoryId,
          currency,
          amount,
          percentOff,
          customerGroup,
          minQuantity,
          startsAt,
          endsAt,
        })),
        automatic: automatic.map((p) => p.toPromotion()),
        zones: zones.map(({ countries, regions, rates }) => ({ countries, regions, rates })),
        taxClasses: new Map(classes.map((c) => [c.targetId, c.category as TaxCategory])),
        pricesIncludeTax: shop.pricesIncludeTax,
        defaultCountry: shop.defaultCountry,
        customerGroups: new Map(groups.map((g) => [g.userId, g.group])),
      };
    });
  }
}
