import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import type { CatalogServices } from '../subgraphs/catalog/catalog.services';
import { WebhookDeliveryEntity, WebhookDeliveryStatus, WebhookEndpointEntity, WebhookEventEntity } from '../subgraphs/catalog/webhook.entity';
import { graphql } from './__generated__/index';
import { AuditOf } from './support/api-keys';
import { codesOf, execute } from './support/graphql';
import { orderTools, ShipOrder } from './support/orders';
import { paidOrder } from './support/shopping';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';
import { WebhookReceiver, type ReceivedWebhook } from './support/webhook-receiver';

const Register = graphql(`
  mutation HooksRegister($input: RegisterWebhookEndpointInput!) {
    registerWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes } }
  }
`);

const Remove = graphql(`
  mutation HooksRemove($id: ID!) {
    removeWebhookEndpoint(id: $id) { id removedAt }
  }
`);

const Deliveries = graphql(`
  query HooksDeliveries($filter: WebhookDeliveryFilter) {
    webhookDeliveries(filter: $filter, first: 100) { edges { node { id eventId eventType status attempts lastStatusCode lastError deliveredAt } } }
  }
`);

const Redeliver = graphql(`
  mutation HooksRedeliver($id: ID!) {
    redeliverWebhook(id: $id) { id status }
  }
`);

const Rename = graphql(`
  mutation HooksRename($id: ID!, $name: String!) {
    updateProduct(id: $id, input: { name: $name }) { id name }
  }
`);

const SetStock = graphql(`
  mutation HooksSetStock($productId: ID!, $onHand: Int!) {
    setStock(productId: $productId, onHand: $onHand) { onHand }
  }
`);

const Threshold = graphql(`
  mutation HooksThreshold($productId: ID!, $threshold: Int!) {
    setLowStockThreshold(productId: $productId, threshold: $threshold) { lowStockThreshold }
  }
`);

