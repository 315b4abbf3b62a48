import { Arg, Authorized, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import type { InventoryServices } from './inventory.services';
import { ReservationEntity } from './reservation.entity';
import { ReservationLineInput } from './reservation.inputs';

/**
 * The internal reservation API orders calls (documented in contracts/inventory-api.ts):
 * SERVICE callers only, and @inaccessible, so the gateway never exposes it.
 */
@Resolver(() => ReservationEntity)
export class ReservationResolver {
  constructor(private readonly services: InventoryServices) {}

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Query(() => ReservationEntity, { nullable: true })
  reservation(@Ctx() ctx: RequestContext, @Arg('orderId', () => ID) orderId: string): Promise<ReservationEntity | null> {
    return this.services.reservations.get(ctx, orderId);
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Mutation(() => ReservationEntity, {
    description: 'Holds stock for every line or for none; CONFLICT with extensions.shortages when short. Idempotent by orderId.',
  })
  reserveStock(
    @Ctx() ctx: RequestContext,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('lines', () => [ReservationLineInput]) lines: ReservationLineInput[],
  ): Promise<ReservationEntity> {
    return this.services.reservations.reserve(ctx, orderId, lines);
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Mutation(() => ReservationEntity, { description: 'Returns held stock to available. Idempotent.' })
  releaseReservation(
    @Ctx() ctx: RequestContext,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ): Promise<ReservationEntity> {
    return this.services.reservations.release(ctx, orderId, reason);
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Mutation(() => ReservationEntity, { description: 'Puts the units of a committed reservation back on hand (a sale taken back before shipping). Idempotent.' })
  returnReservation(
    @Ctx() ctx: RequestContext,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ): Promise<ReservationEntity> {
    return this.services.reservations.returnSold(ctx, orderId, reason);
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Mutation(() => ReservationEntity, { description: 'Turns held stock into a sale. Idempotent.' })
  commitReservation(@Ctx() ctx: RequestContext, @Arg('orderId', () => ID) orderId: string): Promise<ReservationEntity> {
    return this.services.reservations.commit(ctx, orderId);
  }
}
