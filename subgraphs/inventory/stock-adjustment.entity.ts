import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from '../../platform/ids';

/**
 * An adjustment made with an idempotency key, and the levels it left: a
 * retry with the same key (per actor) answers these and changes nothing.
 * Written in the same unit of work as the adjustment itself.
 */
@Entity({ tableName: 'stock_adjustment_keys' })
@Unique({ properties: ['actorId', 'key'] })
export class StockAdjustmentKeyEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  actorId!: string;

  @Property({ type: 'string' })
  key!: string;

  @Property({ type: 'string' })
  productId!: string;

  /** Null on keys recorded before warehouses: those adjustments were of the default warehouse. */
  @Property({ type: 'string', nullable: true })
  warehouseId: string | null = null;

  @Property({ type: 'integer' })
  delta!: number;

  @Property({ type: 'integer' })
  onHand!: number;

  @Property({ type: 'integer' })
  reserved!: number;

  @Property({ type: 'integer' })
  lowStockThreshold!: number;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
