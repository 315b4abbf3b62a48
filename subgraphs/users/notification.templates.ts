import type { OrderEventPayload, OrderStatusChangedPayload } from '../../contracts/orders-api';
import type { PaymentEventPayload } from '../../contracts/payments-api';
import type { StockThresholdPayload } from '../../contracts/inventory-api';
import type { ReturnPayload, ShipmentPayload } from '../../contracts/shipping-api';
import type { SecurityAlertKind, SecurityAlertPayload } from '../../contracts/users-api';

/**
 * The mails, as pure functions of an event's payload and what the users
 * domain knows of the recipient. Plain text plus a simple HTML part; amounts
 * in the recipient's locale. Nothing secret and no payment details (card,
 * provider, decline reason) ever goes into a mail.
 */

export interface MailRecipient {
  readonly name: string;
  /** BCP 47 tag from the user's preferences; formats amounts and dates. */
  readonly locale: string;
}

export interface ProductLabel {
  readonly name: string;
  readonly sku: string;
}

/** Product names by id; a product catalog could not name is shown by its id. */
export type ProductLabels = ReadonlyMap<string, ProductLabel>;

export interface RenderedMail {
  /** Template name, recorded with the notification. */
  readonly kind: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

interface Row {
  readonly label: string;
  readonly value: string;
  readonly strong?: boolean;
}

interface Body {
  readonly kind: string;
  readonly subject: string;
  readonly greeting: string;
  readonly intro: readonly string[];
  readonly rows?: readonly Row[];
  readonly outro?: readonly string[];
}

export function orderConfirmation(to: MailRecipient, order: OrderEventPayload, products: ProductLabels): RenderedMail {
  return render({
    kind: 'order-confirmation',
    subject: `We received your order ${order.orderId}`,
    greeting: `Hello ${to.name},`,
    intro: [`thank you for your order ${order.orderId}. Here is what you ordered:`],
    rows: orderRows(to, order, products),
    outro: ['We will write again once your payment is confirmed.'],
  });
}

export function paymentConfirmation(to: MailRecipient, payment: PaymentEventPayload): RenderedMail {
  return render({
    kind: 'payment-confirmation',
    subject: `Payment received for order ${payment.orderId}`,
    greeting: `Hello ${to.name},`,
    intro: [`we received your payment of ${money(payment.amount, payment.currency, to.locale)} for order ${payment.orderId}.`],
    rows: payment.receiptNumber ? [{ label: 'Receipt number', value: payment.receiptNumber }] : [],
    outro: ['We will let you know when your order ships.'],
  });
}

export function paymentFailure(to: MailRecipient, payment: PaymentEventPayload): RenderedMail {
  return render({
    kind: 'payment-failure',
    subject: `Payment failed for order ${payment.orderId}`,
    greeting: `Hello ${to.name},`,
    intro: [
      `your payment of ${money(payment.amount, payment.currency, to.locale)} for order ${payment.orderId} did not go through, and no money was taken.`,
      'The order stays open and its items stay reserved for a while: you can pay again with another payment method from the order page.',
    ],
  });
}

export function shippingNotice(to: MailRecipient, order: OrderEventPayload, products: ProductLabels): RenderedMail {
  return render({
    kind: 'shipping-notice',
    subject: `Your order ${order.orderId} has shipped`,
    greeting: `Hello ${to.name},`,
    intro: [`good news: your order ${order.orderId} is on its way.`],
    rows: orderRows(to, order, products),
  });
}

export function deliveryNotice(to: MailRecipient, order: OrderEventPayload, products: ProductLabels): RenderedMail {
  return render({
    kind: 'delivery-notice',
    subject: `Your order ${order.orderId} was delivered`,
    greeting: `Hello ${to.name},`,
    intro: [`your order ${order.orderId} was delivered. We hope you enjoy it.`],
    rows: orderRows(to, order, products),
  });
}

/** A parcel of the order left with the carrier: its tracking number and where to follow it. */
export function parcelShippedNotice(to: MailRecipient, shipment: ShipmentPayload, products: ProductLabels): RenderedMail {
  return render({
    kind: 'parcel-shipped',
    subject: `A parcel of your order ${shipment.orderId} is on its way`,
    greeting: `Hello ${to.name},`,
    intro: [
      shipment.orderFullyShipped
        ? `the last parcel of your order ${shipment.orderId} is on its way with ${shipment.carrier}.`
        : `a parcel of your order ${shipment.orderId} is on its way with ${shipment.carrier}; the rest follows in another parcel.`,
    ],
    rows: [...parcelRows(shipment, products), { label: 'Tracking number', value: shipment.trackingNumber ?? 'not yet known' }],
    outro: shipment.trackingUrl ? [`Follow your parcel: ${shipment.trackingUrl}`] : [],
  });
}

/** A parcel of the order was delivered. */
export function parcelDeliveredNotice(to: MailRecipient, shipment: ShipmentPayload, products: ProductLabels): RenderedMail {
  return render({
    kind: 'parcel-delivered',
    subject: `A parcel of your order ${shipment.orderId} was delivered`,
    greeting: `Hello ${to.name},`,
    intro: [
      shipment.orderDelivered
        ? `the last parcel of your order ${shipment.orderId} was delivered: your order is complete. We hope you enjoy it.`
        : `a parcel of your order ${shipment.orderId} was delivered; the rest is still on its way.`,
    ],
    rows: [...parcelRows(shipment, products), { label: 'Tracking number', value: shipment.trackingNumber ?? '' }],
  });
}

/** A return was approved and its label bought: how to send the parcel back. */
export function returnLabelNotice(to: MailRecipient, request: ReturnPayload, products: ProductLabels): RenderedMail {
  return render({
    kind: 'return-label',
    subject: `Your return for order ${request.orderId} is approved`,
    greeting: `Hello ${to.name},`,
    intro: [`we approved your return for order ${request.orderId}. Print the return label from your order's returns, stick it on the parcel and hand it to ${request.carrier ?? 'the carrier'}.`],
    rows: [...parcelRows(request, products), { label: 'Return tracking number', value: request.returnTrackingNumber ?? '' }],
    outro: [
      ...(request.returnTrackingUrl ? [`Follow your return: ${request.returnTrackingUrl}`] : []),
      'We refund you once the parcel is back; you will get a mail then.',
    ],
  });
}

/** A return was refused, with the staff's note. */
export function returnRefusedNotice(to: MailRecipient, request: ReturnPayload, products: ProductLabels): RenderedMail {
  return render({
    kind: 'return-refused',
    subject: `Your return for order ${request.orderId} was not accepted`,
    greeting: `Hello ${to.name},`,
    intro: [`we could not accept your return for order ${request.orderId}.`, ...(request.note ? [`Why: ${request.note}`] : [])],
    rows: parcelRows(request, products),
    outro: ['Reply to this mail if you think this is a mistake.'],
  });
}

/**
 * The order will not be fulfilled. Why is not told (a staff member's reason
 * may be an internal note), but what happens to the money is: nothing was
 * taken, or it is being refunded (the refund mail follows).
 */
export function cancellationNotice(to: MailRecipient, change: OrderStatusChangedPayload, products: ProductLabels): RenderedMail {
  const paid = change.from === 'PAID';
  return render({
    kind: 'cancellation-notice',
    subject: `Your order ${change.orderId} was cancelled`,
    greeting: `Hello ${to.name},`,
    intro: [
      `your order ${change.orderId} was cancelled.`,
      paid
        ? `Your payment of ${money(change.total, change.currency, to.locale)} will be refunded in full; we will write again once it is on its way.`
        : 'No money was taken for it.',
    ],
    rows: orderRows(to, change, products),
  });
}

export function refundNotice(to: MailRecipient, payment: PaymentEventPayload): RenderedMail {
  const refunded = payment.refundedAmount ?? payment.amount;
  const full = refunded >= payment.amount;
  return render({
    kind: 'refund-notice',
    subject: `Refund for order ${payment.orderId}`,
    greeting: `Hello ${to.name},`,
    intro: [
      full
        ? `we refunded your payment of ${money(payment.amount, payment.currency, to.locale)} for order ${payment.orderId}.`
        : `we refunded ${money(refunded, payment.currency, to.locale)} of your payment of ${money(payment.amount, payment.currency, to.locale)} for order ${payment.orderId}.`,
      'The money goes back the way you paid; your bank may take a few days to show it.',
    ],
  });
}

export function lowStockAlert(to: MailRecipient, stock: StockThresholdPayload, product: ProductLabel | undefined): RenderedMail {
  const label = product ? `${product.name} (${product.sku})` : `product ${stock.productId}`;
  const count = (n: number) => new Intl.NumberFormat(safeLocale(to.locale)).format(n);
  return render({
    kind: 'low-stock-alert',
    subject: `Low stock: ${label}`,
    greeting: `Hello ${to.name},`,
    intro: [`${label} fell to its low-stock threshold. Time to restock:`],
    rows: [
      { label: 'Available', value: count(stock.available), strong: true },
      { label: 'On hand', value: count(stock.onHand) },
      { label: 'Reserved', value: count(stock.reserved) },
      { label: 'Threshold', value: count(stock.threshold) },
      { label: 'Product id', value: stock.productId },
    ],
  });
}

const SECURITY_ALERTS: Readonly<Record<SecurityAlertKind, { readonly subject: string; readonly intro: string }>> = {
  MFA_ENABLED: { subject: 'Two-step sign-in is on', intro: 'two-step sign-in was turned on for your account: signing in now needs a code from your authenticator app.' },
  MFA_DISABLED: { subject: 'Two-step sign-in was turned off', intro: 'two-step sign-in was turned off for your account: signing in needs only your password now.' },
  RECOVERY_CODE_USED: { subject: 'A recovery code was used', intro: 'one of your recovery codes was used instead of a code from your authenticator app.' },
  RECOVERY_CODES_REGENERATED: { subject: 'New recovery codes', intro: 'new recovery codes were created for your account; the old ones no longer work.' },
};

/** A change to how the account signs in; the owner must be able to tell whether it was them. */
export function securityAlert(to: MailRecipient, alert: SecurityAlertPayload): RenderedMail {
  const { subject, intro } = SECURITY_ALERTS[alert.alert];
  const rows: Row[] = [{ label: 'When', value: new Intl.DateTimeFormat(safeLocale(to.locale), { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' }).format(new Date(alert.at)) }];
  if (alert.clientAddress) rows.push({ label: 'From address', value: alert.clientAddress });
  if (alert.userAgent) rows.push({ label: 'Device', value: alert.userAgent });
  if (alert.endedSessions > 0) rows.push({ label: 'Other sessions signed out', value: String(alert.endedSessions) });
  if (alert.recoveryCodesLeft !== null) rows.push({ label: 'Recovery codes left', value: String(alert.recoveryCodesLeft) });
  return render({
    kind: `security-alert-${alert.alert.toLowerCase().replace(/_/g, '-')}`,
    subject,
    greeting: `Hello ${to.name},`,
    intro: [intro],
    rows,
    outro: ['If this was not you, change your password now and contact us.'],
  });
}

/** Minor units to a localized amount: the currency's own number of decimals (EUR 2, JPY 0, KWD 3). */
export function money(amount: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(safeLocale(locale), { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

function orderRows(to: MailRecipient, order: OrderEventPayload, products: ProductLabels): Row[] {
  const rows: Row[] = order.lines.map((line) => {
    const name = products.get(line.productId)?.name ?? `Product ${line.productId}`;
    const each = line.quantity > 1 ? ` (${money(line.unitPrice, order.currency, to.locale)} each)` : '';
    return { label: `${line.quantity} × ${name}`, value: `${money(line.unitPrice * line.quantity, order.currency, to.locale)}${each}` };
  });
  rows.push({ label: 'Total', value: money(order.total, order.currency, to.locale), strong: true });
  return rows;
}

/** A parcel's lines, each with its variant's SKU (events from before variants carry none: the product's). */
function parcelRows(parcel: { readonly lines: ShipmentPayload['lines'] }, products: ProductLabels): Row[] {
  return parcel.lines.map((line) => ({ label: `${line.quantity} × ${products.get(line.productId)?.name ?? `Product ${line.productId}`}`, value: line.sku ?? products.get(line.productId)?.sku ?? '' }));
}

/** A malformed or unknown stored locale must not stop a mail: English then. */
function safeLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en';
  } catch {
    return 'en';
  }
}

function render(body: Body): RenderedMail {
  const outro = body.outro ?? [];
  const rows = body.rows ?? [];
  const text = [
    body.greeting,
    '',
    ...body.intro.flatMap((p) => [p, '']),
    ...(rows.length ? [...rows.map((r) => `  ${r.label}: ${r.value}`), ''] : []),
    ...outro.flatMap((p) => [p, '']),
    'The Shop team',
    '',
  ].join('\n');
  const table = rows.length
    ? `<table cellpadding="4" style="border-collapse:collapse">${rows
        .map((r) => {
          const cell = (v: string) => (r.strong ? `<strong>${escapeHtml(v)}</strong>` : escapeHtml(v));
          return `<tr><td>${cell(r.label)}</td><td style="text-align:right">${cell(r.value)}</td></tr>`;
        })
        .join('')}</table>`
    : '';
  const paragraphs = (ps: readonly string[]) => ps.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    `<p>${escapeHtml(body.greeting)}</p>`,
    paragraphs(body.intro),
    table,
    paragraphs(outro),
    '<p>The Shop team</p>',
    '</body></html>',
  ].join('');
  return { kind: body.kind, subject: body.subject, text, html };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
