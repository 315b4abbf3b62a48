import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../platform/ids';

export enum StockMovementKind {
  SET = 'SET',
  ADJUST = 'ADJUST',
  RESERVE = 'RESERVE',
  RELEASE = 'RELEASE',
  COMMIT = 'COMMIT',
  RETURN = 'RETURN',
  TRANSFER = 'TRANSFER',
}
registerEnumType(StockMovementKind, {
  name: 'StockMovementKind',
  valuesConfig: {
    SET: { description: 'onHand set to a counted figure.' },
    ADJUST: { description: 'onHand changed by a delta (delivery, damage, correction).' },
    RESERVE: { description: 'Units held for an order.' },
    RELEASE: { description: 'Held units returned to available (order cancelled, reservation expired).' },
    COMMIT: { description: 'Held units sold: they leave onHand and reserved.' },
    RETURN: { description: 'Sold units back on hand: the order was cancelled or refunded before it shipped.' },
    TRANSFER: { description: 'Units moved between warehouses: out of one (onHandDelta < 0), into the other (> 0); the total is unchanged.' },
  },
});

/**
 * One change of a product's stock in one warehouse, written in the same unit
 * of work as the change itself: the history agents read, and the ledger of
 * what each order holds (the sum of its reservedDelta per product and
 * warehouse), which is how a
 * reservation left half-done by a crash is released exactly.
 */
@Entity({ tableName: 'stock_movements' })
@Unique({ properties: ['productId', 'version'] })
@ObjectType('StockMovement', { description: 'One change of a product\'s stock.' })
export class StockMovementEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Index()
  @Field(() => ID)
  productId!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'The stock level\'s version after this change.' })
  version!: number;

  @Enum({ items: () => StockMovementKind, type: 'string' })
  @Field(() => StockMovementKind)
  kind!: StockMovementKind;

  /** Null only on rows written before warehouses, which inventory fills in (the default warehouse) at start-up. */
  @Property({ type: 'string', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The warehouse whose stock changed (null for a threshold change of the total).' })
  warehouseId: string | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int)
  onHandDelta!: number;

  @Property({ type: 'integer' })
  @Field(() => Int)
  reservedDelta!: number;

  @Property({ type: 'integer' })
  @Field(() => Int)
  onHandAfter!: number;

  @Property({ type: 'integer' })
  @Field(() => Int)
  reservedAfter!: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: "onHand in the movement's warehouse after this change (onHandAfter is the product's total)." })
  warehouseOnHandAfter: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: "reserved in the movement's warehouse after this change." })
  warehouseReservedAfter: number | null = null;

  @Property({ type: 'string', nullable: true })
  @Index()
  @Field(() => ID, { nullable: true, description: 'The order a reservation, release or commit was for.' })
  orderId: string | null = null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  reason: string | null = null;

  @Property({ type: 'string' })
  @Field(() => ID, { description: 'Who made the change: a user id, "service:<name>" or "system:inventory".' })
  actorId!: string;

  @Property({ type: 'datetime' })
  @Field()
  at!: Date;
}
