import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { systemClock } from '../platform/clock';
import { Metrics } from '../platform/metrics';
import { loadConfig, type Config } from '../platform/config';
import { DEMO_ACCOUNTS } from '../contracts/demo';
import { newId } from '../platform/ids';
import { INVENTORY_EVENTS, type StockThresholdPayload } from '../contracts/inventory-api';
import { createLogger } from '../platform/log';
import { openMessaging, type Messaging } from '../platform/messaging/messaging';
import { ORDER_EVENTS, type OrderEventPayload, type OrderStatusChangedPayload } from '../contracts/orders-api';
import { jsonArrayIncludes, validateMongoMetadata } from '../platform/orm';
import { PAYMENT_EVENTS, type PaymentEventPayload } from '../contracts/payments-api';
import { SHIPPING_EVENTS, type ReturnPayload, type ShipmentPayload } from '../contracts/shipping-api';
import { subgraphEntities } from '../platform/subgraph';
import { NotificationEntity, NotificationStatus } from '../subgraphs/users/notification.entity';
import { startNotificationProcess } from '../subgraphs/users/notification.process';
import { UserEntity } from '../subgraphs/users/user.entity';
import { users } from '../subgraphs/users/users.module';
import { configErrorFor } from './support/config';
import { execute } from './support/graphql';
import { parseMail, type ParsedMail } from './support/mail';
import { ConfirmPayment, PlaceOrder, ReadOrder, ShipOrder } from './support/orders';
import { TestSmtpServer, type ReceivedMail } from './support/smtp';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

/**
 * The notification worker inside the running supergraph: real domain events
 * on the stack's event bus, recipients from the users database, product
 * names from catalog, mail over SMTP to a real SMTP server on loopback.
 */

const customer = DEMO_ACCOUNTS.find((a) => a.id === 'demo-user-customer') as (typeof DEMO_ACCOUNTS)[number];
const agent = DEMO_ACCOUNTS.find((a) => a.id === 'demo-user-agent') as (typeof DEMO_ACCOUNTS)[number];
const ADMIN = { email: 'ops-admin@shop.test', password: 'ops-admin-password' };
const silent = createLogger('test', 'error', () => undefined);

type Payload = OrderEventPayload | OrderStatusChangedPayload | PaymentEventPayload | StockThresholdPayload | ShipmentPayload | ReturnPayload;

async function publish(t: TestStack, type: string, payload: Payload, id: string = newId()): Promise<string> {
  await t.stack.messaging.events.publish({ id, type, occurredAt: new Date().toISOString(), payload });
  return id;
}

function placedOrder(overrides: Partial<OrderEventPayload> = {}): OrderEventPayload {
  return {
    orderId: newId(),
    customerId: customer.id,
    status: 'AWAITING_PAYMENT',
    total: 4200,
    currency: 'EUR',
    lines: [
      { productId: 'demo-product-0001', quantity: 2, unitPrice: 1200 },
      { productId: 'demo-product-0003', quantity: 1, unitPrice: 1800 },
    ],
    ...overrides,
  };
}

function statusChange(order: OrderEventPayload, from: OrderStatusChangedPayload['from'], to: OrderStatusChangedPayload['to']): OrderStatusChangedPayload {
  return { ...order, status: to, from, to, version: 3, actor: 'demo-user-agent', reason: null };
}

function payment(overrides: Partial<PaymentEventPayload> = {}): PaymentEventPayload {
  return {
    paymentId: newId(),
    orderId: newId(),
    customerId: customer.id,
    amount: 4200,
    currency: 'EUR',
    provider: 'simulated',
    status: 'SUCCEEDED',
    ...overrides,
  };
}

function text(mail: ReceivedMail): string {
  return mail.text.replace(/\r\n/g, '\n');
}

