import { Embeddable, Embedded, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../kernel/graphql-types';
import { newId } from '../kernel/ids';
import { ProductRef, UserRef } from './order.reference';

export enum OrderStatus {
  PENDING = 'PENDING',
  AWAITING_PAYMENT = 'AWAITING_PAYMENT',
  PAID = 'PAID',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
  PAYMENT_FAILED = 'PAYMENT_FAILED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(OrderStatus, { name: 'OrderStatus' });

/** A line as priced when the order was placed; later catalog changes do not alter it. */
@Embeddable()
@ObjectType('OrderLine')
export class OrderLineEntity {
  @Property({ type: 'string' })
  productId!: string;

  @Property({ type: 'integer' })
  @Field(() => Int)
  quantity!: number;

  @Property({ type: 'integer' })
  unitPriceAmount!: number;

  @Property({ type: 'string' })
  currency!: string;

  @Field(() => ProductRef)
  get product(): ProductRef {
    return ProductRef.of(this.productId);
  }

  @Field(() => Money)
  get unitPrice(): Money {
    return Money.of(this.unitPriceAmount, this.currency);
  }

  @Field(() => Money)
  get lineTotal(): Money {
    return Money.of(this.unitPriceAmount * this.quantity, this.currency);
  }
}

@Embeddable()
export class StatusChangeEntity {
  @Enum({ items: () => OrderStatus, type: 'string', nullable: true })
  from: OrderStatus | null = null;

  @Enum({ items: () => OrderStatus, type: 'string' })
  to!: OrderStatus;

  @Property({ type: 'datetime' })
  at: Date = new Date();

  /** User id, or "system" for saga steps and expiry. */
  @Property({ type: 'string' })
  actor!: string;

  @Property({ type: 'string', nullable: true })
  reason: string | null = null;
}

@Entity({ tableName: 'orders' })
@ObjectType('Order')
@Directive('@key(fields: "id")')
export class OrderEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Index()
  customerId!: string;

  @Enum({ items: () => OrderStatus, type: 'string' })
  @Field(() => OrderStatus)
  status: OrderStatus = OrderStatus.PENDING;

  @Embedded(() => OrderLineEntity, { array: true })
  @Field(() => [OrderLineEntity])
  lines: OrderLineEntity[] = [];

  @Property({ type: 'integer' })
  totalAmount!: number;

  @Property({ type: 'string' })
  currency!: string;

  @Embedded(() => StatusChangeEntity, { array: true })
  statusHistory: StatusChangeEntity[] = [];

  /** Bumped on every status change; subscribers drop older versions. */
  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Increases with every change; live updates use it to drop stale states.' })
  version = 1;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  @Field()
  updatedAt: Date = new Date();

  @Field(() => Money)
  get total(): Money {
    return Money.of(this.totalAmount, this.currency);
  }

  @Field(() => UserRef)
  get customer(): UserRef {
    return UserRef.of(this.customerId);
  }
}
