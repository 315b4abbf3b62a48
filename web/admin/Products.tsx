import { useState } from 'react';
import { Field, fieldError, formatMoney, FormError, messageOf, Pager, useAction, useLoad, usePaging } from '../shared/ui';
import { products, type Product, type ProductStatus } from './api';

const cents = (text: string) => Math.round(Number(text) * 100);

function CreateProduct({ onCreated }: { onCreated: (product: Product) => void }) {
  const empty = { sku: '', name: '', price: '', currency: 'EUR', description: '' };
  const [form, setForm] = useState(empty);
  const [created, setCreated] = useState<string | null>(null);
  const create = useAction(async () => {
    const product = await products.create({
      sku: form.sku,
      name: form.name,
      priceAmount: cents(form.price),
      currency: form.currency,
      ...(form.description ? { description: form.description } : {}),
    });
    setForm(empty);
    setCreated(`${product.name} (${product.sku}) was created.`);
    onCreated(product);
  });
  const error = (field: string) => fieldError(create.error, field);
  return (
    <form
      className="card"
      aria-labelledby="create-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setCreated(null);
        void create.run();
      }}
    >
      <h2 id="create-heading">New product</h2>
      <div className="filters">
        <Field label="SKU" name="sku" value={form.sku} onChange={(e) => setForm({ ...form, sku: e.target.value })} error={error('sku')} />
        <Field label="Name" name="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={error('name')} />
        <Field label="Price" name="price" type="number" step="0.01" min="0" inputMode="decimal" value={form.price} onChange={(e) => setForm({ ...form, price: e.target.value })} error={error('priceAmount')} />
        <Field label="Currency" name="currency" value={form.currency} maxLength={3} onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })} error={error('currency')} />
        <Field label="Description" name="description" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} error={error('description')} />
      </div>
      <FormError error={create.error} fields={['sku', 'name', 'priceAmount', 'currency', 'description']} />
      {created && <p className="notice" role="status">{created}</p>}
      <button type="submit" disabled={create.pending}>Create product</button>
    </form>
  );
}