describe('webhooks out', () => {
  let t: TestStack;
  let admin: string;
  let agent: string;
  const receivers: WebhookReceiver[] = [];
  const tools = orderTools(() => t);
  const stripe = new Stripe('sk_test_unused');

  beforeAll(async () => {
    t = await startTestStack({
      env: { WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_RETRY_MAX_MS: '200', WEBHOOK_DISPATCH_INTERVAL_MS: '20', WEBHOOK_TIMEOUT_MS: '2000' },
    });
    admin = await t.token('admin-for-hooks', 'ADMIN');
    agent = await t.token('agent-for-hooks', 'AGENT');
  });
  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.stop()));
    await t.stop();
  });

  async function endpointFor(eventTypes: string[]): Promise<{ receiver: WebhookReceiver; id: string; secret: string }> {
    const receiver = new WebhookReceiver();
    await receiver.start();
    receivers.push(receiver);
    const registered = await execute(t.url, Register, { input: { url: receiver.url, eventTypes } }, { token: admin });
    if (!registered.data) throw new Error(JSON.stringify(registered.errors));
    return { receiver, id: registered.data.registerWebhookEndpoint.endpoint.id, secret: registered.data.registerWebhookEndpoint.secret };
  }

  const rename = async (productId: string, name: string) => {
    const result = await execute(t.url, Rename, { id: productId, name }, { token: agent });
    expect(result.errors).toBeUndefined();
  };

  /** Waits until the receiver has accepted `count` deliveries about the product, and returns them. */
  const acceptedFor = (receiver: WebhookReceiver, productId: string, count: number): Promise<ReceivedWebhook[]> =>
    waitFor(() => {
      const found = receiver.accepted().filter((d) => d.body.data.productId === productId);
      expect(found).toHaveLength(count);
      return found;
    });

  /** Each event id accepted exactly once, and the accepted ones in order of occurrence. */
  function expectOncePerEventInOrder(accepted: readonly ReceivedWebhook[]): void {
    const ids = accepted.map((delivery) => delivery.body.id);
    expect(new Set(ids).size).toBe(ids.length);
    const times = accepted.map((delivery) => delivery.body.occurredAt);
    expect(times).toEqual([...times].sort());
  }

  it('signs every delivery as Stripe does, with the event id in a header and the body', async () => {
    const { receiver, secret } = await endpointFor(['product.updated']);
    const productId = await tools.product();
    await rename(productId, 'Signed mug');
    const [delivery] = await acceptedFor(receiver, productId, 1);
    const event = stripe.webhooks.constructEvent(delivery.raw, delivery.headers['shop-signature'] as string, secret);
    expect(event).toMatchObject({ type: 'product.updated', data: { productId, after: { name: 'Signed mug' } } });
    expect(delivery.headers['shop-event-id']).toBe(delivery.body.id);
    expect(delivery.headers['shop-event-type']).toBe('product.updated');
    expect(() => stripe.webhooks.constructEvent(delivery.raw, delivery.headers['shop-signature'] as string, 'whsec_wrong')).toThrow();
  });

  it('stores the signing secret only sealed, and seals one an older version kept in the clear, which then still signs', async () => {
    const { receiver, id, secret } = await endpointFor(['product.updated']);
    const stored = () => t.stack.subgraphs.catalog.orm.em.fork().findOneOrFail(WebhookEndpointEntity, { id });
    const sealed = (await stored()).sealedSecret;
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toContain(secret.slice('whsec_'.length, 20));
    // As a version before encryption at rest left it; the next start seals it.
    await t.stack.subgraphs.catalog.orm.em.fork().nativeUpdate(WebhookEndpointEntity, { id }, { sealedSecret: secret });
    await (t.stack.subgraphs.catalog.services as CatalogServices).webhooks.rekey();
    const resealed = (await stored()).sealedSecret;
    expect(resealed).not.toContain(secret.slice('whsec_'.length, 20));
    expect(resealed).not.toBe(sealed);
    const productId = await tools.product();
    await rename(productId, 'Sealed mug');
    const [delivery] = await acceptedFor(receiver, productId, 1);
    expect(stripe.webhooks.constructEvent(delivery.raw, delivery.headers['shop-signature'] as string, secret)).toMatchObject({ type: 'product.updated' });
  });

  it('retries after 500s with the failing event first, then delivers the later ones of the aggregate in order', async () => {
    const { receiver, id } = await endpointFor(['product.updated']);
    const productId = await tools.product();
    let failures = 0;
    receiver.answer = () => (failures++ < 3 ? 500 : 200);
    for (const name of ['First', 'Second', 'Third']) await rename(productId, name);
    const accepted = await acceptedFor(receiver, productId, 3);
    expect(accepted.map((d) => (d.body.data.after as { name: string }).name)).toEqual(['First', 'Second', 'Third']);
    expectOncePerEventInOrder(accepted);
    // The three 500s were all tries of the first event: nothing later overtook it.
    const refused = receiver.received.filter((d) => d.status === 500);
    expect(refused.map((d) => d.body.id)).toEqual([accepted[0].body.id, accepted[0].body.id, accepted[0].body.id]);
    expect(refused.map((d) => d.headers['shop-delivery-attempt'])).toEqual(['1', '2', '3']);
    const log = await execute(t.url, Deliveries, { filter: { endpointId: id } }, { token: admin });
    const first = log.data?.webhookDeliveries.edges.map((e) => e.node).find((d) => d.eventId === accepted[0].body.id);
    expect(first).toMatchObject({ status: 'DELIVERED', attempts: 4, lastStatusCode: 200, lastError: null });
  });

  it('delivers everything, once per event id and in order per aggregate, to an endpoint that was down', async () => {
    const { receiver } = await endpointFor(['product.updated', 'stock.low', 'stock.replenished']);
    const [a, b] = [await tools.product({ onHand: 10 }), await tools.product({ onHand: 10 })];
    await receiver.stop();
    await execute(t.url, Threshold, { productId: b, threshold: 2 }, { token: agent });
    for (const name of ['A1', 'A2', 'A3']) await rename(a, name);
    await execute(t.url, SetStock, { productId: b, onHand: 1 }, { token: agent });
    await execute(t.url, SetStock, { productId: b, onHand: 9 }, { token: agent });
    await rename(b, 'B1');
    // Down long enough for several failed tries of each aggregate's first event.
    await waitFor(async () => {
      const failing = await t.stack.subgraphs.catalog.orm.em.fork().find(WebhookDeliveryEntity, { lastError: { $ne: null }, attempts: { $gte: 3 } });
      expect(failing.length).toBeGreaterThanOrEqual(2);
      return true;
    });
    await receiver.start();
    // 8 events: per product, the stock rising above its threshold when it was stocked, then the changes above.
    const accepted = await waitFor(() => {
      const found = receiver.accepted();
      expect(found).toHaveLength(8);
      return found;
    });
    expect(new Set(accepted.map((d) => d.body.id)).size).toBe(8);
    const of = (productId: string, prefix: string) => accepted.filter((d) => d.body.data.productId === productId && d.body.type.startsWith(prefix));
    expectOncePerEventInOrder(of(a, 'product.'));
    expect(of(a, 'product.').map((d) => (d.body.data.after as { name: string }).name)).toEqual(['A1', 'A2', 'A3']);
    expectOncePerEventInOrder(of(b, 'stock.'));
    expect(of(b, 'stock.').map((d) => d.body.type)).toEqual(['stock.replenished', 'stock.low', 'stock.replenished']);
    expect(of(b, 'product.').map((d) => d.body.type)).toEqual(['product.updated']);
  });

  it('sends order events in order, and redelivers one by hand with the same event id', async () => {
    const { receiver, id } = await endpointFor(['order.paid', 'order.shipped']);
    const productId = await tools.product();
    const orderId = await paidOrder(t, tools, await tools.customer(), [productId]);
    const shipped = await execute(t.url, ShipOrder, { id: orderId }, { token: agent });
    expect(shipped.errors).toBeUndefined();
    const accepted = await waitFor(() => {
      const found = receiver.accepted().filter((d) => d.body.data.orderId === orderId);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(accepted.map((d) => d.body.type)).toEqual(['order.paid', 'order.shipped']);
    const log = await execute(t.url, Deliveries, { filter: { endpointId: id, eventId: accepted[0].body.id } }, { token: admin });
    const [delivery] = log.data!.webhookDeliveries.edges.map((e) => e.node);
    const again = await execute(t.url, Redeliver, { id: delivery.id }, { token: admin });
    expect(again.data?.redeliverWebhook.status).toBe('PENDING');
    await waitFor(() => {
      expect(receiver.accepted().filter((d) => d.body.id === accepted[0].body.id)).toHaveLength(2);
      return true;
    });
    const audit = await waitFor(async () => {
      const entries = (await execute(t.url, AuditOf, { filter: { entityId: delivery.id } }, { token: admin })).data?.auditLog.edges ?? [];
      expect(entries).toHaveLength(1);
      return entries[0].node;
    });
    expect(audit).toMatchObject({ action: 'webhook_delivery.redelivered', actorId: 'admin-for-hooks' });
  });

  it('prunes settled events and finished deliveries, and keeps pending ones', async () => {
    const { receiver, id } = await endpointFor(['product.updated']);
    receiver.answer = () => 500;
    const productId = await tools.product();
    await rename(productId, 'Kept while pending');
    await waitFor(() => {
      expect(receiver.received.length).toBeGreaterThan(0);
      return true;
    });
    const db = () => t.stack.subgraphs.catalog.orm.em.fork();
    expect(await db().count(WebhookDeliveryEntity, { status: WebhookDeliveryStatus.DELIVERED })).toBeGreaterThan(0);
    await (t.stack.subgraphs.catalog.services as CatalogServices).webhooks.prune(new Date(Date.now() + 60_000));
    expect(await db().count(WebhookDeliveryEntity, { status: { $ne: WebhookDeliveryStatus.PENDING } })).toBe(0);
    expect(await db().count(WebhookDeliveryEntity, { endpointId: id, status: WebhookDeliveryStatus.PENDING })).toBe(1);
    expect(await db().count(WebhookEventEntity, { fannedOut: true })).toBe(0);
    await execute(t.url, Remove, { id }, { token: admin });
  });

  it('lets only an ADMIN register endpoints, refuses bad input without writing, and stops deliveries on removal', async () => {
    const count = () => t.stack.subgraphs.catalog.orm.em.fork().count(WebhookEndpointEntity, {});
    const before = await count();
    const asAgent = await execute(t.url, Register, { input: { url: 'http://127.0.0.1:9/x', eventTypes: ['order.paid'] } }, { token: agent });
    expect(codesOf(asAgent)).toEqual(['FORBIDDEN']);
    const unknownType = await execute(t.url, Register, { input: { url: 'http://127.0.0.1:9/x', eventTypes: ['order.teleported'] } }, { token: admin });
    expect(unknownType.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventTypes' });
    const badUrl = await execute(t.url, Register, { input: { url: 'ftp://erp.example/in', eventTypes: ['order.paid'] } }, { token: admin });
    expect(badUrl.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(await count()).toBe(before);

    const { receiver, id } = await endpointFor(['product.updated']);
    const removed = await execute(t.url, Remove, { id }, { token: admin });
    expect(removed.data?.removeWebhookEndpoint.removedAt).not.toBeNull();
    const productId = await tools.product();
    await rename(productId, `After removal ${randomUUID()}`);
    // A later endpoint gets the change, so the dispatcher has run past it.
    const { receiver: witness } = await endpointFor(['product.updated']);
    await rename(productId, 'Seen by the witness');
    await waitFor(() => {
      expect(witness.accepted().some((d) => d.body.data.productId === productId)).toBe(true);
      return true;
    });
    expect(receiver.received).toHaveLength(0);
  });
});
