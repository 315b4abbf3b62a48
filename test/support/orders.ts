import { randomUUID } from 'node:crypto';
import { ReservationEntity } from '../../subgraphs/inventory/reservation.entity';
import { StockMovementEntity } from '../../subgraphs/inventory/stock-movement.entity';
import { StockLevelEntity } from '../../subgraphs/inventory/stock.entity';
import type { ServiceName } from '../../platform/config';
import type { DomainEvent } from '../../platform/messaging/event-bus';
import type { RunningSubgraph } from '../../platform/subgraph';
import { OrderEntity } from '../../subgraphs/orders/order.entity';
import { PaymentEntity } from '../../subgraphs/payments/payment.entity';
import { SimulatedRefundEntity } from '../../subgraphs/payments/simulated-intent.entity';
import { UserEntity } from '../../subgraphs/users/user.entity';
import { graphql } from '../__generated__/index';
import type { ProductStatus } from '../__generated__/graphql';
import { execute } from './graphql';
import type { TestStack } from './stack';
import { waitFor } from './wait-for';

/**
 * What checkout tests share: products made through the public API as an
 * agent would, and a look into each subgraph's database to prove what a
 * request did (or did not) leave behind.
 */

const CreateProduct = graphql(`
  mutation OrdersSupportCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) { id }
  }
`);

export const SetStock = graphql(`
  mutation OrdersSupportSetStock($productId: ID!, $onHand: Int!) {
    setStock(productId: $productId, onHand: $onHand) { available }
  }
`);

export const OrderFields = graphql(`
  fragment OrderFields on Order {
    id
    status
    version
    total { amount currency }
    refunded { amount }
    lines { quantity unitPrice { amount currency } lineTotal { amount } product { id } }
    statusHistory { from to actor reason }
    payment { status amount { amount currency } }
  }
`);

export const PlaceOrder = graphql(`
  mutation OrdersPlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) { ...OrderFields }
  }
`);

export const ReadOrder = graphql(`
  query OrdersReadOrder($id: ID!) {
    order(id: $id) { ...OrderFields }
  }
`);

export const ConfirmPayment = graphql(`
  mutation OrdersConfirmPayment($orderId: ID!, $paymentMethod: String!) {
    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }
  }
`);

export const CancelOrder = graphql(`
  mutation OrdersCancelOrder($id: ID!, $reason: String) {
    cancelOrder(id: $id, reason: $reason) { ...OrderFields }
  }
`);

export const ShipOrder = graphql(`
  mutation OrdersShipOrder($id: ID!) {
    shipOrder(id: $id) { ...OrderFields }
  }
`);

export interface ProductOptions {
  readonly onHand?: number;
  readonly priceAmount?: number;
  readonly currency?: string;
  readonly status?: ProductStatus;
  readonly categoryIds?: readonly string[];
  /** Shipping weight in grams; none by default. */
  readonly weightGrams?: number;
}

/** Tools bound to one running stack; `subgraph` finds a subgraph a test restarted. */
export function orderTools(t: () => TestStack, subgraph: (name: ServiceName) => RunningSubgraph = (name) => t().stack.subgraphs[name]) {
  const agent = () => t().token('orders-test-agent', 'CUSTOMER', 'AGENT');

  /** A new catalog product with stock, made through the public API as an agent would. */
  async function product(options: ProductOptions = {}): Promise<string> {
    const input = {
      sku: `ORD-${randomUUID().slice(0, 12).toUpperCase()}`,
      name: 'Orderable',
      priceAmount: options.priceAmount ?? 1250,
      currency: options.currency ?? 'EUR',
      status: options.status ?? 'ACTIVE',
      categoryIds: options.categoryIds ? [...options.categoryIds] : undefined,
      weightGrams: options.weightGrams,
    };
    const created = await execute(t().url, CreateProduct, { input }, { token: await agent() });
    if (!created.data) throw new Error(`createProduct failed: ${JSON.stringify(created.errors)}`);
    const productId = created.data.createProduct.id;
    const stocked = await execute(t().url, SetStock, { productId, onHand: options.onHand ?? 10 }, { token: await agent() });
    if (!stocked.data) throw new Error(`setStock failed: ${JSON.stringify(stocked.errors)}`);
    return productId;
  }

  /** A new customer with an account in users (so `me` resolves), by id. */
  async function customer(): Promise<string> {
    const id = `customer-${randomUUID()}`;
    await subgraph('users').orm.em.fork().persist(Object.assign(new UserEntity(), { id, email: `${id}@shop.test`, name: 'Buyer', passwordHash: 'not-used' })).flush();
    return id;
  }

  const orders = () => subgraph('orders').orm.em.fork();
  const inventory = () => subgraph('inventory').orm.em.fork();
  const payments = () => subgraph('payments').orm.em.fork();

  async function stock(productId: string): Promise<{ onHand: number; reserved: number }> {
    const row = await inventory().findOneOrFail(StockLevelEntity, { productId });
    return { onHand: row.onHand, reserved: row.reserved };
  }

  /**
   * Everything a customer's requests left in the three databases: their
   * orders (any status, PENDING included), reservations and stock movements
   * for the products, and their payments.
   */
  async function traces(customerId: string, productIds: readonly string[]) {
    const reservations = (await inventory().find(ReservationEntity, {})).filter((r) => r.lines.some((line) => productIds.includes(line.productId)));
    return {
      orders: await orders().count(OrderEntity, { customerId }),
      reservations: reservations.length,
      orderMovements: await inventory().count(StockMovementEntity, { productId: { $in: [...productIds] }, orderId: { $ne: null } }),
      reserved: (await inventory().find(StockLevelEntity, { productId: { $in: [...productIds] } })).reduce((sum, row) => sum + row.reserved, 0),
      payments: await payments().count(PaymentEntity, { customerId }),
    };
  }

  const nothingLeft = { orders: 0, reservations: 0, orderMovements: 0, reserved: 0, payments: 0 };

  async function order(id: string): Promise<OrderEntity> {
    return orders().findOneOrFail(OrderEntity, { id });
  }

  async function reservation(orderId: string): Promise<ReservationEntity | null> {
    return inventory().findOne(ReservationEntity, { orderId });
  }

  async function payment(orderId: string): Promise<PaymentEntity | null> {
    return payments().findOne(PaymentEntity, { orderId });
  }

  /** The refunds the simulated provider made for the order's payment, oldest first: what actually went back. */
  async function providerRefunds(orderId: string): Promise<number[]> {
    const paid = await payment(orderId);
    if (!paid?.providerRef) return [];
    const rows = await payments().find(SimulatedRefundEntity, { intentId: paid.providerRef }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return rows.map((row) => row.amount);
  }

  /** Waits until the order is in `status` (payment and stock events are handled asynchronously). */
  async function settled(id: string, status: string): Promise<OrderEntity> {
    await waitFor(async () => (await order(id)).status === status);
    return order(id);
  }

  return { agent, product, customer, stock, traces, nothingLeft, order, reservation, payment, providerRefunds, settled };
}

/** Events seen on the bus by a consumer group of the test's own. */
export async function recordEvents(t: TestStack, types: readonly string[]): Promise<DomainEvent[]> {
  const seen: DomainEvent[] = [];
  await t.stack.messaging.events.consume({ group: `orders-test-${randomUUID()}`, types }, async (event) => {
    seen.push(event);
  });
  return seen;
}
