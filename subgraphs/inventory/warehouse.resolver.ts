import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { ConnectionArgs, connectionType, type Connection } from '../../platform/graphql-types';
import type { InventoryServices } from './inventory.services';
import { ProductRef } from './product.stub';
import { ownerOf } from './stock.entity';
import { ProductVariantRef } from './variant.stub';
import { StockTransferEntity, WarehouseEntity, WarehouseStockEntity } from './warehouse.entity';
import { CreateWarehouseInput, TransferStockInput, UpdateWarehouseInput } from './warehouse.inputs';

export const WarehouseStockConnection = connectionType('WarehouseStock', WarehouseStockEntity);

@Resolver(() => WarehouseEntity)
export class WarehouseResolver {
  constructor(private readonly services: InventoryServices) {}

  @Authorized('AGENT', 'ADMIN')
  @Query(() => [WarehouseEntity], { description: 'Every warehouse, highest priority first.' })
  warehouses(@Ctx() ctx: RequestContext): Promise<WarehouseEntity[]> {
    return this.services.warehouses.list(ctx);
  }

  @Authorized('ADMIN')
  @Mutation(() => WarehouseEntity, { description: 'CONFLICT (field "code") when the code is taken.' })
  createWarehouse(@Ctx() ctx: RequestContext, @Arg('input', () => CreateWarehouseInput) input: CreateWarehouseInput): Promise<WarehouseEntity> {
    return this.services.warehouses.create(ctx, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => WarehouseEntity, { description: 'Changes the given fields; deactivating a warehouse stops reservations taking from it.' })
  updateWarehouse(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWarehouseInput) input: UpdateWarehouseInput,
  ): Promise<WarehouseEntity> {
    return this.services.warehouses.update(ctx, id, input);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => StockTransferEntity, {
    description: 'Moves available units of a product between warehouses; CONFLICT (reason INSUFFICIENT_STOCK, extensions.shortages) when the source has fewer, nothing moved.',
  })
  transferStock(@Ctx() ctx: RequestContext, @Arg('input', () => TransferStockInput) input: TransferStockInput): Promise<StockTransferEntity> {
    return this.services.warehouses.transfer(ctx, input);
  }

  @Authorized('AGENT', 'ADMIN')
  @Query(() => WarehouseStockConnection, { description: "Products whose available units in the warehouse are at or below the warehouse's threshold for them, by product id." })
  warehouseLowStock(
    @Ctx() ctx: RequestContext,
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ): Promise<Connection<WarehouseStockEntity>> {
    return this.services.warehouses.lowStock(ctx, warehouseId, page);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => WarehouseStockEntity, { description: "The warehouse's low-stock threshold for a product (the product's overall one is setLowStockThreshold)." })
  setWarehouseLowStockThreshold(
    @Ctx() ctx: RequestContext,
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('productId', () => ID) productId: string,
    @Arg('threshold', () => Int) threshold: number,
  ): Promise<WarehouseStockEntity> {
    return this.services.warehouses.setLowStockThreshold(ctx, warehouseId, productId, threshold);
  }
}

@Resolver(() => WarehouseStockEntity)
export class WarehouseStockResolver {
  constructor(private readonly services: InventoryServices) {}

  @FieldResolver(() => WarehouseEntity)
  async warehouse(@Ctx() ctx: RequestContext, @Root() row: WarehouseStockEntity): Promise<WarehouseEntity> {
    const warehouse = await this.services.warehouses.byId(ctx, row.warehouseId);
    if (!warehouse) throw new Error(`Stock row of unknown warehouse ${row.warehouseId}`);
    return warehouse;
  }

  @FieldResolver(() => ProductRef, { description: 'The product these levels are of (for a variant, the product it belongs to).' })
  async product(@Ctx() ctx: RequestContext, @Root() row: WarehouseStockEntity): Promise<ProductRef> {
    if (row.summed) return Object.assign(new ProductRef(), { id: row.productId });
    return Object.assign(new ProductRef(), { id: ownerOf(await this.services.stock.forVariant(ctx, row.productId)) });
  }

  @FieldResolver(() => ProductVariantRef, { nullable: true, description: "The variant these levels are of; null for a product's sum over several variants." })
  variant(@Root() row: WarehouseStockEntity): ProductVariantRef | null {
    return row.summed ? null : Object.assign(new ProductVariantRef(), { id: row.productId });
  }
}

@Resolver(() => StockTransferEntity)
export class StockTransferResolver {
  constructor(private readonly services: InventoryServices) {}

  @FieldResolver(() => [WarehouseStockEntity], { description: 'The stock of the product in the source and destination warehouses now.' })
  async stock(@Ctx() ctx: RequestContext, @Root() transfer: StockTransferEntity): Promise<WarehouseStockEntity[]> {
    const rows = await this.services.warehouses.stockOfVariant(ctx, transfer.productId);
    return rows.filter((row) => row.warehouseId === transfer.fromWarehouseId || row.warehouseId === transfer.toWarehouseId);
  }
}

@Resolver(() => ProductRef)
export class ProductWarehouseStockResolver {
  constructor(private readonly services: InventoryServices) {}

  @Authorized('AGENT', 'ADMIN')
  @FieldResolver(() => [WarehouseStockEntity], {
    nullable: true,
    description: "Staff only: the stock in each warehouse holding the product (summed over its variants), highest priority first; Product.stock is their sum.",
  })
  stockByWarehouse(@Ctx() ctx: RequestContext, @Root() product: ProductRef): Promise<WarehouseStockEntity[]> {
    return this.services.warehouses.stockOf(ctx, product.id);
  }
}

@Resolver(() => ProductVariantRef)
export class VariantWarehouseStockResolver {
  constructor(private readonly services: InventoryServices) {}

  @Authorized('AGENT', 'ADMIN')
  @FieldResolver(() => [WarehouseStockEntity], {
    nullable: true,
    description: "Staff only: this variant's own stock in each warehouse holding it, highest priority first; ProductVariant.stock is their sum.",
  })
  stockByWarehouse(@Ctx() ctx: RequestContext, @Root() variant: ProductVariantRef): Promise<WarehouseStockEntity[]> {
    return this.services.warehouses.stockOfVariant(ctx, variant.id);
  }
}
