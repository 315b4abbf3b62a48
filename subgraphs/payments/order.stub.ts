import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { OrderStatusName } from '../../contracts/orders-api';
import { Money } from '../../platform/graphql-types';

/** Orders' OrderStatus, as `Order.payment` requires it (the values are orders' own, checked by `satisfies`). */
const OrderStatus = {
  PENDING: 'PENDING',
  AWAITING_PAYMENT: 'AWAITING_PAYMENT',
  PAID: 'PAID',
  PARTIALLY_SHIPPED: 'PARTIALLY_SHIPPED',
  SHIPPED: 'SHIPPED',
  DELIVERED: 'DELIVERED',
  CANCELLED: 'CANCELLED',
  PAYMENT_FAILED: 'PAYMENT_FAILED',
  REFUNDED: 'REFUNDED',
} as const satisfies Record<OrderStatusName, OrderStatusName>;
registerEnumType(OrderStatus, { name: 'OrderStatus' });

/** The users subgraph's User, by key: only its id, which `Order.payment` requires. */
@ObjectType('User')
@Directive('@key(fields: "id", resolvable: false)')
export class CustomerRef {
  @Field(() => ID)
  id!: string;
}

/**
 * The orders subgraph's Order; payments contributes `Order.payment`. The
 * fields marked external are orders': the gateway reads them from orders in
 * the same fetch as the order and hands them over with the reference, so the
 * payment an order will have is shown without asking orders again. A
 * reference sent without them (straight to this subgraph) leaves them unset.
 */
@ObjectType('Order')
@Directive('@key(fields: "id")')
export class OrderRef {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => OrderStatus)
  status?: OrderStatusName;

  @Directive('@external')
  @Field(() => Money)
  total?: Money;

  @Directive('@external')
  @Field(() => CustomerRef)
  customer?: CustomerRef;
}
