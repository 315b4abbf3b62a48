import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { newId } from '../../platform/ids';
import { availableOf, isLowStock, type StockLevels } from './stock.entity';

/**
 * The warehouse every stock operation without a warehouse means, created at
 * start-up; stock from before warehouses existed was moved into it. A fixed
 * id, so every process creating it at once creates the same one.
 */
export const DEFAULT_WAREHOUSE = { id: 'warehouse-default', code: 'DEFAULT', name: 'Default warehouse', country: 'ZZ', region: null, city: 'Unspecified', priority: 0 } as const;

/** A place stock is kept and shipped from; reservations take from active ones, highest priority first. */
@Entity({ tableName: 'warehouses' })
@ObjectType('Warehouse', { description: 'A place stock is kept and shipped from (staff only).' })
export class WarehouseEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  /** Upper case; unique. */
  @Property({ type: 'string' })
  @Unique()
  @Field({ description: 'Unique, upper case (A-Z, 0-9, "-" and "_").' })
  code!: string;

  @Property({ type: 'string' })
  @Field()
  name!: string;

  @Property({ type: 'string' })
  @Field({ description: 'ISO 3166-1 alpha-2 country code ("ZZ": unspecified).' })
  country!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'State, province or region.' })
  region: string | null = null;

  @Property({ type: 'string' })
  @Field()
  city!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Reservations take from higher priorities first.' })
  priority = 0;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: 'Reservations take only from active warehouses; stock in an inactive one stays counted until transferred out.' })
  active = true;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  @Field(() => Date)
  updatedAt: Date = new Date();
}

/**
 * Stock of one variant in one warehouse (`productId` holds the variant's id,
 * as in StockLevel; a product's default variant has the product's id), or,
 * built for reads, a product's sum over its variants there. The variant's
 * StockLevel row holds the sums over its warehouses, kept by the same unit of work as every change
 * here (warehouse.ledger.ts), so existing readers of the totals see one number.
 */
@Entity({ tableName: 'warehouse_stock' })
@Unique({ properties: ['warehouseId', 'productId'] })
@Index({ properties: ['warehouseId', 'low', 'productId'] })
@ObjectType('WarehouseStock', { description: "Stock of one variant in one warehouse, or of a product there (the sum over its variants): available = onHand - reserved." })
export class WarehouseStockEntity implements StockLevels {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  @Field(() => ID)
  warehouseId!: string;

  @Property({ type: 'string' })
  @Index()
  @Field(() => ID, { description: 'The variant these levels are of, or the product for a sum over its variants (as StockLevel.productId).' })
  productId!: string;

  /** Set on sums built for reads (sumsPerWarehouse in warehouse.service.ts); a stored row is always one variant's. */
  summed?: boolean;

  @Property({ type: 'integer' })
  @Field(() => Int)
  onHand = 0;

  @Property({ type: 'integer' })
  @Field(() => Int)
  reserved = 0;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'lowStock is true when available in this warehouse is at or below this (0 by default: low once empty).' })
  lowStockThreshold = 0;

  /** isLowStock of the stored levels, kept with every change so the per-warehouse low list is one indexed query. */
  @Property({ type: 'boolean' })
  low = true;

  @Property({ type: 'integer' })
  version = 0;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'onHand - reserved, never below 0.' })
  get available(): number {
    return availableOf(this);
  }

  @Field({ description: "True when available here is at or below this warehouse's threshold for the product." })
  get lowStock(): boolean {
    return isLowStock(this);
  }

  static of(warehouseId: string, productId: string, levels: Omit<StockLevels, 'lowStockThreshold'> & { lowStockThreshold?: number }): WarehouseStockEntity {
    const row = Object.assign(new WarehouseStockEntity(), { warehouseId, productId, ...levels });
    row.low = isLowStock(row);
    return row;
  }
}

/**
 * A transfer between warehouses, keyed per actor by its idempotency key: a
 * retry answers this record and moves nothing again. Written in the same unit
 * of work as the two TRANSFER movements.
 */
@Entity({ tableName: 'stock_transfers' })
@Unique({ properties: ['actorId', 'idempotencyKey'] })
@ObjectType('StockTransfer', { description: 'Units moved from one warehouse to another.' })
export class StockTransferEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Field(() => ID)
  productId!: string;

  @Property({ type: 'string' })
  @Field(() => ID)
  fromWarehouseId!: string;

  @Property({ type: 'string' })
  @Field(() => ID)
  toWarehouseId!: string;

  @Property({ type: 'integer' })
  @Field(() => Int)
  quantity!: number;

  @Property({ type: 'string' })
  @Field()
  reason!: string;

  @Property({ type: 'string' })
  @Field(() => ID)
  actorId!: string;

  @Property({ type: 'string' })
  idempotencyKey!: string;

  @Property({ type: 'datetime' })
  @Field()
  at!: Date;
}
