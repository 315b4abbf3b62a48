import { randomUUID } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ProductEntity } from '../subgraphs/catalog/product.entity';
import { graphql } from './__generated__/index';
import { AuditOf, issueKey, RevokeApiKey, type IssuedKey } from './support/api-keys';
import { execute } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const StockOf = graphql(`
  query McpStockOf($id: ID!) {
    product(id: $id) { id stock { onHand } }
  }
`);

const PRODUCT = 'demo-product-0002';

describe('MCP endpoint for AI agents', () => {
  let t: TestStack;
  let admin: string;
  let stockKey: IssuedKey;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestStack();
    admin = await t.token('admin-for-mcp', 'ADMIN');
    stockKey = await issueKey(t, `mcp-stock-${randomUUID()}`, ['stock:write', 'catalog:read'], 'agent');
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await t.stop();
  });

  const mcpUrl = () => new URL('/mcp', t.url);
  async function connect(authorization?: string): Promise<Client> {
    const client = new Client({ name: 'shop-test-agent', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(mcpUrl(), { requestInit: { headers: authorization ? { authorization } : {} } });
    await client.connect(transport);
    clients.push(client);
    return client;
  }
  const textOf = (result: unknown) => ((result as CallToolResult).content[0] as { text: string }).text;
  const onHand = async () => (await execute(t.url, StockOf, { id: PRODUCT }, { token: admin })).data?.product?.stock.onHand;
  const auditOf = async (filter: { actorId?: string; entityId?: string; action?: string }) =>
    (await execute(t.url, AuditOf, { filter }, { token: admin })).data?.auditLog.edges.map((edge) => edge.node) ?? [];

  it("lists the tools the key's scopes allow, each with the schema's description and a JSON schema of its arguments", async () => {
    const client = await connect(`Bearer ${stockKey.secret}`);
    const { tools } = await client.listTools();
    const names = tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['set_stock', 'adjust_stock', 'search_products', 'get_product']));
    expect(names).not.toContain('create_product');
    expect(names).not.toContain('read_audit_log');
    const setStock = tools.find((tool) => tool.name === 'set_stock')!;
    expect(setStock.description).toContain('Sets the counted units on hand');
    expect(setStock.description).toContain('stock:write');
    expect(setStock.inputSchema).toEqual({
      type: 'object',
      properties: {
        onHand: { type: 'integer' },
        productId: { type: 'string' },
        // Optional arguments are nullable and carry the schema's description.
        warehouseId: { anyOf: [{ type: 'string' }, { type: 'null' }], description: expect.stringContaining('the default warehouse when omitted') },
      },
      required: ['onHand', 'productId'],
      additionalProperties: false,
    });
    const search = tools.find((tool) => tool.name === 'search_products')!;
    expect(search.description).toContain('Customers and anonymous callers see ACTIVE products only');
    expect(search.inputSchema.required).toEqual([]);
  });

  it('calls a tool: the change is made and audited with the key’s name', async () => {
    const client = await connect(`Bearer ${stockKey.secret}`);
    const result = await client.callTool({ name: 'set_stock', arguments: { productId: PRODUCT, onHand: 123 } });
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(textOf(result))).toMatchObject({ setStock: { productId: PRODUCT, onHand: 123 } });
    expect(await onHand()).toBe(123);
    const change = await waitFor(async () => {
      const [entry] = await auditOf({ actorId: `apikey:${stockKey.id}`, action: 'stock.set' });
      expect(entry).toBeDefined();
      return entry;
    });
    expect(change).toMatchObject({ actorName: stockKey.name, entityId: PRODUCT, after: { onHand: 123 } });
    const call = await waitFor(async () => {
      const [entry] = await auditOf({ entityId: stockKey.id, action: 'mcp.tool_called' });
      expect(entry).toBeDefined();
      return entry;
    });
    expect(call).toMatchObject({ actorName: stockKey.name, service: 'users', after: { target: 'set_stock' } });
  });

  it('feeds stock by SKU and lists low stock with the staff tools', async () => {
    const client = await connect(`Bearer ${stockKey.secret}`);
    const set = await client.callTool({ name: 'set_stock_by_sku', arguments: { sku: 'tee-logo-m', onHand: 2 } });
    expect(set.isError).toBeFalsy();
    expect(JSON.parse(textOf(set))).toMatchObject({ setStockBySku: { productId: PRODUCT, onHand: 2 } });
    expect(await onHand()).toBe(2);
    // Listing low stock needs stock:read, which this key lacks: the tool is not even offered.
    expect((await client.listTools()).tools.map((tool) => tool.name)).not.toContain('list_low_stock');
    const reader = await issueKey(t, `mcp-stock-reader-${randomUUID()}`, ['stock:read'], 'agent');
    const low = await (await connect(`Bearer ${reader.secret}`)).callTool({ name: 'list_low_stock', arguments: { first: 100 } });
    expect(low.isError).toBeFalsy();
    const skus = (JSON.parse(textOf(low)) as { lowStock: { edges: Array<{ node: { product: { sku: string } } }> } }).lowStock.edges.map((edge) => edge.node.product.sku);
    expect(skus).toContain('TEE-LOGO-M');
  });

  it('answers arguments that violate the schema with a tool error naming the argument, and writes nothing', async () => {
    const client = await connect(`Bearer ${stockKey.secret}`);
    const before = await onHand();
    const wrongType = await client.callTool({ name: 'set_stock', arguments: { productId: PRODUCT, onHand: 'lots' } });
    expect(wrongType.isError).toBe(true);
    expect(textOf(wrongType)).toMatch(/^BAD_USER_INPUT: Argument "onHand": Int cannot represent non-integer value/);
    const missing = await client.callTool({ name: 'adjust_stock', arguments: { productId: PRODUCT, delta: 1 } });
    expect(textOf(missing)).toBe('BAD_USER_INPUT: Argument "reason" is required');
    const extra = await client.callTool({ name: 'set_stock', arguments: { productId: PRODUCT, onHand: 1, force: true } });
    expect(textOf(extra)).toMatch(/^BAD_USER_INPUT: Argument "force" is not an argument of set_stock/);
    const refusedByRule = await client.callTool({ name: 'set_stock', arguments: { productId: PRODUCT, onHand: -1 } });
    expect(refusedByRule.isError).toBe(true);
    expect(textOf(refusedByRule)).toMatch(/^BAD_USER_INPUT: /);
    expect(await onHand()).toBe(before);
  });

  it('names a nested argument that violates the schema', async () => {
    const catalogKey = await issueKey(t, `mcp-catalog-${randomUUID()}`, ['catalog:write']);
    const client = await connect(`Bearer ${catalogKey.secret}`);
    const count = () => t.stack.subgraphs.catalog.orm.em.fork().count(ProductEntity, {});
    const before = await count();
    const result = await client.callTool({ name: 'upsert_products', arguments: { input: [{ sku: 'MCP-1', name: 'Mug', priceAmount: 'cheap', currency: 'EUR' }] } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^BAD_USER_INPUT: Argument "input\.0\.priceAmount": /);
    expect(await count()).toBe(before);
  });

  it('refuses a tool outside the key’s scopes, writes nothing and audits the refusal', async () => {
    const client = await connect(`Bearer ${stockKey.secret}`);
    const count = () => t.stack.subgraphs.catalog.orm.em.fork().count(ProductEntity, {});
    const before = await count();
    const result = await client.callTool({ name: 'create_product', arguments: { input: { sku: 'MCP-NOPE', name: 'No', priceAmount: 100, currency: 'EUR' } } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('lacks the scope catalog:write');
    expect(await count()).toBe(before);
    const refusal = await waitFor(async () => {
      const [entry] = await auditOf({ entityId: stockKey.id, action: 'apikey.refused' });
      expect(entry).toBeDefined();
      return entry;
    });
    expect(refusal).toMatchObject({ actorName: stockKey.name, after: { target: 'mcp:create_product' } });
  });

  it('refuses a client without an API key, with an access token instead, or with a revoked key', async () => {
    await expect(connect()).rejects.toThrow(/401|API key/);
    await expect(connect(`Bearer ${admin}`)).rejects.toThrow(/401|API key/);
    const revoked = await issueKey(t, `mcp-revoked-${randomUUID()}`, ['stock:write']);
    await execute(t.url, RevokeApiKey, { id: revoked.id }, { token: admin });
    await expect(connect(`Bearer ${revoked.secret}`)).rejects.toThrow(/revoked/);
    const response = await fetch(mcpUrl(), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: '{}' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});
