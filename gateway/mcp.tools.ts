/**
 * The MCP tools agents get at /mcp: each one GraphQL root field, called with
 * the tool's arguments as the field's arguments (their JSON schema and the
 * tool's description come from the composed schema, gateway/mcp.ts) and
 * answering `selection`. The scope a tool needs is the field's
 * (platform/scopes.ts), so a tool and the same call over /graphql are
 * allowed to exactly the same keys. A new staff operation is one line here.
 */
export interface McpToolDefinition {
  /** snake_case, as agents expect. */
  readonly name: string;
  /** `Query.<field>` or `Mutation.<field>`. */
  readonly field: string;
  /** What the tool answers, a selection set on the field's type. */
  readonly selection: string;
}

const PRODUCT = '{ id sku name description status price { amount currency } categories { id name } stock { onHand reserved available lowStock lowStockThreshold } }';
const STOCK = '{ productId onHand reserved available lowStock lowStockThreshold }';
const ORDER = '{ id status version createdAt updatedAt total { amount currency } refunded { amount currency } lines { quantity product { id sku name } unitPrice { amount currency } } statusHistory { from to at reason } }';

export const MCP_TOOLS: readonly McpToolDefinition[] = [
  { name: 'search_products', field: 'Query.products', selection: `{ totalCount pageInfo { hasNextPage endCursor } edges { node ${PRODUCT} } }` },
  { name: 'get_product', field: 'Query.product', selection: PRODUCT },
  { name: 'create_product', field: 'Mutation.createProduct', selection: PRODUCT },
  { name: 'update_product', field: 'Mutation.updateProduct', selection: PRODUCT },
  { name: 'upsert_products', field: 'Mutation.upsertProducts', selection: '{ index sku status product { id sku } error { code message field } }' },
  { name: 'set_stock', field: 'Mutation.setStock', selection: STOCK },
  { name: 'adjust_stock', field: 'Mutation.adjustStock', selection: STOCK },
  { name: 'set_stock_by_sku', field: 'Mutation.setStockBySku', selection: STOCK },
  { name: 'adjust_stock_by_sku', field: 'Mutation.adjustStockBySku', selection: STOCK },
  { name: 'set_stock_levels', field: 'Mutation.setStockLevels', selection: `{ index sku status stock ${STOCK} error { code message field } }` },
  { name: 'list_low_stock', field: 'Query.lowStock', selection: `{ totalCount pageInfo { hasNextPage endCursor } edges { node { product { id sku name } onHand reserved available lowStockThreshold } } }` },
  { name: 'set_low_stock_threshold', field: 'Mutation.setLowStockThreshold', selection: STOCK },
  { name: 'list_stock_movements', field: 'Query.stockMovements', selection: '{ totalCount pageInfo { hasNextPage endCursor } edges { node { id kind onHandDelta reservedDelta onHandAfter reservedAfter orderId reason actorId at } } }' },
  { name: 'list_orders', field: 'Query.orders', selection: `{ totalCount pageInfo { hasNextPage endCursor } edges { node ${ORDER} } }` },
  { name: 'get_order', field: 'Query.order', selection: ORDER },
  { name: 'ship_order', field: 'Mutation.shipOrder', selection: ORDER },
  { name: 'deliver_order', field: 'Mutation.deliverOrder', selection: ORDER },
  { name: 'cancel_order', field: 'Mutation.cancelOrder', selection: ORDER },
  {
    name: 'read_audit_log',
    field: 'Query.auditLog',
    selection: '{ totalCount pageInfo { hasNextPage endCursor } edges { node { id at actorId actorName actorRoles service action entityType entityId reason before after } } }',
  },
];
