import { useEffect, useState } from 'react';
import { Field, fieldError, FormError, formatMoney, Link, Pager, useLoad, usePaging } from '../shared/ui';
import { catalog, type ProductFilter, type ProductSort } from './api';
import { StockText, useLiveStock } from './stock';

/** New products reach an open catalogue this often (there is no subscription for new products). */
const REFRESH_MS = 5_000;

export function Catalog() {
  const [filter, setFilter] = useState<ProductFilter>({});
  const [sort, setSort] = useState<ProductSort>('NEWEST');
  const paging = usePaging();
  const page = useLoad(() => catalog.products(filter, sort, paging.at), [JSON.stringify(filter), sort, JSON.stringify(paging.at)]);
  const categories = useLoad(() => catalog.categories(), []);
  const reload = page.reload;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const products = page.data?.edges.map((edge) => edge.node) ?? [];
  const stockOf = useLiveStock(products.map((product) => product.stock));

  const [draft, setDraft] = useState({ search: '', categoryId: '', minPrice: '', maxPrice: '' });
  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const cents = (text: string) => (text.trim() === '' ? undefined : Math.round(Number(text) * 100));
    setFilter({
      ...(draft.search.trim() ? { search: draft.search.trim() } : {}),
      ...(draft.categoryId ? { categoryId: draft.categoryId } : {}),
      ...(cents(draft.minPrice) !== undefined ? { minPrice: cents(draft.minPrice) } : {}),
      ...(cents(draft.maxPrice) !== undefined ? { maxPrice: cents(draft.maxPrice) } : {}),
    });
    paging.reset();
  };

  return (
    <>
      <h1>Products</h1>
      <form className="filters card" role="search" onSubmit={apply}>
        <Field label="Search" name="search" type="search" value={draft.search} onChange={(e) => setDraft({ ...draft, search: e.target.value })} error={fieldError(page.error, 'search')} />
        <div className="field">
          <label htmlFor="category">Category</label>
          <select id="category" value={draft.categoryId} onChange={(e) => setDraft({ ...draft, categoryId: e.target.value })}>
            <option value="">All</option>
            {categories.data?.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </div>
        <Field label="Min price" name="minPrice" type="number" min="0" step="0.01" inputMode="decimal" value={draft.minPrice} onChange={(e) => setDraft({ ...draft, minPrice: e.target.value })} error={fieldError(page.error, 'minPrice')} />
        <Field label="Max price" name="maxPrice" type="number" min="0" step="0.01" inputMode="decimal" value={draft.maxPrice} onChange={(e) => setDraft({ ...draft, maxPrice: e.target.value })} error={fieldError(page.error, 'maxPrice')} />
        <div className="field">
          <label htmlFor="sort">Sort by</label>
          <select
            id="sort"
            value={sort}
            onChange={(e) => {
              setSort(e.target.value as ProductSort);
              paging.reset();
            }}
          >
            <option value="NEWEST">Newest</option>
            <option value="NAME_ASC">Name</option>
            <option value="PRICE_ASC">Price: low to high</option>
            <option value="PRICE_DESC">Price: high to low</option>
          </select>
        </div>
        <button type="submit">Search</button>
      </form>
      <FormError error={page.error} fields={['search', 'minPrice', 'maxPrice']} />
      <p className="muted" aria-live="polite">
        {page.data ? `${page.data.totalCount} ${page.data.totalCount === 1 ? 'product' : 'products'}` : 'Loading…'}
      </p>
      <ul className="grid" aria-label="Products">
        {products.map((product) => (
          <li key={product.id} className="product-card">
            <h2>
              <Link to={`/products/${encodeURIComponent(product.id)}`}>{product.name}</Link>
            </h2>
            <span className="price">{formatMoney(product.price)}</span>
            <StockText level={stockOf(product.id)} />
            {product.description && <span className="muted">{product.description}</span>}
          </li>
        ))}
      </ul>
      <Pager paging={paging} pageInfo={page.data?.pageInfo} />
    </>
  );
}