describe('notifications over SMTP', () => {
  let smtp: TestSmtpServer;
  let t: TestStack;
  let adminId: string;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await startTestStack({ env: { SMTP_URL: smtp.url, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, MAIL_FROM: 'Shop Orders <orders@shop.test>' } });
    const em = t.stack.subgraphs.users.orm.em.fork();
    adminId = (await em.findOneOrFail(UserEntity, { email: ADMIN.email })).id;
    // A second ADMIN, so the alert test shows every admin is written to.
    const second = await em.findOneOrFail(UserEntity, { id: agent.id });
    second.roles = [...second.roles, 'ADMIN'];
    await em.flush();
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    await smtp?.close();
  });

  const mailsTo = (address: string, subject: string) => smtp.to(address).filter((m) => m.subject === subject);
  const mailTo = (address: string, subject: string) => waitFor(() => mailsTo(address, subject)[0]);
  const record = (eventId: string, userId: string) => t.stack.subgraphs.users.orm.em.fork().findOne(NotificationEntity, { key: `${eventId}:${userId}` });

  /**
   * Every event published before this one has been handled once its mail
   * arrives: the stack runs one notification consumer, which takes events in
   * order (a retried event goes back to the front).
   */
  async function settle(): Promise<void> {
    const marker = payment();
    await publish(t, PAYMENT_EVENTS.succeeded, marker);
    await mailTo(customer.email, `Payment received for order ${marker.orderId}`);
  }

  it('sends the customer an order confirmation with the lines, product names and total', async () => {
    const order = placedOrder();
    await publish(t, ORDER_EVENTS.placed, order);
    const mail = await mailTo(customer.email, `We received your order ${order.orderId}`);
    expect(mail.from).toBe('Shop Orders <orders@shop.test>');
    expect(mail.to).toBe(`${customer.name} <${customer.email}>`);
    expect(text(mail)).toContain(`Hello ${customer.name},`);
    expect(text(mail)).toContain('2 × Classic mug: €24.00 (€12.00 each)');
    expect(text(mail)).toContain('1 × Summer cap: €18.00');
    expect(text(mail)).toContain('Total: €42.00');
    expect(mail.html).toContain('<strong>€42.00</strong>');
    expect(mail.html).toContain('Classic mug');
  });

  it('confirms a successful payment with its amount and receipt number', async () => {
    const paid = payment({ amount: 12345, receiptNumber: 'R-2026-000042' });
    await publish(t, PAYMENT_EVENTS.succeeded, paid);
    const mail = await mailTo(customer.email, `Payment received for order ${paid.orderId}`);
    expect(text(mail)).toContain(`we received your payment of €123.45 for order ${paid.orderId}.`);
    expect(text(mail)).toContain('Receipt number: R-2026-000042');
  });

  it('tells the customer a payment failed, without the provider or its decline reason', async () => {
    const failed = payment({ status: 'FAILED', reason: 'card_declined: insufficient_funds' });
    await publish(t, PAYMENT_EVENTS.failed, failed);
    const mail = await mailTo(customer.email, `Payment failed for order ${failed.orderId}`);
    expect(text(mail)).toContain('€42.00');
    expect(text(mail)).toContain('no money was taken');
    for (const leak of ['card_declined', 'insufficient_funds', 'simulated', failed.paymentId]) {
      expect(mail.raw).not.toContain(leak);
    }
  });

  it('sends a shipping notice when an order is SHIPPED', async () => {
    const order = placedOrder();
    await publish(t, ORDER_EVENTS.statusChanged, statusChange(order, 'PAID', 'SHIPPED'));
    const mail = await mailTo(customer.email, `Your order ${order.orderId} has shipped`);
    expect(text(mail)).toContain('is on its way');
    expect(text(mail)).toContain('1 × Summer cap: €18.00');
  });

  it('mails each parcel as it ships, with its tracking link, and as it is delivered; the order-level mails of shipment moves are left out', async () => {
    const order = placedOrder();
    const parcel = (overrides: Partial<ShipmentPayload>): ShipmentPayload => ({
      shipmentId: newId(),
      orderId: order.orderId,
      customerId: customer.id,
      status: 'LABEL_CREATED',
      from: 'LABEL_PENDING',
      lines: [{ productId: 'demo-product-0001', quantity: 2 }],
      carrier: 'simulated',
      trackingNumber: 'SIM0001',
      trackingUrl: 'https://track.example/SIM0001',
      orderFullyShipped: false,
      orderDelivered: false,
      version: 2,
      ...overrides,
    });
    // Two variants of one product: each line shows its own SKU.
    const first = parcel({ lines: [{ productId: 'demo-product-0001', quantity: 2 }, { productId: 'demo-product-0001', variantId: 'variant-blue', sku: 'MUG-BLUE', quantity: 1 }] });
    await publish(t, SHIPPING_EVENTS.updated, first);
    const shipped = text(await mailTo(customer.email, `A parcel of your order ${order.orderId} is on its way`));
    expect(shipped).toContain('the rest follows in another parcel');
    expect(shipped).toMatch(/2 × Classic mug: (?!MUG-BLUE)\S+/);
    expect(shipped).toContain('1 × Classic mug: MUG-BLUE');
    expect(shipped).toContain('Tracking number: SIM0001');
    expect(shipped).toContain('Follow your parcel: https://track.example/SIM0001');

    // The order moved by shipments ("system"): no order-level shipped or delivered mail besides the parcels'.
    const quiet = [
      await publish(t, ORDER_EVENTS.statusChanged, { ...statusChange(order, 'PARTIALLY_SHIPPED', 'SHIPPED'), actor: 'system' }),
      await publish(t, ORDER_EVENTS.statusChanged, { ...statusChange(order, 'SHIPPED', 'DELIVERED'), actor: 'system' }),
      // In transit, and a late scan of a parcel delivered already: no mail.
      await publish(t, SHIPPING_EVENTS.updated, { ...first, status: 'IN_TRANSIT', from: 'LABEL_CREATED' }),
    ];
    const delivered = await publish(t, SHIPPING_EVENTS.updated, { ...first, status: 'DELIVERED', from: 'OUT_FOR_DELIVERY', orderFullyShipped: true, orderDelivered: true });
    quiet.push(await publish(t, SHIPPING_EVENTS.updated, { ...first, status: 'DELIVERED', from: 'DELIVERED', orderFullyShipped: true, orderDelivered: true }));
    expect(text(await mailTo(customer.email, `A parcel of your order ${order.orderId} was delivered`))).toContain('your order is complete');
    await settle();
    expect(mailsTo(customer.email, `A parcel of your order ${order.orderId} was delivered`)).toHaveLength(1);
    expect(mailsTo(customer.email, `Your order ${order.orderId} has shipped`)).toEqual([]);
    expect(mailsTo(customer.email, `Your order ${order.orderId} was delivered`)).toEqual([]);
    expect(await record(delivered, customer.id)).not.toBeNull();
    expect(await t.stack.subgraphs.users.orm.em.fork().count(NotificationEntity, { eventId: { $in: quiet } })).toBe(0);
  });

  it('mails a return label once bought, and a refusal with its note', async () => {
    const orderId = newId();
    const request = (overrides: Partial<ReturnPayload>): ReturnPayload => ({
      returnId: newId(),
      orderId,
      customerId: customer.id,
      status: 'APPROVED',
      labelBought: true,
      note: null,
      lines: [{ productId: 'demo-product-0003', quantity: 1 }],
      carrier: 'simulated',
      returnTrackingNumber: 'SIM0002',
      returnTrackingUrl: 'https://track.example/SIM0002',
      version: 3,
      ...overrides,
    });
    const quiet = await publish(t, SHIPPING_EVENTS.returnUpdated, request({ status: 'REQUESTED', labelBought: false, returnTrackingNumber: null, returnTrackingUrl: null }));
    await publish(t, SHIPPING_EVENTS.returnUpdated, request({}));
    const label = text(await mailTo(customer.email, `Your return for order ${orderId} is approved`));
    expect(label).toContain('1 × Summer cap');
    expect(label).toContain('Return tracking number: SIM0002');
    expect(label).toContain('Follow your return: https://track.example/SIM0002');
    await publish(t, SHIPPING_EVENTS.returnUpdated, request({ status: 'REFUSED', labelBought: false, note: 'Opened and used' }));
    expect(text(await mailTo(customer.email, `Your return for order ${orderId} was not accepted`))).toContain('Why: Opened and used');
    expect(await t.stack.subgraphs.users.orm.em.fork().count(NotificationEntity, { eventId: quiet })).toBe(0);
  });

  it('tells the customer of a delivery, and of a cancellation with what happens to the money', async () => {
    const delivered = placedOrder();
    await publish(t, ORDER_EVENTS.statusChanged, statusChange(delivered, 'SHIPPED', 'DELIVERED'));
    expect(text(await mailTo(customer.email, `Your order ${delivered.orderId} was delivered`))).toContain('2 × Classic mug');

    const unpaid = placedOrder();
    await publish(t, ORDER_EVENTS.statusChanged, { ...statusChange(unpaid, 'AWAITING_PAYMENT', 'CANCELLED'), reason: 'internal: suspected fraud' });
    const unpaidMail = text(await mailTo(customer.email, `Your order ${unpaid.orderId} was cancelled`));
    expect(unpaidMail).toContain('No money was taken for it.');
    // A staff member's reason may be an internal note: it is never mailed.
    expect(unpaidMail).not.toContain('fraud');

    const paid = placedOrder();
    await publish(t, ORDER_EVENTS.statusChanged, statusChange(paid, 'PAID', 'CANCELLED'));
    expect(text(await mailTo(customer.email, `Your order ${paid.orderId} was cancelled`))).toContain('Your payment of €42.00 will be refunded in full');
  });

  it('sends a refund notice, naming a partial refund as such', async () => {
    const full = payment({ status: 'REFUNDED', refundedAmount: 4200 });
    const partial = payment({ status: 'SUCCEEDED', amount: 5000, refundedAmount: 1250 });
    await publish(t, PAYMENT_EVENTS.refunded, full);
    await publish(t, PAYMENT_EVENTS.refunded, partial);
    expect(text(await mailTo(customer.email, `Refund for order ${full.orderId}`))).toContain(`we refunded your payment of €42.00 for order ${full.orderId}.`);
    expect(text(await mailTo(customer.email, `Refund for order ${partial.orderId}`))).toContain('we refunded €12.50 of your payment of €50.00');
  });

  it('alerts every ADMIN, and only them, when stock runs low', async () => {
    const low: StockThresholdPayload = { productId: 'demo-product-0005', onHand: 7, reserved: 5, available: 2, threshold: 3 };
    await publish(t, INVENTORY_EVENTS.low, low);
    const subject = 'Low stock: A5 notebook (NOTEBOOK-A5)';
    const [toAdmin, toAgent] = await Promise.all([mailTo(ADMIN.email, subject), mailTo(agent.email, subject)]);
    expect(text(toAdmin)).toContain('Hello Administrator,');
    expect(text(toAdmin)).toContain('Available: 2');
    expect(text(toAdmin)).toContain('Threshold: 3');
    expect(text(toAgent)).toContain(`Hello ${agent.name},`);
    expect(mailsTo(customer.email, subject)).toEqual([]);
  });

  it('sends nothing for other status changes, a placement undone before it was an order, unknown customers, or customers who turned order updates off', async () => {
    const em = t.stack.subgraphs.users.orm.em.fork();
    const optedOut = await em.findOneOrFail(UserEntity, { id: agent.id });
    optedOut.preferences.orderUpdates = false;
    await em.flush();
    const paid = statusChange(placedOrder(), 'AWAITING_PAYMENT', 'PAID');
    const undone = statusChange(placedOrder(), 'PENDING', 'CANCELLED');
    const unknown = placedOrder({ customerId: 'no-such-user' });
    const notWanted = statusChange(placedOrder({ customerId: agent.id }), 'PAID', 'SHIPPED');
    const ids = [
      await publish(t, ORDER_EVENTS.statusChanged, paid),
      await publish(t, ORDER_EVENTS.statusChanged, undone),
      await publish(t, ORDER_EVENTS.placed, unknown),
      await publish(t, ORDER_EVENTS.statusChanged, notWanted),
    ];
    await settle();
    const orderIds = [paid.orderId, undone.orderId, unknown.orderId, notWanted.orderId];
    expect(smtp.received.filter((m) => orderIds.some((id) => m.subject.includes(id)))).toEqual([]);
    expect(await t.stack.subgraphs.users.orm.em.fork().count(NotificationEntity, { eventId: { $in: ids } })).toBe(0);
  });

  it('sends nothing twice when the same event is delivered twice', async () => {
    const paid = payment();
    const id = await publish(t, PAYMENT_EVENTS.succeeded, paid);
    await mailTo(customer.email, `Payment received for order ${paid.orderId}`);
    await publish(t, PAYMENT_EVENTS.succeeded, paid, id);
    await settle();
    expect(mailsTo(customer.email, `Payment received for order ${paid.orderId}`)).toHaveLength(1);
    expect(await record(id, customer.id)).toMatchObject({ status: NotificationStatus.SENT, attempts: 1, kind: 'payment-confirmation' });
  });

  it('retries a mail the server refuses for a while, and delivers it exactly once', async () => {
    const attemptsBefore = smtp.attempts.get(customer.email) ?? 0;
    smtp.refuse(customer.email, 2, 451);
    const order = placedOrder();
    const id = await publish(t, ORDER_EVENTS.placed, order);
    await mailTo(customer.email, `We received your order ${order.orderId}`);
    await settle();
    expect(mailsTo(customer.email, `We received your order ${order.orderId}`)).toHaveLength(1);
    expect(await record(id, customer.id)).toMatchObject({ status: NotificationStatus.SENT, attempts: 3 });
    // Two refused, the confirmation, and settle()'s marker.
    expect(smtp.attempts.get(customer.email)).toBe(attemptsBefore + 4);
  });

  it('records a mailbox the server refuses for good as FAILED, without retrying it or holding back the other admins', async () => {
    smtp.refuse(agent.email, 1, 550);
    const attemptsBefore = smtp.attempts.get(agent.email) ?? 0;
    const low: StockThresholdPayload = { productId: 'demo-product-0004', onHand: 2, reserved: 0, available: 2, threshold: 5 };
    const id = await publish(t, INVENTORY_EVENTS.low, low);
    await mailTo(ADMIN.email, 'Low stock: Steel bottle (BOTTLE-STEEL)');
    await waitFor(async () => (await record(id, agent.id))?.status === NotificationStatus.FAILED);
    await settle();
    expect(smtp.attempts.get(agent.email)).toBe(attemptsBefore + 1);
    expect(mailsTo(agent.email, 'Low stock: Steel bottle (BOTTLE-STEEL)')).toEqual([]);
    expect(await record(id, agent.id)).toMatchObject({ attempts: 1, lastError: expect.stringContaining('550') });
    expect(await record(id, adminId)).toMatchObject({ status: NotificationStatus.SENT });
  });

  it('mails confirmation, payment and shipping for an order taken through the gateway', async () => {
    const placed = await execute(t.url, PlaceOrder, { input: { lines: [{ productId: 'demo-product-0002', quantity: 2 }] } }, { token: await t.token(customer.id) });
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data?.placeOrder.id ?? '';
    const confirmation = await mailTo(customer.email, `We received your order ${orderId}`);
    expect(text(confirmation)).toContain('2 × Logo T-shirt (M): €50.00 (€25.00 each)');
    expect(text(confirmation)).toContain('Total: €50.00');

    const paid = await execute(t.url, ConfirmPayment, { orderId, paymentMethod: 'pm_card_visa' }, { token: await t.token(customer.id) });
    expect(paid.data?.confirmPayment.status).toBe('SUCCEEDED');
    expect(text(await mailTo(customer.email, `Payment received for order ${orderId}`))).toContain('€50.00');

    // Orders marks the order PAID when it consumes payment.succeeded; only then may it ship.
    const agentToken = await t.token(agent.id, 'CUSTOMER', 'AGENT');
    await waitFor(async () => (await execute(t.url, ReadOrder, { id: orderId }, { token: agentToken })).data?.order?.status === 'PAID');
    expect((await execute(t.url, ShipOrder, { id: orderId }, { token: agentToken })).data?.shipOrder.status).toBe('SHIPPED');
    expect(text(await mailTo(customer.email, `Your order ${orderId} has shipped`))).toContain('2 × Logo T-shirt (M)');
    expect(mailsTo(customer.email, `We received your order ${orderId}`)).toHaveLength(1);
  });
});

