import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { OrderLineOptionValue, OrderStatus, stockIdOf, type OrderEntity } from './order.entity';

/** A line as the order priced it, for payments' receipt (contracts/orders-api.ts, orderPaymentTerms). */
@ObjectType('OrderPaymentLine')
@Directive('@inaccessible')
export class OrderPaymentLine {
  @Field(() => ID)
  productId!: string;

  @Field(() => ID, { nullable: true, description: 'Absent from the shipping charge.' })
  variantId!: string | null;

  @Field(() => String, { nullable: true })
  sku!: string | null;

  @Field(() => [OrderLineOptionValue], { nullable: true })
  optionValues!: OrderLineOptionValue[] | null;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int)
  unitPrice!: number;
}

/** What payments makes an order's payment from, when the customer first asks for it (contracts/orders-api.ts). */
@ObjectType('OrderPaymentTerms')
@Directive('@inaccessible')
export class OrderPaymentTerms {
  @Field(() => ID)
  orderId!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => OrderStatus)
  status!: OrderStatus;

  @Field(() => Int, { description: 'The total, in minor units.' })
  amount!: number;

  @Field()
  currency!: string;

  @Field(() => [OrderPaymentLine], { description: 'Empty when discounts or tax make the total differ from the lines (the order is the breakdown then).' })
  lines!: OrderPaymentLine[];

  static of(order: OrderEntity): OrderPaymentTerms {
    return Object.assign(new OrderPaymentTerms(), {
      orderId: order.id,
      customerId: order.customerId,
      status: order.status,
      amount: order.totalAmount,
      currency: order.currency,
      lines: receiptLines(order),
    });
  }
}

/**
 * The receipt's lines, with the shipping line, when they add up to the
 * charged amount; none when discounts or added tax make the priced total
 * differ (the order's totals, from pricing, are the breakdown then).
 */
function receiptLines(order: OrderEntity): OrderPaymentLine[] {
  const line = (fields: Omit<OrderPaymentLine, 'variantId' | 'sku' | 'optionValues'> & Partial<OrderPaymentLine>): OrderPaymentLine =>
    Object.assign(new OrderPaymentLine(), { variantId: null, sku: null, optionValues: null, ...fields });
  const lines = [
    // The receipt names the variant sold as the order does (its SKU and option values as placed).
    ...order.lines.map((l) =>
      line({ productId: l.productId, variantId: stockIdOf(l), sku: l.sku, optionValues: l.optionValues, quantity: l.quantity, unitPrice: l.unitPriceAmount }),
    ),
    ...(order.shipping ? [line({ productId: `shipping:${order.shipping.methodId}`, quantity: 1, unitPrice: order.shipping.amount })] : []),
  ];
  return lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0) === order.totalAmount ? lines : [];
}
