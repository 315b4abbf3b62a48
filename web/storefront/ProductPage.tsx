import { useState } from 'react';
import { Field, fieldError, FormError, formatMoney, Link, messageOf, navigate, useAction, useLoad } from '../shared/ui';
import { cart, catalog, session, wishlist } from './api';
import { signInFirst } from './routes';
import { StockText, useLiveStock } from './stock';

export function ProductPage({ id }: { id: string }) {
  const product = useLoad(() => catalog.product(id), [id]);
  const stockOf = useLiveStock(product.data ? [product.data.stock] : []);
  const [quantity, setQuantity] = useState('1');
  const [done, setDone] = useState<string | null>(null);
  const add = useAction(async () => {
    await cart.add(id, Number(quantity));
    setDone('Added to your cart.');
  });
  const save = useAction(async () => {
    await wishlist.add(id);
    setDone('Saved to your wishlist.');
  });
  if (product.error) return <p className="form-error" role="alert">{messageOf(product.error)}</p>;
  if (!product.data) return <p>{product.loading ? 'Loading…' : 'This product is not on sale.'}</p>;
  const p = product.data;
  const level = stockOf(p.id);
  const signedIn = () => {
    if (session.get()) return true;
    signInFirst();
    return false;
  };
  return (
    <article className="card">
      <p>
        <Link to="/">← All products</Link>
      </p>
      <h1>{p.name}</h1>
      <p className="muted">SKU {p.sku}</p>
      {p.description && <p>{p.description}</p>}
      <p className="price">{formatMoney(p.price)}</p>
      <p>
        <StockText level={level} />
      </p>
      <form
        className="narrow"
        onSubmit={(event) => {
          event.preventDefault();
          if (signedIn()) void add.run();
        }}
      >
        <Field label="Quantity" name="quantity" type="number" min="1" max="100" required value={quantity} onChange={(e) => setQuantity(e.target.value)} error={fieldError(add.error, 'quantity')} />
        <FormError error={add.error ?? save.error} fields={['quantity']} />
        <div className="row">
          <button type="submit" disabled={add.pending || (level?.available ?? 0) <= 0}>
            Add to cart
          </button>
          <button type="button" className="secondary" disabled={save.pending} onClick={() => signedIn() && void save.run()}>
            Save to wishlist
          </button>
        </div>
      </form>
      {done && (
        <p className="notice" role="status">
          {done} <a href="/cart" onClick={(e) => (e.preventDefault(), navigate('/cart'))}>Go to cart</a>
        </p>
      )}
    </article>
  );
}
