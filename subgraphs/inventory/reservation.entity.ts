import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { ReservationLine, ReservationStatusName } from '../../contracts/inventory-api';
import type { Allocation } from './warehouse.rules';

/**
 * PENDING: being taken line by line (a crash leaves it so; the sweeper then
 * releases what the movement ledger says it holds). ACTIVE: every line held
 * until expiresAt. COMMITTED: sold. RELEASED / EXPIRED: the stock went back.
 */
export const ReservationStatus = {
  PENDING: 'PENDING',
  ACTIVE: 'ACTIVE',
  COMMITTED: 'COMMITTED',
  RELEASED: 'RELEASED',
  EXPIRED: 'EXPIRED',
  RETURNED: 'RETURNED',
} as const satisfies Record<ReservationStatusName, ReservationStatusName>;

@ObjectType('ReservationLine')
@Directive('@inaccessible')
export class ReservationLineType implements ReservationLine {
  @Field(() => ID)
  productId!: string;

  @Field(() => Int)
  quantity!: number;
}

/** Stock held for one order: at most one per order, keyed by the order id (which makes the calls idempotent). */
@Entity({ tableName: 'reservations' })
@Index({ properties: ['status', 'expiresAt'] })
@ObjectType('Reservation', { description: 'Internal: stock held for an order (SERVICE callers only).' })
@Directive('@inaccessible')
export class ReservationEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  orderId!: string;

  /** A string rather than a GraphQL enum: an enum cannot be @inaccessible, and this type must not reach clients. */
  @Property({ type: 'string' })
  @Field(() => String, { description: 'PENDING, ACTIVE, COMMITTED, RELEASED or EXPIRED.' })
  status!: ReservationStatusName;

  /** One line per product, sorted by product id. */
  @Property({ type: 'json' })
  @Field(() => [ReservationLineType])
  lines!: ReservationLine[];

  /**
   * Which warehouse gave what, one entry per product and warehouse: release,
   * commit, return and expiry move exactly these units. Null on reservations
   * taken before warehouses, which took everything from the default one
   * (see allocationsOf in warehouse.ledger.ts).
   */
  @Property({ type: 'json', nullable: true })
  allocations: Allocation[] | null = null;

  @Property({ type: 'datetime' })
  @Field()
  expiresAt!: Date;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  releaseReason: string | null = null;

  @Property({ type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Property({ type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
