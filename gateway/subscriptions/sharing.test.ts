import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getOperationAST, parse, type FieldNode } from 'graphql';
import { projectRoot } from '../../platform/project';
import type { GatewayContext } from '../context';
import { LIVE_FIELDS, planFetch } from './live-fields';
import { fetchScope, PUBLIC_TYPES, SHARED_VIEWER } from './sharing';

const schema = buildSchema(readFileSync(path.join(projectRoot(), 'schema', 'api.graphql'), 'utf8'));

/** The per-event query the engine would run for a subscription document. */
function planOf(source: string) {
  const document = parse(source);
  const operation = getOperationAST(document)!;
  const root = operation.selectionSet.selections[0] as FieldNode;
  return planFetch(document, operation, root, LIVE_FIELDS.get(root.name.value)!, {}).document;
}

const as = (userId: string, ...roles: Array<'CUSTOMER' | 'AGENT' | 'ADMIN'>): GatewayContext => ({
  requestId: `r-${userId}`,
  caller: { userId, roles, sessionId: `s-${userId}` },
  expiresAt: Date.now() + 60_000,
});

describe('who may share a live fetch', () => {
  const stock = planOf(`subscription { stockLevelChanged(productIds: ["p1"]) { onHand ... on StockLevel { available } ...F } }
    fragment F on StockLevel { __typename lowStock }`);
  const order = planOf('subscription { orderStatusChanged(orderId: "o1") { status payment { clientSecret } } }');

  it('shares catalog and stock data among all callers with the same roles, fetched as a stand-in with those roles and no user', () => {
    const [a, b] = [fetchScope(schema, stock, as('user-a', 'CUSTOMER')), fetchScope(schema, stock, as('user-b', 'CUSTOMER'))];
    expect(a.key).toBe(b.key);
    expect(a.context).toEqual({ requestId: 'r-user-a', caller: { userId: SHARED_VIEWER, roles: ['CUSTOMER'], sessionId: null }, expiresAt: null });
    expect(fetchScope(schema, stock, as('user-c', 'CUSTOMER', 'AGENT')).key).not.toBe(a.key);
    expect(fetchScope(schema, stock, { requestId: 'r', caller: null, expiresAt: null }).key).toBe('anonymous');
  });

  it('keeps anything personal per user, fetched with the user\'s own context', () => {
    const owner = as('user-a', 'CUSTOMER');
    const scope = fetchScope(schema, order, owner);
    expect(scope.key).not.toBe(fetchScope(schema, order, as('user-b', 'CUSTOMER')).key);
    expect(scope.context).toBe(owner);
  });

  it('fetches stock per warehouse per user: its warehouse rows are not public data', () => {
    const perWarehouse = planOf('subscription { stockLevelChanged(productIds: ["p1"]) { available product { stockByWarehouse { onHand warehouse { code } } } } }');
    const agent = as('agent-a', 'AGENT');
    expect(fetchScope(schema, perWarehouse, agent)).toEqual({ key: 'user:agent-a|AGENT', context: agent });
    const perVariantWarehouse = planOf('subscription { stockLevelChanged(productIds: ["v1"]) { available product { variants { stockByWarehouse { onHand warehouse { code } } } } } }');
    expect(fetchScope(schema, perVariantWarehouse, agent)).toEqual({ key: 'user:agent-a|AGENT', context: agent });
  });

  it('knows every field of the shared types: a new one must be judged per-user or not before it ships', () => {
    const fields = Object.fromEntries(
      [...PUBLIC_TYPES].sort().map((name) => {
        const type = schema.getType(name);
        return [name, type && 'getFields' in type ? Object.keys(type.getFields()).sort() : null];
      }),
    );
    expect(fields).toEqual({
      Category: ['children', 'id', 'name', 'parent', 'parentId'],
      Money: ['amount', 'currency'],
      Product: [
        'attributes',
        'categories',
        'createdAt',
        'customersAlsoViewed',
        'description',
        'frequentlyBoughtTogether',
        'heightMm',
        'id',
        'lengthMm',
        'media',
        'name',
        'options',
        'price',
        'promotions',
        'rating',
        'reviews',
        'salePrice',
        'sku',
        'status',
        'stock',
        // Staff only (AGENT, ADMIN): depends on the roles, which the sharing key includes; its WarehouseStock is not public, so a fetch selecting it is per user.
        'stockByWarehouse',
        'updatedAt',
        'variants',
        'weightGrams',
        'widthMm',
      ],
      ProductAttribute: ['key', 'value'],
      ProductMedia: ['alt', 'position', 'url'],
      ProductOption: ['name', 'values'],
      ProductRating: ['average', 'count', 'distribution', 'productId', 'version'],
      // stockByWarehouse: staff only, judged as Product's (its WarehouseStock is not public).
      ProductVariant: ['attributes', 'createdAt', 'id', 'isDefault', 'media', 'optionValues', 'price', 'product', 'sku', 'stock', 'status', 'stockByWarehouse', 'title', 'updatedAt'].sort(),
      RatingCount: ['count', 'rating'],
      StockLevel: ['available', 'lowStock', 'lowStockThreshold', 'onHand', 'product', 'productId', 'reserved', 'variantId', 'version'],
      VariantOptionValue: ['option', 'value'],
    });
  });
});
