import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse } from 'graphql';
import { schemaDir } from '../platform/project';
import { cacheableOperation, cacheKey, tagsEvictedBy, tagsOf } from './response-cache.rules';

const schema = buildSchema(readFileSync(path.join(schemaDir(), 'api.graphql'), 'utf8'));
const cacheable = (query: string, operationName?: string) => cacheableOperation(schema, parse(query), operationName);

describe('what the response cache may keep', () => {
  it('keeps catalogue reads whose every field is covered by a change notice', () => {
    expect(cacheable('{ products(first: 5) { edges { node { id name price { amount } stock { available } rating { average } categories { name } } } } }')).not.toBeNull();
    expect(cacheable('query P($id: ID!) { product(id: $id) { ...F } } fragment F on Product { name media { url } }')).not.toBeNull();
    expect(cacheable('{ categories { id name children { id } } }')).not.toBeNull();
  });

  it('refuses mutations, personal reads and fields that change without a notice', () => {
    expect(cacheable('mutation { archiveProduct(id: "p") { id } }')).toBeNull();
    expect(cacheable('{ me { id } }')).toBeNull();
    expect(cacheable('{ products { totalCount } me { id } }')).toBeNull();
    expect(cacheable('{ product(id: "p") { frequentlyBoughtTogether { id } } }')).toBeNull();
    expect(cacheable('{ product(id: "p") { ... on Product { reviews { totalCount } } } }')).toBeNull();
    // A sale price and promotions follow pricing's rules and their windows, which send no product notice.
    expect(cacheable('{ product(id: "p") { price { amount } salePrice { amount } } }')).toBeNull();
    expect(cacheable('{ products { edges { node { promotions { name } } } } }')).toBeNull();
    expect(cacheable('{ trendingProducts { id } }')).toBeNull();
  });

  it('picks the named operation of a document with several', () => {
    const document = 'query A { products { totalCount } } query B { me { id } }';
    expect(cacheable(document, 'A')).not.toBeNull();
    expect(cacheable(document, 'B')).toBeNull();
    expect(cacheable(document)).toBeNull();
  });
});

describe('the tags of an answer', () => {
  it('names every product shown, its stock by the product id, and lists as any-change', () => {
    const operation = cacheable('{ products { edges { node { id stock { available } categories { id } } } } }')!;
    const data = { products: { edges: [{ node: { id: 'p1', stock: { available: 3 }, categories: [{ id: 'c1' }] } }] } };
    expect(tagsOf(schema, operation, data, {}).sort()).toEqual(['Category:*', 'Category:c1', 'Product:*', 'Product:p1', 'StockLevel:p1'].sort());
  });

  it('tags a lookup by the id asked for, found or not', () => {
    const operation = cacheable('query P($id: ID!) { product(id: $id) { name stock { available } } }')!;
    expect(tagsOf(schema, operation, { product: null }, { id: 'p9' })).toEqual(['Product:p9']);
    expect(tagsOf(schema, operation, { product: { name: 'n', stock: { available: 1 } } }, { id: 'p9' }).sort()).toEqual(['Product:p9', 'StockLevel:p9']);
  });

  it('evicts by notice: a product change reaches its entity and every list of products', () => {
    expect(tagsEvictedBy('Product', 'p1')).toEqual(['Product:p1', 'Product:*']);
    expect(tagsEvictedBy('StockLevel', 'p1')).toEqual(['StockLevel:p1', 'StockLevel:*', 'Product:p1']);
    expect(tagsEvictedBy('Category', 'c1')).toContain('Product:*');
  });
});

describe('the cache key', () => {
  it('differs by document, operation and variables, not by the order of variable keys', () => {
    const key = cacheKey('{ a }', null, { x: 1, y: { b: 2, a: 1 } });
    expect(cacheKey('{ a }', null, { y: { a: 1, b: 2 }, x: 1 })).toBe(key);
    expect(cacheKey('{ a }', null, { x: 2, y: { a: 1, b: 2 } })).not.toBe(key);
    expect(cacheKey('{ b }', null, { x: 1, y: { a: 1, b: 2 } })).not.toBe(key);
    expect(cacheKey('{ a }', 'A', { x: 1, y: { a: 1, b: 2 } })).not.toBe(key);
  });
});
