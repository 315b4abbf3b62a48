import { useState } from 'react';
import { useSubscription } from '../shared/live';
import { Field, formatDate, formatMoney, FormError, messageOf, Pager, useAction, useLoad, usePaging } from '../shared/ui';
import { live, ORDER_STATUSES, orders, ORDERS_CHANGED, type Order, type OrderStatus } from './api';

function OrderActions({ order, onChange }: { order: Order; onChange: (order: Order) => void }) {
  const ship = useAction(async () => onChange(await orders.ship(order.id)));
  const deliver = useAction(async () => onChange(await orders.deliver(order.id)));
  return (
    <>
      {order.status === 'PAID' && (
        <button type="button" aria-label={`Ship order ${order.id}`} disabled={ship.pending} onClick={() => void ship.run()}>Ship</button>
      )}
      {order.status === 'SHIPPED' && (
        <button type="button" className="secondary" aria-label={`Mark order ${order.id} delivered`} disabled={deliver.pending} onClick={() => void deliver.run()}>Delivered</button>
      )}
      <FormError error={ship.error ?? deliver.error} />
    </>
  );
}

/**
 * The live board: the first page of orders matching the filters, kept up to
 * date by ordersChanged. A changed order is updated in place (rows keep their
 * height, so nothing jumps); a new one that matches is added at the top.
 */
export function OrdersBoard() {
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<{ status?: OrderStatus[]; search?: string }>({});
  const paging = usePaging();
  const page = useLoad(() => orders.list(filter, paging.at), [JSON.stringify(filter), JSON.stringify(paging.at)]);
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const upsert = (order: Order) => {
    page.set((current) => {
      if (!current) return current;
      const matches = !filter.status || filter.status.includes(order.status);
      const known = current.edges.find((edge) => edge.node.id === order.id);
      if (known && known.node.version > order.version) return current;
      if (known && matches) return { ...current, edges: current.edges.map((edge) => (edge.node.id === order.id ? { node: order } : edge)) };
      // It left the filter (shipped from a board of paid orders): off the board, and out of its count.
      if (known) return { ...current, edges: current.edges.filter((edge) => edge.node.id !== order.id), totalCount: current.totalCount - 1 };
      // A new order goes on top only when the top of the list is on show.
      if (!matches || filter.search || current.pageInfo.hasPreviousPage) return current;
      return { ...current, edges: [{ node: order }, ...current.edges], totalCount: current.totalCount + 1 };
    });
    setChanged((ids) => new Set(ids).add(order.id));
  };
  useSubscription(live, ORDERS_CHANGED, { filter: filter.status ? { status: filter.status } : {} }, ({ ordersChanged }) => upsert(ordersChanged));
  return (
    <>
      <h1>Orders</h1>
      <form
        className="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter({ ...(status ? { status: [status] } : {}), ...(search.trim() ? { search: search.trim() } : {}) });
          paging.reset();
        }}
      >
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" value={status} onChange={(e) => setStatus(e.target.value as OrderStatus | '')}>
            <option value="">Any</option>
            {ORDER_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <Field label="Order, customer email or name" name="search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit">Filter</button>
      </form>
      {page.error ? <p className="form-error" role="alert">{messageOf(page.error)}</p> : null}
      <p className="muted">{page.data ? `${page.data.totalCount} ${page.data.totalCount === 1 ? 'order' : 'orders'}` : 'Loading…'}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Customer</th>
              <th scope="col">Lines</th>
              <th scope="col" className="num">Total</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.edges.map(({ node }) => (
              <tr key={node.id} data-order={node.id} className={changed.has(node.id) ? 'changed' : undefined}>
                <td><code>{node.id}</code></td>
                <td>{formatDate(node.createdAt)}</td>
                <td>{node.customer.name}<br /><span className="muted">{node.customer.email}</span></td>
                <td>{node.lines.map((line) => `${line.quantity} × ${line.product.name}`).join(', ')}</td>
                <td className="num">{formatMoney(node.total)}</td>
                <td><span className={`badge ${node.status}`} data-status={node.status}>{node.status}</span></td>
                <td className="row"><OrderActions order={node} onChange={upsert} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager paging={paging} pageInfo={page.data?.pageInfo} />
    </>
  );
}
