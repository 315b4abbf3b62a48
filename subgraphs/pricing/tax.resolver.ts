import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { PricingSettingsInput, TaxZoneInput } from './pricing.inputs';
import type { PricingServices } from './pricing.services';
import { PricingSettingsEntity, TaxCategory, TaxZoneEntity } from './tax.entity';

@Resolver(() => TaxZoneEntity)
export class TaxResolver {
  constructor(private readonly services: PricingServices) {}

  @Authorized('AGENT', 'ADMIN')
  @Query(() => [TaxZoneEntity], { description: 'Every tax zone with its rates, oldest first.' })
  taxZones(@Ctx() ctx: RequestContext): Promise<TaxZoneEntity[]> {
    return this.services.tax.zones(ctx);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => TaxZoneEntity, { description: 'Rates (basis points) for countries or regions of them. Audited.' })
  createTaxZone(@Ctx() ctx: RequestContext, @Arg('input', () => TaxZoneInput) input: TaxZoneInput): Promise<TaxZoneEntity> {
    return this.services.tax.createZone(ctx, input);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => TaxCategory, { description: 'The tax category of a variant, product or category. Audited.' })
  setTaxCategory(@Ctx() ctx: RequestContext, @Arg('targetId', () => ID) targetId: string, @Arg('category', () => TaxCategory) category: TaxCategory): Promise<TaxCategory> {
    return this.services.tax.setCategory(ctx, targetId, category);
  }

  @Authorized('AGENT', 'ADMIN')
  @Query(() => PricingSettingsEntity)
  pricingSettings(@Ctx() ctx: RequestContext): Promise<PricingSettingsEntity> {
    return this.services.tax.settings(ctx);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => PricingSettingsEntity, { description: 'Prices entered tax-inclusive or exclusive; the default tax country. Audited.' })
  updatePricingSettings(@Ctx() ctx: RequestContext, @Arg('input', () => PricingSettingsInput) input: PricingSettingsInput): Promise<PricingSettingsEntity> {
    return this.services.tax.updateSettings(ctx, input);
  }
}
