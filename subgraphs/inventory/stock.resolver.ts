import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { connectionType, type Connection } from '../../platform/graphql-types';
import type { InventoryServices } from './inventory.services';
import { ProductRef } from './product.stub';
import { StockMovementEntity } from './stock-movement.entity';
import { StockLevelEntity } from './stock.entity';

export const StockMovementConnection = connectionType('StockMovement', StockMovementEntity);

@Resolver(() => ProductRef)
export class ProductStockResolver {
  constructor(private readonly services: InventoryServices) {}

  @FieldResolver(() => StockLevelEntity)
  stock(@Ctx() ctx: RequestContext, @Root() product: ProductRef): Promise<StockLevelEntity> {
    return this.services.stock.forProduct(ctx, product.id);
  }
}

@Resolver(() => StockLevelEntity)
export class StockResolver {
  constructor(private readonly services: InventoryServices) {}

  @Authorized('AGENT', 'ADMIN')
  @Query(() => StockMovementConnection, { description: 'Every change of a product\'s stock (set, adjust, reserve, release, commit), newest first.' })
  stockMovements(
    @Ctx() ctx: RequestContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<StockMovementEntity>> {
    return this.services.stock.movements(ctx, productId, { first: first ?? 20, after });
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => StockLevelEntity, { description: 'Sets the counted units on hand; refused below what is reserved for orders.' })
  setStock(@Ctx() ctx: RequestContext, @Arg('productId', () => ID) productId: string, @Arg('onHand', () => Int) onHand: number): Promise<StockLevelEntity> {
    return this.services.stock.setStock(ctx, productId, onHand);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => StockLevelEntity, {
    description: 'Adds delta units on hand (negative removes), with the reason recorded; refused if onHand would fall below what is reserved.',
  })
  adjustStock(
    @Ctx() ctx: RequestContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('delta', () => Int) delta: number,
    @Arg('reason', () => String) reason: string,
  ): Promise<StockLevelEntity> {
    return this.services.stock.adjustStock(ctx, productId, delta, reason);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => StockLevelEntity, { description: 'lowStock (and a stock.low alert) trigger when available falls to this figure or below.' })
  setLowStockThreshold(
    @Ctx() ctx: RequestContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('threshold', () => Int) threshold: number,
  ): Promise<StockLevelEntity> {
    return this.services.stock.setLowStockThreshold(ctx, productId, threshold);
  }
}