/** A product's variants with their own stock (set by each variant's SKU on the stock page). */
function Variants({ product }: { product: Product }) {
  const variants = useLoad(() => products.variants(product.id), [product.id]);
  if (variants.error) return <p className="form-error" role="alert">{messageOf(variants.error)}</p>;
  if (!variants.data) return <p>Loading…</p>;
  return (
    <table>
      <caption>Variants of {product.sku}</caption>
      <thead>
        <tr>
          <th scope="col">SKU</th>
          <th scope="col">Title</th>
          <th scope="col" className="num">Price</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">Available / on hand</th>
        </tr>
      </thead>
      <tbody>
        {variants.data.map((variant) => (
          <tr key={variant.id} data-sku={variant.sku}>
            <td>{variant.sku}</td>
            <td>{variant.title}</td>
            <td className="num">{formatMoney(variant.price)}</td>
            <td><span className={`badge ${variant.status}`}>{variant.status}</span></td>
            <td className="num">{variant.stock ? `${variant.stock.available} / ${variant.stock.onHand}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One row, read-only until Edit: then name, price and status become inputs with the server's errors beside them. */
function ProductRow({ product, onChange }: { product: Product; onChange: (product: Product) => void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ name: product.name, price: (product.price.amount / 100).toFixed(2), status: product.status });
  const save = useAction(async () => {
    const input = {
      ...(draft.name !== product.name ? { name: draft.name } : {}),
      ...(cents(draft.price) !== product.price.amount ? { priceAmount: cents(draft.price) } : {}),
      ...(draft.status !== product.status ? { status: draft.status } : {}),
    };
    onChange(Object.keys(input).length ? await products.update(product.id, input) : product);
    setEditing(false);
  });
  const archive = useAction(async () => onChange(await products.archive(product.id)));
  const [open, setOpen] = useState(false);
  const count = variantCount(product);
  if (!editing) {
    return (
      <>
        <tr data-sku={product.sku}>
          <td>{product.sku}</td>
          <td>{product.name}</td>
          <td className="num">{formatMoney(product.price)}</td>
          <td><span className={`badge ${product.status}`}>{product.status}</span></td>
          <td className="num" data-testid="variant-count">
            {count > 1 ? (
              <button type="button" className="secondary" aria-expanded={open} aria-controls={`variants-${product.id}`} aria-label={`${count} variants of ${product.sku}`} onClick={() => setOpen(!open)}>
                {count}
              </button>
            ) : (
              count
            )}
          </td>
          <td className="num">{product.stock.available} / {product.stock.onHand}</td>
          <td className="row">
            <button type="button" className="secondary" aria-label={`Edit ${product.sku}`} onClick={() => setEditing(true)}>Edit</button>
            {product.status !== 'ARCHIVED' && (
              <button type="button" className="danger" aria-label={`Archive ${product.sku}`} disabled={archive.pending} onClick={() => void archive.run()}>Archive</button>
            )}
            <FormError error={archive.error} />
          </td>
        </tr>
        {open && (
          <tr id={`variants-${product.id}`}>
            <td colSpan={7}>
              <Variants product={product} />
            </td>
          </tr>
        )}
      </>
    );
  }
  const error = (field: string) => fieldError(save.error, field);
  return (
    <tr data-sku={product.sku}>
      <td>{product.sku}</td>
      <td>
        <label className="skip" htmlFor={`name-${product.id}`}>Name of {product.sku}</label>
        <input id={`name-${product.id}`} value={draft.name} aria-invalid={error('name') ? true : undefined} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        {error('name') && <small className="field-error" role="alert">{error('name')}</small>}
      </td>
      <td>
        <label className="skip" htmlFor={`price-${product.id}`}>Price of {product.sku}</label>
        <input id={`price-${product.id}`} type="number" step="0.01" value={draft.price} aria-invalid={error('priceAmount') ? true : undefined} onChange={(e) => setDraft({ ...draft, price: e.target.value })} />
        {error('priceAmount') && <small className="field-error" role="alert">{error('priceAmount')}</small>}
      </td>
      <td>
        <label className="skip" htmlFor={`status-${product.id}`}>Status of {product.sku}</label>
        <select id={`status-${product.id}`} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as ProductStatus })}>
          <option>DRAFT</option>
          <option>ACTIVE</option>
          <option>ARCHIVED</option>
        </select>
      </td>
      <td className="num">{variantCount(product)}</td>
      <td className="num">{product.stock.available} / {product.stock.onHand}</td>
      <td className="row">
        <button type="button" disabled={save.pending} onClick={() => void save.run()}>Save</button>
        <button type="button" className="secondary" onClick={() => setEditing(false)}>Cancel</button>
        <FormError error={save.error} fields={['name', 'priceAmount']} />
      </td>
    </tr>
  );
}

export function ProductsPage() {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const paging = usePaging();
  const page = useLoad(() => products.list(query, paging.at), [query, JSON.stringify(paging.at)]);
  const replace = (changed: Product) =>
    page.set((current) => current && { ...current, edges: current.edges.map((edge) => (edge.node.id === changed.id ? { node: changed } : edge)) });
  return (
    <>
      <h1>Products</h1>
      <CreateProduct onCreated={() => page.reload()} />
      <form
        className="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(search.trim());
          paging.reset();
        }}
      >
        <Field label="Search products" name="search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      {page.error ? <p className="form-error" role="alert">{messageOf(page.error)}</p> : null}
      <p className="muted">{page.data ? `${page.data.totalCount} ${page.data.totalCount === 1 ? 'product' : 'products'}` : 'Loading…'}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Name</th>
              <th scope="col" className="num">Price</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">Variants</th>
              <th scope="col" className="num">Available / on hand</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.edges.map(({ node }) => <ProductRow key={node.id} product={node} onChange={replace} />)}
          </tbody>
        </table>
      </div>
      <Pager paging={paging} pageInfo={page.data?.pageInfo} />
    </>
  );
}

/** Variants still sold or to be sold: archived ones stay only for past orders. */
const variantCount = (product: Product) => product.variants.filter((v) => v.status !== 'ARCHIVED').length;
