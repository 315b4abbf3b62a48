import { Arg, Authorized, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { ShippingMethodEntity, ShippingQuote, ShippingZoneEntity } from './zone.entity';
import { ParcelInput, ShippingMethodInput, ShippingZoneInput } from './zone.inputs';
import type { ShippingServices } from './shipping.services';

@Resolver(() => ShippingZoneEntity)
export class ZoneResolver {
  constructor(private readonly services: ShippingServices) {}

  @Authorized('AGENT', 'ADMIN')
  @Query(() => [ShippingZoneEntity], { description: 'Every shipping zone with its methods, oldest first.' })
  shippingZones(@Ctx() ctx: RequestContext): Promise<ShippingZoneEntity[]> {
    return this.services.zones.zones(ctx);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ShippingZoneEntity, { description: 'A zone of countries (or regions of them). Audited.' })
  createShippingZone(@Ctx() ctx: RequestContext, @Arg('input', () => ShippingZoneInput) input: ShippingZoneInput): Promise<ShippingZoneEntity> {
    return this.services.zones.createZone(ctx, input);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ShippingMethodEntity, {
    description: 'A method of a zone. Bands must be contiguous from 0: a gap or an overlap is BAD_USER_INPUT naming the band. NOT_FOUND for an unknown zone. Audited.',
  })
  addShippingMethod(@Ctx() ctx: RequestContext, @Arg('zoneId', () => ID) zoneId: string, @Arg('input', () => ShippingMethodInput) input: ShippingMethodInput): Promise<ShippingMethodEntity> {
    return this.services.zones.addMethod(ctx, zoneId, input);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ShippingMethodEntity, { description: 'Offers a method, or stops offering it. Audited.' })
  setShippingMethodActive(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('active') active: boolean): Promise<ShippingMethodEntity> {
    return this.services.zones.setMethodActive(ctx, id, active);
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Query(() => [ShippingQuote], { description: 'The priced options for a destination and parcel, cheapest first; none outside every zone (contracts/shipping-api.ts).' })
  shippingQuote(@Ctx() ctx: RequestContext, @Arg('parcel', () => ParcelInput) parcel: ParcelInput): Promise<ShippingQuote[]> {
    return this.services.zones.quote(ctx, parcel);
  }
}
