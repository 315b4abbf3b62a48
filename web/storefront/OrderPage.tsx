import { useState } from 'react';
import { useSubscription } from '../shared/live';
import { formatDate, formatMoney, FormError, Link, messageOf, Pager, useAction, useLoad, usePaging } from '../shared/ui';
import { live, ORDER_STATUS_CHANGED, orders, session, type Money, type Order } from './api';
import { NeedsAccount } from './routes';
import { appConfig } from './stripe';
import { StripePayment } from './StripePayment';

const STATUS_WORDS: Readonly<Record<string, string>> = {
  PENDING: 'Being placed',
  AWAITING_PAYMENT: 'Awaiting payment',
  PAID: 'Paid',
  PARTIALLY_SHIPPED: 'Partly shipped',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  PAYMENT_FAILED: 'Payment failed',
  REFUNDED: 'Refunded',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge ${status}`} data-testid="order-status" data-status={status}>
      {STATUS_WORDS[status] ?? status}
    </span>
  );
}

/** The simulated provider's test cards (Stripe's test payment methods). */
const CARDS = [
  { method: 'pm_card_visa', label: 'Visa ending 4242 (succeeds)' },
  { method: 'pm_card_mastercard', label: 'Mastercard ending 4444 (succeeds)' },
  { method: 'pm_card_chargeDeclined', label: 'Card that is declined' },
  { method: 'pm_card_chargeDeclinedInsufficientFunds', label: 'Card with insufficient funds' },
];

export function OrderPage({ id }: { id: string }) {
  const order = useLoad(() => orders.get(id), [id]);
  const app = useLoad(appConfig, []);
  useSubscription(live, ORDER_STATUS_CHANGED, session.get() ? { orderId: id } : null, ({ orderStatusChanged: next }) =>
    order.set((shown) => (shown && shown.version > next.version ? shown : next)),
  );
  const [declined, setDeclined] = useState<string | null>(null);
  const paid = (reason: string | null) => {
    setDeclined(reason);
    order.reload();
  };
  if (!session.get()) {
    return <NeedsAccount what="this order" />;
  }
  if (order.error) return <p className="form-error" role="alert">{messageOf(order.error)}</p>;
  if (!order.data) return <p>{order.loading ? 'Loading…' : 'There is no such order.'}</p>;
  const o = order.data;
  const failed = o.status === 'PAYMENT_FAILED';
  const reason = declined ?? (failed ? (o.payment?.statusReason ?? 'The payment failed.') : null);
  // A declined order stays payable (with another card) until its stock reservation runs out.
  const payable = o.status === 'AWAITING_PAYMENT' || failed;
  return (
    <article className="card">
      <p>
        <Link to="/orders">← Your orders</Link>
      </p>
      <h1>
        Order <span className="muted">{o.id}</span>
      </h1>
      <p className="row">
        Status: <StatusBadge status={o.status} />
      </p>
      <ul>
        {o.lines.map((line) => (
          <li key={line.sku ?? line.product.id}>
            {line.quantity} × {lineName(line)} — {formatMoney(line.lineTotal)}
          </li>
        ))}
      </ul>
      <p className="price">Total {formatMoney(o.total)}</p>
      {reason && (
        <p className="form-error" role="alert" data-testid="payment-failure">
          Payment failed: {reason}
        </p>
      )}
      {payable && app.error ? <p className="form-error" role="alert">{messageOf(app.error)}</p> : null}
      {payable && app.data?.stripe ? <StripePayment orderId={o.id} total={o.total} again={reason !== null} settings={app.data.stripe} onPaid={paid} /> : null}
      {payable && app.data && !app.data.stripe ? <TestCardPayment orderId={o.id} total={o.total} again={reason !== null} onPaid={paid} /> : null}
      <h2>History</h2>
      <ol>
        {o.statusHistory.map((change) => (
          <li key={`${change.to}-${change.at}`}>
            {STATUS_WORDS[change.to] ?? change.to} · {formatDate(change.at)}
            {change.reason ? ` · ${change.reason}` : ''}
          </li>
        ))}
      </ol>
    </article>
  );
}

/** The simulated provider's payment step: a test card from a list, confirmed through the API (confirmPayment). */
function TestCardPayment({ orderId, total, again, onPaid }: { orderId: string; total: Money; again: boolean; onPaid: (declined: string | null) => void }) {
  const [method, setMethod] = useState(CARDS[0].method);
  const pay = useAction(async () => {
    const payment = await orders.pay(orderId, method);
    onPaid(payment.status === 'FAILED' ? (payment.statusReason ?? 'The payment was declined.') : null);
  });
  return (
    <form
      className="narrow card"
      onSubmit={(event) => {
        event.preventDefault();
        void pay.run();
      }}
    >
      <h2>{again ? 'Pay again with another card' : 'Pay'}</h2>
      <div className="field">
        <label htmlFor="card">Card (test payments)</label>
        <select id="card" value={method} onChange={(e) => setMethod(e.target.value)}>
          {CARDS.map((card) => (
            <option key={card.method} value={card.method}>
              {card.label}
            </option>
          ))}
        </select>
      </div>
      <FormError error={pay.error} />
      <button type="submit" disabled={pay.pending}>
        {pay.pending ? 'Paying…' : `Pay ${formatMoney(total)}`}
      </button>
    </form>
  );
}

export function OrderHistory() {
  const signedIn = session.get() !== null;
  const paging = usePaging();
  const page = useLoad(() => (signedIn ? orders.history(paging.at) : Promise.resolve(null)), [signedIn, JSON.stringify(paging.at)]);
  if (!signedIn) {
    return (
      <>
        <h1>Your orders</h1>
        <NeedsAccount what="your orders" />
      </>
    );
  }
  return (
    <>
      <h1>Your orders</h1>
      {page.error ? <p className="form-error" role="alert">{messageOf(page.error)}</p> : null}
      {page.data?.edges.length === 0 && <p>No orders yet.</p>}
      <ul className="grid" aria-label="Orders">
        {page.data?.edges.map(({ node }) => (
          <li key={node.id} className="product-card">
            <Link to={`/orders/${encodeURIComponent(node.id)}`}>Order of {formatDate(node.createdAt)}</Link>
            <StatusBadge status={node.status} />
            <span className="muted">{node.lines.map((line) => `${line.quantity} × ${lineName(line)}`).join(', ')}</span>
            <span className="price">{formatMoney(node.total)}</span>
          </li>
        ))}
      </ul>
      <Pager paging={paging} pageInfo={page.data?.pageInfo} />
    </>
  );
}

/** A line's product with the option values it was sold with ("Tee (Size: M)"). */
function lineName(line: Order['lines'][number]): string {
  if (line.optionValues.length === 0) return line.product.name;
  return `${line.product.name} (${line.optionValues.map((v) => `${v.option}: ${v.value}`).join(', ')})`;
}