describe('notifications as a separate process, over Redis', () => {
  let t: TestStack;
  let messaging: Messaging;
  beforeAll(async () => {
    // As in production: users with NOTIFICATIONS=off, events on Redis Streams, the worker apart with its own connections.
    const redis = { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: `test-${randomUUID()}` };
    t = await startTestStack({ env: { NOTIFICATIONS: 'off', ...redis } });
    messaging = await openMessaging(t.config);
  }, 60_000);
  afterAll(async () => {
    await messaging?.close();
    await t?.stop();
  });

  /** The .eml file of `orderId`'s mail, once written. */
  function emlFor(orderId: string): Promise<ParsedMail> {
    const dir = t.config.notifications.outboxDir;
    return waitFor(async () => {
      const names = await readdir(dir).catch(() => [] as string[]);
      const files = await Promise.all(names.filter((n) => n.endsWith('.eml')).map((n) => readFile(path.join(dir, n), 'utf8')));
      const raw = files.find((f) => f.includes(orderId));
      if (!raw) throw new Error(`no .eml file for order ${orderId} in ${dir}`);
      return parseMail(raw);
    });
  }

  async function startProcess(config: Config) {
    return startNotificationProcess({ config, events: messaging.events, pubsub: messaging.pubsub, metrics: new Metrics(), clock: systemClock, log: silent, port: 0 });
  }

  it('writes mails as .eml files under DATA_DIR/outbox without SMTP_URL, and answers /health', async () => {
    const catalog = t.stack.subgraphs.catalog;
    const config: Config = { ...t.config, services: { ...t.config.services, catalog: { port: catalog.port, url: catalog.url } } };
    const worker = await startProcess(config);
    try {
      expect((await fetch(worker.healthUrl)).status).toBe(200);
      const order = placedOrder();
      await publish(t, ORDER_EVENTS.placed, order);
      const mail = await emlFor(order.orderId);
      expect(config.notifications.outboxDir).toBe(path.join(t.dataDir, 'outbox'));
      expect(mail.to).toBe(`${customer.name} <${customer.email}>`);
      expect(mail.subject).toBe(`We received your order ${order.orderId}`);
      expect(mail.text).toContain('2 × Classic mug');
    } finally {
      await worker.stop();
    }
  });

  it('still sends when catalog cannot be reached, naming products by id', async () => {
    const worker = await startProcess({ ...t.config, services: { ...t.config.services, catalog: { port: 9, url: 'http://127.0.0.1:9/graphql' } } });
    try {
      const order = placedOrder();
      await publish(t, ORDER_EVENTS.placed, order);
      const mail = await emlFor(order.orderId);
      expect(mail.text).toContain('2 × Product demo-product-0001');
      expect(mail.text).toContain('Total: €42.00');
    } finally {
      await worker.stop();
    }
  });
});

