import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
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
 * Stock of one variant over all its warehouses (the row's `productId` is the
 * variant's id; a product's default variant has the product's id, so rows
 * written before variants keep naming a valid variant), moved with its
 * warehouse rows (warehouse.entity.ts) in the same unit of work; or, built for
 * reads, the sum over a product's variants. Every change is a compare-and-set on `version`
 * (see stock.ledger.ts), never a blind write, so concurrent changes from any
 * number of processes cannot overwrite each other; `onHand >= reserved` always.
 */
@Entity({ tableName: 'stock_levels' })
@ObjectType('StockLevel', {
  description:
    "Stock of one variant over all its warehouses, or of a product: the sum over its variants (a product's id names that sum). available = onHand - reserved.",
})
@Directive('@key(fields: "productId")')
export class StockLevelEntity implements StockLevels {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID, { description: 'The id these levels were asked by: a product (the sum over its variants) or a variant.' })
  productId!: string;

  /**
   * The product the variant belongs to, learnt from catalog when the row is
   * first stocked; null for rows written before variants, whose id is their
   * product's (its default variant). See ownerOf.
   */
  @Property({ type: 'string', nullable: true })
  @Index()
  owningProductId: string | null = null;

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

  @Field(() => ProductRef, { description: 'The product these levels are of (for a variant, the product it belongs to).' })
  get product(): ProductRef {
    return Object.assign(new ProductRef(), { id: ownerOf(this) });
  }

  /** Set on sums built for reads (levelsOf); a stored row is always one variant's. */
  summed?: boolean;

  @Field(() => ID, { nullable: true, description: "The variant these levels are of; null for a product's sum over several variants." })
  get variantId(): string | null {
    return this.summed ? null : this.productId;
  }

  /** A variant inventory has never stocked: nothing on hand, nothing reserved. */
  static empty(productId: string): StockLevelEntity {
    return StockLevelEntity.of(productId, 0);
  }

  static of(productId: string, onHand: number, owningProductId: string = productId): StockLevelEntity {
    const row = Object.assign(new StockLevelEntity(), { productId, onHand, owningProductId });
    row.low = isLowStock(row);
    return row;
  }
}

/** The product a stock row's variant belongs to. */
export const ownerOf = (row: Pick<StockLevelEntity, 'productId' | 'owningProductId'>): string => row.owningProductId ?? row.productId;

/**
 * The levels a product id or variant id names: a variant's own row, or the
 * sum over the rows of a product's variants (onHand and reserved added,
 * versions added so every change of any variant raises it, the threshold of
 * the product's own row). `rows` are the rows owned by or named `id`.
 */
export function levelsOf(id: string, rows: readonly StockLevelEntity[]): StockLevelEntity {
  const mine = rows.filter((row) => row.productId === id || ownerOf(row) === id);
  const own = mine.find((row) => row.productId === id);
  if (mine.length === 0) return StockLevelEntity.empty(id);
  if (mine.length === 1 && own) return own;
  const sum = Object.assign(StockLevelEntity.empty(id), {
    owningProductId: id,
    summed: true,
    onHand: mine.reduce((total, row) => total + row.onHand, 0),
    reserved: mine.reduce((total, row) => total + row.reserved, 0),
    lowStockThreshold: own?.lowStockThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD,
    version: mine.reduce((total, row) => total + row.version, 0),
  });
  sum.low = isLowStock(sum);
  return sum;
}
