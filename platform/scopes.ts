import type { UserRoleName } from './caller';

/**
 * What an API key may do. A key names scopes, not roles: each scope opens a
 * fixed list of root fields, and a key's caller may call no other root field
 * (deny by default), so a key for a stock feed cannot read orders even though
 * its caller holds the AGENT role those fields also need. The subgraphs
 * enforce the list (platform/subgraph.ts) from the signed caller header.
 */
export const API_SCOPES = {
  'catalog:read': { role: 'AGENT', description: 'Read products and categories.' },
  'catalog:write': { role: 'AGENT', description: 'Create, edit, archive and bulk upsert products and categories.' },
  'stock:read': { role: 'AGENT', description: 'Read stock movements and follow stock levels.' },
  'stock:write': { role: 'AGENT', description: 'Set and adjust stock, and low-stock thresholds.' },
  'orders:read': { role: 'AGENT', description: 'Read any order and follow its status.' },
  'orders:write': { role: 'AGENT', description: 'Ship, deliver and cancel orders.' },
  'reviews:moderate': { role: 'AGENT', description: 'Moderate and answer reviews.' },
  'audit:read': { role: 'ADMIN', description: 'Read the audit log.' },
} as const satisfies Record<string, { role: UserRoleName; description: string }>;

export type ApiScope = keyof typeof API_SCOPES;

export const isApiScope = (value: string): value is ApiScope => Object.hasOwn(API_SCOPES, value);

/**
 * The root fields a key may call, by `<Type>.<field>`, each with the scope it
 * needs. A new staff operation is one line here (and, for agents, one line in
 * gateway/mcp.tools.ts).
 */
export const SCOPE_OF_ROOT_FIELD: Readonly<Record<string, ApiScope>> = {
  'Query.products': 'catalog:read',
  'Query.product': 'catalog:read',
  'Query.categories': 'catalog:read',
  'Query.category': 'catalog:read',
  'Mutation.createCategory': 'catalog:write',
  'Mutation.updateCategory': 'catalog:write',
  'Mutation.createProduct': 'catalog:write',
  'Mutation.updateProduct': 'catalog:write',
  'Mutation.archiveProduct': 'catalog:write',
  'Mutation.upsertProducts': 'catalog:write',
  'Query.stockMovements': 'stock:read',
  'Query.lowStock': 'stock:read',
  'Query.warehouses': 'stock:read',
  'Query.warehouseLowStock': 'stock:read',
  'Subscription.stockLevelChanged': 'stock:read',
  'Mutation.setStock': 'stock:write',
  'Mutation.adjustStock': 'stock:write',
  'Mutation.setStockBySku': 'stock:write',
  'Mutation.adjustStockBySku': 'stock:write',
  'Mutation.setStockLevels': 'stock:write',
  'Mutation.setLowStockThreshold': 'stock:write',
  'Mutation.transferStock': 'stock:write',
  'Mutation.setWarehouseLowStockThreshold': 'stock:write',
  'Query.order': 'orders:read',
  'Query.orders': 'orders:read',
  'Subscription.orderStatusChanged': 'orders:read',
  'Subscription.ordersChanged': 'orders:read',
  'Mutation.shipOrder': 'orders:write',
  'Mutation.deliverOrder': 'orders:write',
  'Mutation.cancelOrder': 'orders:write',
  'Query.reviewsToModerate': 'reviews:moderate',
  'Mutation.approveReview': 'reviews:moderate',
  'Mutation.hideReview': 'reviews:moderate',
  'Mutation.restoreReview': 'reviews:moderate',
  'Mutation.replyToReview': 'reviews:moderate',
  'Query.auditLog': 'audit:read',
};

/** Federation's own root fields: the gateway calls them on the caller's behalf to join entities. */
const FEDERATION_FIELDS = new Set(['Query._entities', 'Query._service']);

export type ScopeCheck = { ok: true } | { ok: false; requiredScope: ApiScope | null };

/** Whether a key holding `scopes` may call `<type>.<field>`; `requiredScope` null: no key may. */
export function checkScope(scopes: readonly string[], type: string, field: string): ScopeCheck {
  const name = `${type}.${field}`;
  if (FEDERATION_FIELDS.has(name) || field === '__typename') return { ok: true };
  const required = SCOPE_OF_ROOT_FIELD[name] ?? null;
  return required !== null && scopes.includes(required) ? { ok: true } : { ok: false, requiredScope: required };
}

/** The roles a key's caller holds: those its scopes need, so role checks in resolvers pass for what the scopes allow. */
export function rolesOfScopes(scopes: readonly ApiScope[]): UserRoleName[] {
  return [...new Set(scopes.map((scope) => API_SCOPES[scope].role as UserRoleName))];
}

/** Keys are `shk_` and 43 base64url characters: recognisable in logs and by secret scanners, never mistaken for a JWT. */
export const API_KEY_PREFIX = 'shk_';

export const isApiKeyShaped = (token: string): boolean => token.startsWith(API_KEY_PREFIX);
