import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from '../../platform/ids';

/**
 * A refund asked for with an idempotency key, written before the provider is
 * called: a retry of the same request (a timeout, a crash, a double click)
 * finds it and moves no more money, whatever was refunded in between.
 */
@Entity({ tableName: 'refund_requests' })
@Unique({ properties: ['orderId', 'idempotencyKey'] })
export class RefundRequestEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  orderId!: string;

  @Property({ type: 'string' })
  idempotencyKey!: string;

  /** As asked: null for "all that is left", so a retry is compared with the request, not its outcome. */
  @Property({ type: 'integer', nullable: true })
  requestedAmount: number | null = null;

  /** Minor units sent to the provider. */
  @Property({ type: 'integer' })
  amount!: number;

  /** False until the provider confirmed it: a retry then asks the provider again, with the same provider key. */
  @Property({ type: 'boolean' })
  done = false;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