describe('finding the admins to alert', () => {
  it('matches the ADMIN element of the roles array on MongoDB (checked without a server)', async () => {
    const orm = await validateMongoMetadata(subgraphEntities(users));
    try {
      expect(jsonArrayIncludes(orm.em.fork(), UserEntity, 'roles', 'ADMIN')).toEqual({ roles: 'ADMIN' });
    } finally {
      await orm.close();
    }
  });
});

describe('notification settings', () => {
  it('defaults to the worker inside users, .eml files under DATA_DIR/outbox and a shop sender', () => {
    expect(loadConfig({ DATA_DIR: 'var' }, '/srv/shop').notifications).toEqual({
      mode: 'inline',
      port: 4006,
      smtpUrl: null,
      outboxDir: '/srv/shop/var/outbox',
      mailFrom: 'Shop <no-reply@shop.test>',
    });
  });

  it('reads SMTP_URL, MAIL_FROM and NOTIFICATIONS', () => {
    const config = loadConfig({ SMTP_URL: 'smtps://mailer:secret@smtp.example.com:465', MAIL_FROM: 'orders@shop.example', NOTIFICATIONS: 'off' });
    expect(config.notifications).toMatchObject({ mode: 'off', smtpUrl: 'smtps://mailer:secret@smtp.example.com:465', mailFrom: 'orders@shop.example' });
  });

  it.each([
    [{ SMTP_URL: 'http://mailer:secret@smtp.example.com' }, 'SMTP_URL must use smtp: or smtps:'],
    [{ SMTP_URL: 'not a url' }, 'SMTP_URL is not a URL; expected smtp://[user:password@]host[:port] or smtps://[user:password@]host[:port]'],
    [{ SMTP_URL: 'smtp:relay' }, 'SMTP_URL names no host'],
    [{ MAIL_FROM: 'Shop <no-reply>' }, 'MAIL_FROM="Shop <no-reply>" is not an email address; use "Name <address@example.com>" or a bare address'],
    [{ NOTIFICATIONS: 'separate' }, 'NOTIFICATIONS="separate" is not allowed; use one of: inline, off'],
    [{ NOTIFICATIONS_PORT: '70000' }, 'NOTIFICATIONS_PORT="70000" must be an integer from 0 to 65535'],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(configErrorFor(env)).toBe(message);
  });

  it('never echoes an SMTP password in an error', () => {
    expect(configErrorFor({ SMTP_URL: 'imap://mailer:hunter2-secret@smtp.example.com' })).not.toContain('hunter2');
  });
});
