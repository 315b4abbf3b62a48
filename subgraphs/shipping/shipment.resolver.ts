import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { ShipmentEntity, ShipmentLine } from './shipment.entity';
import { ShipmentLineInput } from './shipment.inputs';
import { variantOf } from './shipment.rules';
import type { ShippingServices } from './shipping.services';

@Resolver(() => ShipmentEntity)
export class ShipmentResolver {
  constructor(private readonly services: ShippingServices) {}

  @Authorized()
  @Query(() => [ShipmentEntity], { description: "The order's shipments, oldest first: its customer and staff (NOT_FOUND for anyone else)." })
  shipments(@Ctx() ctx: RequestContext, @Arg('orderId', () => ID) orderId: string): Promise<ShipmentEntity[]> {
    return this.services.shipments.forOrder(ctx, orderId);
  }

  @Authorized()
  @Query(() => ShipmentEntity, { nullable: true, description: "The order's most recently changed shipment (version: the order's tracking version); null before the first or for an order the caller may not see." })
  orderTracking(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ShipmentEntity | null> {
    return this.services.shipments.latest(ctx, id);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => ShipmentEntity, {
    description:
      'Ships lines of a paid order (none: every unit not yet shipped) and buys the label from the carrier (default: SHIPPING_CARRIER). The carrier down: LABEL_PENDING, retried, the order not shipped by it. More units than are left: BAD_USER_INPUT naming the line. Audited.',
  })
  createShipment(
    @Ctx() ctx: RequestContext,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('lines', () => [ShipmentLineInput], { nullable: true }) lines: ShipmentLineInput[] | null,
    @Arg('carrier', () => String, { nullable: true }) carrier: string | null,
  ): Promise<ShipmentEntity> {
    return this.services.shipments.create(ctx, orderId, lines ?? null, carrier ?? null);
  }
}

@Resolver(() => ShipmentLine)
export class ShipmentLineResolver {
  // Lines stored before variants carry no variantId: theirs is the product's default variant.
  @FieldResolver(() => ID, { description: "The variant the units are of (a product's default variant has the product's id)." })
  variantId(@Root() line: ShipmentLine): string {
    return variantOf(line);
  }
}
