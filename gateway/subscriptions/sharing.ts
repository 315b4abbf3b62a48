import { BREAK, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context';

/**
 * Who a live fetch runs as, which decides who may share it.
 *
 * Catalog, stock and rating data answer alike for any two callers with the same roles
 * (a customer sees ACTIVE products, an agent all of them), so a fetch that
 * reads nothing else is shared by every subscriber with those roles, logged
 * in or not, and runs as a stand-in principal with those roles and no user:
 * even a field that later came to depend on the user could only ever answer
 * as for a stranger, never with one subscriber's data for another. Anything
 * else (an order, a payment, a customer) is fetched per user.
 */

/** Types whose every field depends on the caller's roles at most. Adding a field to one means deciding that it stays so. */
export const PUBLIC_TYPES: ReadonlySet<string> = new Set([
  'Product',
  'ProductVariant',
  'ProductOption',
  'VariantOptionValue',
  'StockLevel',
  'Category',
  'ProductAttribute',
  'ProductMedia',
  'Money',
  'ProductRating',
  'RatingCount',
]);

/** Root query fields the live wrappers read a public entity through. */
const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set(['product', 'productVariant']);

/** The stand-in user id of shared fetches (never a real account id, which are generated). */
export const SHARED_VIEWER = 'live:shared';

export interface FetchScope {
  /** Subscribers with equal keys (and equal documents, variables and entity) share one fetch. */
  readonly key: string;
  /** The context the shared fetch runs with. */
  readonly context: GatewayContext;
}

export function fetchScope(schema: GraphQLSchema, document: DocumentNode, context: GatewayContext): FetchScope {
  const { caller } = context;
  if (!caller) return { key: 'anonymous', context };
  const roles = [...caller.roles].sort().join(',');
  if (!readsOnlyPublicData(schema, document)) return { key: `user:${caller.userId}|${roles}`, context };
  return {
    key: `roles:${roles}`,
    context: { requestId: context.requestId, caller: { userId: SHARED_VIEWER, roles: caller.roles, sessionId: null }, expiresAt: null },
  };
}

export function readsOnlyPublicData(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let publicOnly = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === '__typename') return undefined;
        const parent = typeInfo.getParentType();
        const allowed = parent === schema.getQueryType() ? PUBLIC_ROOT_FIELDS.has(node.name.value) : parent != null && PUBLIC_TYPES.has(parent.name);
        if (allowed) return undefined;
        publicOnly = false;
        return BREAK;
      },
    }),
  );
  return publicOnly;
}
