import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ProductRef } from './product.stub';

/** Default threshold under which `lowStock` is true, unless set per product. */
export const DEFAULT_LOW_STOCK_THRESHOLD = 5;

/** The numbers every stock rule works on. */
export interface StockLevels {
  readonly onHand: number;
  readonly reserved: number;
  readonly lowStockThreshold: number;
}

export const availableOf = (levels: StockLevels): number => Math.max(0, levels.onHand - levels.reserved);
export const isLowStock = (levels: StockLevels): boolean => availableOf(levels) <= levels.lowStockThreshold;

/**
 * Stock of one product: the sums over its warehouses (warehouse.entity.ts),
 * moved with them in the same unit of work. Every change is a compare-and-set on `version`
 * (see stock.ledger.ts), never a blind write, so concurrent changes from any
 * number of processes cannot overwrite each other; `onHand >= reserved` always.
 */
@Entity({ tableName: 'stock_levels' })
@ObjectType('StockLevel', { description: 'Stock of one product over all its warehouses: available = onHand - reserved.' })
@Directive('@key(fields: "productId")')
export class StockLevelEntity implements StockLevels {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  productId!: string;

  @Property({ type: 'integer' })
  @Field(() => Int)
  onHand = 0;

  @Property({ type: 'integer' })
  @Field(() => Int)
  reserved = 0;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'lowStock is true when available is at or below this.' })
  lowStockThreshold = DEFAULT_LOW_STOCK_THRESHOLD;

  /**
   * isLowStock of the stored levels, kept by the ledger with every change so
   * the low-stock list is one indexed query. Null only for rows written before
   * it existed, which inventory fills in at start-up.
   */
  @Property({ type: 'boolean', nullable: true })
  @Index()
  low: boolean | null = null;

  /** Bumped on every change; live-update consumers drop older versions. */
  @Property({ type: 'integer' })
  version = 0;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'onHand - reserved, never below 0.' })
  get available(): number {
    return availableOf(this);
  }

  @Field({ description: 'True when available is at or below the product\'s low-stock threshold.' })
  get lowStock(): boolean {
    return isLowStock(this);
  }

  @Field(() => ProductRef, { description: 'The product these levels are of.' })
  get product(): ProductRef {
    return Object.assign(new ProductRef(), { id: this.productId });
  }

  /** A product inventory has never stocked: nothing on hand, nothing reserved. */
  static empty(productId: string): StockLevelEntity {
    return StockLevelEntity.of(productId, 0);
  }

  static of(productId: string, onHand: number): StockLevelEntity {
    const row = Object.assign(new StockLevelEntity(), { productId, onHand });
    row.low = isLowStock(row);
    return row;
  }
}
