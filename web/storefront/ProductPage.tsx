import { useState } from 'react';
import { Field, fieldError, FormError, formatMoney, Link, messageOf, navigate, useAction, useLoad } from '../shared/ui';
import { cart, catalog, session, wishlist, type ProductDetail, type StockLevel, type Variant } from './api';
import { signInFirst } from './routes';
import { StockText, useLiveStock } from './stock';

type Choice = Readonly<Record<string, string>>;

const valueOf = (variant: Variant, option: string) => variant.optionValues.find((v) => v.option === option)?.value;
const fits = (variant: Variant, choice: Choice) => Object.entries(choice).every(([option, value]) => valueOf(variant, option) === value);

export function ProductPage({ id }: { id: string }) {
  const product = useLoad(() => catalog.product(id), [id]);
  const p = product.data;
  const choosing = p !== undefined && p !== null && p.variants.length > 1;
  // With several variants each one's own levels are watched (by variant id); otherwise the product's.
  const stockOf = useLiveStock(!p ? [] : choosing ? p.variants.flatMap((v) => (v.stock ? [v.stock] : [])) : [p.stock]);
  // Kept with the product it was made on: another product's page starts from its default variant.
  const [picked, setPicked] = useState<{ id: string; choice: Choice }>({ id, choice: {} });
  const [quantity, setQuantity] = useState('1');
  const [done, setDone] = useState<string | null>(null);
  const choice: Choice = p && choosing ? { ...Object.fromEntries((p.variants[0]?.optionValues ?? []).map((v) => [v.option, v.value])), ...(picked.id === id ? picked.choice : {}) } : {};
  const variant = p && choosing ? p.variants.find((v) => fits(v, choice)) : undefined;
  const add = useAction(async () => {
    await cart.add(id, variant?.id ?? null, Number(quantity));
    setDone('Added to your cart.');
  });
  const save = useAction(async () => {
    await wishlist.add(id);
    setDone('Saved to your wishlist.');
  });
  if (product.error) return <p className="form-error" role="alert">{messageOf(product.error)}</p>;
  if (!p) return <p>{product.loading ? 'Loading…' : 'This product is not on sale.'}</p>;
  const level = choosing ? (variant ? stockOf(variant.id) : undefined) : stockOf(p.id);
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
      <p className="muted" data-testid="sku">SKU {variant?.sku ?? p.sku}</p>
      {p.description && <p>{p.description}</p>}
      <p className="price">{formatMoney(variant?.price ?? p.price)}</p>
      <p>
        {choosing && !variant ? <span className="stock">Not available in this combination</span> : <StockText level={level} />}
      </p>
      <form
        className="narrow"
        onSubmit={(event) => {
          event.preventDefault();
          if (signedIn()) void add.run();
        }}
      >
        {choosing && <OptionPicker product={p} choice={choice} stockOf={stockOf} onPick={(option, value) => setPicked({ id, choice: { ...choice, [option]: value } })} />}
        <Field label="Quantity" name="quantity" type="number" min="1" max="100" required value={quantity} onChange={(e) => setQuantity(e.target.value)} error={fieldError(add.error, 'quantity')} />
        <FormError error={add.error ?? save.error} fields={['quantity']} />
        <div className="row">
          <button type="submit" disabled={add.pending || (choosing && !variant) || (level?.available ?? 0) <= 0}>
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

/**
 * One radio group per option. A value is disabled when no variant on sale has
 * it together with the other options as chosen, or when that variant is sold out.
 */
function OptionPicker({ product, choice, stockOf, onPick }: {
  product: ProductDetail;
  choice: Choice;
  stockOf: (id: string) => StockLevel | undefined;
  onPick: (option: string, value: string) => void;
}) {
  return (
    <>
      {product.options.map((option) => (
        <fieldset key={option.name} className="options">
          <legend>{option.name}</legend>
          {option.values.map((value) => {
            const match = product.variants.find((v) => fits(v, { ...choice, [option.name]: value }));
            const soldOut = match !== undefined && (stockOf(match.id)?.available ?? 1) <= 0;
            return (
              <label key={value}>
                <input
                  type="radio"
                  name={`option-${option.name}`}
                  value={value}
                  checked={choice[option.name] === value}
                  disabled={!match || soldOut}
                  onChange={() => onPick(option.name, value)}
                />
                {value}
                {soldOut && <span className="muted"> (sold out)</span>}
              </label>
            );
          })}
        </fieldset>
      ))}
    </>
  );
}
