import { useState } from 'react';
import { GraphqlRequestError } from '../shared/graphql';
import { FormError, formatMoney, idempotencyKey, Link, messageOf, navigate, useAction, useLoad } from '../shared/ui';
import { cart, orders, session, wishlist } from './api';
import { NeedsAccount } from './routes';

export function CartPage() {
  const signedIn = session.get() !== null;
  const current = useLoad(() => (signedIn ? cart.get() : Promise.resolve(null)), [signedIn]);
  // One key per checkout attempt: a retried click never places a second order.
  const [checkoutKey] = useState(idempotencyKey);
  const change = useAction(async (variantId: string, quantity: number) => {
    const updated = quantity > 0 ? await cart.update(variantId, quantity) : await cart.remove(variantId);
    current.set(() => updated);
  });
  const checkout = useAction(async () => {
    const order = await orders.placeFromCart(checkoutKey);
    navigate(`/orders/${encodeURIComponent(order.id)}`);
  });
  if (!signedIn) return (<><h1>Cart</h1><NeedsAccount what="your cart" /></>);
  const lines = current.data?.lines ?? [];
  return (
    <>
      <h1>Cart</h1>
      {current.error ? <p className="form-error" role="alert">{messageOf(current.error)}</p> : null}
      {current.data && lines.length === 0 && (
        <p>
          Your cart is empty. <Link to="/">Browse products</Link>
        </p>
      )}
      {lines.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="skip">Cart lines</caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Quantity</th>
                <th scope="col" className="num">Total</th>
                <th scope="col"><span className="skip">Remove</span></th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => {
                const id = line.variant.id;
                const name = line.variant.isDefault ? line.product.name : `${line.product.name} (${line.variant.title})`;
                return (
                  <tr key={id}>
                    <td>
                      <Link to={`/products/${encodeURIComponent(line.product.id)}`}>{line.product.name}</Link>
                      {!line.variant.isDefault && <div className="muted">{line.variant.title}</div>}
                      {!line.available && <div className="field-error">Not enough in stock for this quantity</div>}
                    </td>
                    <td>
                      <label className="skip" htmlFor={`qty-${id}`}>Quantity of {name}</label>
                      <input
                        id={`qty-${id}`}
                        type="number"
                        min="1"
                        max="100"
                        defaultValue={line.quantity}
                        onBlur={(e) => Number(e.target.value) !== line.quantity && void change.run(id, Number(e.target.value))}
                      />
                    </td>
                    <td className="num">{formatMoney(line.lineTotal)}</td>
                    <td>
                      <button type="button" className="secondary" aria-label={`Remove ${name}`} onClick={() => void change.run(id, 0)}>
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <FormError error={change.error} />
      {lines.length > 0 && (
        <div className="card row spread">
          <span className="price">Total {formatMoney(current.data?.total)}</span>
          <button type="button" disabled={checkout.pending} onClick={() => void checkout.run()}>
            {checkout.pending ? 'Placing order…' : 'Check out'}
          </button>
        </div>
      )}
      {checkout.error ? (
        <p className="form-error" role="alert">
          {checkout.error instanceof GraphqlRequestError && checkout.error.reason === 'INSUFFICIENT_STOCK'
            ? 'Some products no longer have enough stock: lower their quantity and try again.'
            : messageOf(checkout.error)}
        </p>
      ) : null}
    </>
  );
}

export function WishlistPage() {
  const signedIn = session.get() !== null;
  const items = useLoad(() => (signedIn ? wishlist.get() : Promise.resolve([])), [signedIn]);
  const remove = useAction(async (productId: string) => {
    const left = await wishlist.remove(productId);
    items.set(() => left);
  });
  if (!signedIn) return (<><h1>Wishlist</h1><NeedsAccount what="your wishlist" /></>);
  return (
    <>
      <h1>Wishlist</h1>
      {items.error ? <p className="form-error" role="alert">{messageOf(items.error)}</p> : null}
      <FormError error={remove.error} />
      {items.data?.length === 0 && <p>Nothing saved yet.</p>}
      <ul className="grid">
        {items.data?.map(({ product }) => (
          <li key={product.id} className="product-card">
            <h2>
              <Link to={`/products/${encodeURIComponent(product.id)}`}>{product.name}</Link>
            </h2>
            <span className="price">{formatMoney(product.price)}</span>
            <button type="button" className="secondary" onClick={() => void remove.run(product.id)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
