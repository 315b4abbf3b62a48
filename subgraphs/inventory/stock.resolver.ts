import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { ConnectionArgs, connectionType, type Connection } from '../../platform/graphql-types';
import type { InventoryServices } from './inventory.services';
import { ProductRef } from './product.stub';
import { ProductVariantRef } from './variant.stub';
import { StockMovementEntity } from './stock-movement.entity';
import { StockLevelEntity } from './stock.entity';
import { StockLevelInput } from './stock.inputs';
import { StockLevelResult } from './stock.results';
import { MAX_STOCK_FEED_ITEMS } from './stock.rules';

export const StockMovementConnection = connectionType('StockMovement', StockMovementEntity);
export const StockLevelConnection = connectionType('StockLevel', StockLevelEntity);

const WAREHOUSE = 'The warehouse whose stock this is; the default warehouse when omitted. NOT_FOUND (field "warehouseId") for an unknown one.';

const IDEMPOTENCY_KEY =
  'Up to 100 characters, unique per adjustment you mean (a delivery note number): the same key again from the same caller (a retry after a timeout) answers the levels the first call left and counts once; the same key for another product or delta is a CONFLICT.';

@Resolver(() => ProductRef)
export class ProductStockResolver {
  constructor(private readonly services: InventoryServices) {}

  @FieldResolver(() => StockLevelEntity, { description: 'The sum over the product\'s variants (each variant\'s own is ProductVariant.stock).' })
  stock(@Ctx() ctx: RequestContext, @Root() product: ProductRef): Promise<StockLevelEntity> {
    return this.services.stock.forProduct(ctx, product.id);
  }
}

@Resolver(() => ProductVariantRef)
export class VariantStockResolver {
  constructor(private readonly services: InventoryServices) {}

  @FieldResolver(() => StockLevelEntity, {
    nullable: true,
    description: "This variant's own levels (for a product's default variant too: Product.stock is the sum over the variants). Null, with an error, when inventory is down.",
  })
  stock(@Ctx() ctx: RequestContext, @Root() variant: ProductVariantRef): Promise<StockLevelEntity> {
    return this.services.stock.forVariant(ctx, variant.id);
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
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ): Promise<Connection<StockMovementEntity>> {
    return this.services.stock.movements(ctx, productId, page);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => StockLevelEntity, { description: 'Sets the counted units on hand; refused below what is reserved for orders.' })
  setStock(
    @Ctx() ctx: RequestContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('onHand', () => Int) onHand: number,
    @Arg('warehouseId', () => ID, { nullable: true, description: WAREHOUSE }) warehouseId: string | null,
  ): Promise<StockLevelEntity> {
    return this.services.stock.setStock(ctx, productId, onHand, warehouseId ?? null);
  }

  // SERVICE too: shipping restocks returned units through this same audited path.
  @Authorized('AGENT', 'ADMIN', 'SERVICE')
  @Mutation(() => StockLevelEntity, {
    description: 'Adds delta units on hand (negative removes), with the reason recorded; refused if onHand would fall below what is reserved.',
  })
  adjustStock(
    @Ctx() ctx: RequestContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('delta', () => Int) delta: number,
    @Arg('reason', () => String) reason: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY })
    idempotencyKey: string | null,
    @Arg('warehouseId', () => ID, { nullable: true, description: WAREHOUSE }) warehouseId: string | null,
  ): Promise<StockLevelEntity> {
    return this.services.stock.adjustStock(ctx, productId, delta, reason, idempotencyKey ?? null, warehouseId ?? null);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => StockLevelEntity, { description: 'setStock for the product with this SKU (ignoring case); NOT_FOUND (field "sku") for an unknown SKU.' })
  setStockBySku(
    @Ctx() ctx: RequestContext,
    @Arg('sku', () => String) sku: string,
    @Arg('onHand', () => Int) onHand: number,
    @Arg('warehouseId', () => ID, { nullable: true, description: WAREHOUSE }) warehouseId: string | null,
  ): Promise<StockLevelEntity> {
    return this.services.stock.setStockBySku(ctx, sku, onHand, warehouseId ?? null);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => StockLevelEntity, { description: 'adjustStock for the product with this SKU (ignoring case); NOT_FOUND (field "sku") for an unknown SKU.' })
  adjustStockBySku(
    @Ctx() ctx: RequestContext,
    @Arg('sku', () => String) sku: string,
    @Arg('delta', () => Int) delta: number,
    @Arg('reason', () => String) reason: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY })
    idempotencyKey: string | null,
    @Arg('warehouseId', () => ID, { nullable: true, description: WAREHOUSE }) warehouseId: string | null,
  ): Promise<StockLevelEntity> {
    return this.services.stock.adjustStockBySku(ctx, sku, delta, reason, idempotencyKey ?? null, warehouseId ?? null);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => [StockLevelResult], {
    description: `A stock feed: onHand by SKU for up to ${MAX_STOCK_FEED_ITEMS} products, one result per item in input order (a bad item does not stop the others). A figure already stored is UNCHANGED, so a feed sent twice changes nothing. More items are refused whole (BAD_USER_INPUT).`,
  })
  setStockLevels(
    @Ctx() ctx: RequestContext,
    @Arg('items', () => [StockLevelInput]) items: StockLevelInput[],
    @Arg('warehouseId', () => ID, { nullable: true, description: WAREHOUSE }) warehouseId: string | null,
  ): Promise<StockLevelResult[]> {
    return this.services.stock.setStockLevels(ctx, items, warehouseId ?? null);
  }

  @Authorized('AGENT', 'ADMIN')
  @Query(() => StockLevelConnection, {
    description: "Products whose available stock is at or below their low-stock threshold (lowStockThreshold), by product id; select product { sku name } for what they are.",
  })
  lowStock(@Ctx() ctx: RequestContext, @Args(() => ConnectionArgs) page: ConnectionArgs): Promise<Connection<StockLevelEntity>> {
    return this.services.stock.lowStock(ctx, page);
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
