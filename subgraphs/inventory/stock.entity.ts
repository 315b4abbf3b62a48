import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** Default threshold under which `lowStock` is true, unless set per product. */
export const DEFAULT_LOW_STOCK_THRESHOLD = 5;

@Entity({ tableName: 'stock_levels' })
@ObjectType('StockLevel', { description: 'Stock of one product: available = onHand - reserved.' })
@Directive('@key(fields: "productId")')
export class StockLevelEntity {
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
  lowStockThreshold = DEFAULT_LOW_STOCK_THRESHOLD;

  /** Bumped on every change; live-update consumers drop older versions. */
  @Property({ type: 'integer' })
  version = 0;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'onHand - reserved, never below 0.' })
  get available(): number {
    return Math.max(0, this.onHand - this.reserved);
  }

  @Field({ description: 'True when available is at or below the product\'s low-stock threshold.' })
  get lowStock(): boolean {
    return this.available <= this.lowStockThreshold;
  }

  /** A product inventory has never stocked: nothing on hand, nothing reserved. */
  static empty(productId: string): StockLevelEntity {
    return Object.assign(new StockLevelEntity(), { productId });
  }
}
