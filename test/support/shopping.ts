import { graphql } from '../__generated__/index';
import { execute } from './graphql';
import { ConfirmPayment, PlaceOrder, ShipOrder, type orderTools } from './orders';
import type { TestStack } from './stack';

/** What customers do before they can review or be recommended to: buy, pay, and receive. */

const DeliverOrder = graphql(`
  mutation ShoppingDeliverOrder($id: ID!) {
    deliverOrder(id: $id) { status }
  }
`);

/** A paid order of one unit of each product, as the customer places and pays it; its id. */
export async function paidOrder(t: TestStack, tools: ReturnType<typeof orderTools>, customerId: string, productIds: readonly string[]): Promise<string> {
  const token = await t.token(customerId);
  const placed = await execute(t.url, PlaceOrder, { input: { lines: productIds.map((productId) => ({ productId, quantity: 1 })) } }, { token });
  if (!placed.data) throw new Error(`placeOrder failed: ${JSON.stringify(placed.errors)}`);
  const orderId = placed.data.placeOrder.id;
  const paid = await execute(t.url, ConfirmPayment, { orderId, paymentMethod: 'pm_card_visa' }, { token });
  if (paid.data?.confirmPayment.status !== 'SUCCEEDED') throw new Error(`confirmPayment failed: ${JSON.stringify(paid.errors)}`);
  await tools.settled(orderId, 'PAID');
  return orderId;
}

/** A paid order shipped and delivered by an agent; its id. */
export async function deliveredOrder(t: TestStack, tools: ReturnType<typeof orderTools>, customerId: string, productIds: readonly string[]): Promise<string> {
  const orderId = await paidOrder(t, tools, customerId, productIds);
  const agent = await tools.agent();
  const shipped = await execute(t.url, ShipOrder, { id: orderId }, { token: agent });
  if (shipped.data?.shipOrder.status !== 'SHIPPED') throw new Error(`shipOrder failed: ${JSON.stringify(shipped.errors)}`);
  const delivered = await execute(t.url, DeliverOrder, { id: orderId }, { token: agent });
  if (delivered.data?.deliverOrder.status !== 'DELIVERED') throw new Error(`deliverOrder failed: ${JSON.stringify(delivered.errors)}`);
  return orderId;
}
