import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { schemaDir } from '../platform/project';
import { SCOPE_OF_ROOT_FIELD } from '../platform/scopes';
import { argumentError, compileTools } from './mcp';
import { MCP_TOOLS } from './mcp.tools';

const schema = buildSchema(readFileSync(path.join(schemaDir(), 'api.graphql'), 'utf8'));

describe('MCP tools from the GraphQL schema', () => {
  it('compiles every tool of the table against the composed schema, with the scope of its field', () => {
    const tools = compileTools(schema, MCP_TOOLS);
    expect(tools.map((tool) => tool.name)).toEqual(MCP_TOOLS.map((tool) => tool.name));
    for (const [index, tool] of tools.entries()) expect(tool.scope).toBe(SCOPE_OF_ROOT_FIELD[MCP_TOOLS[index].field]);
  });

  it('refuses a tool whose field no key may call, or that is not in the schema', () => {
    expect(() => compileTools(schema, [{ name: 'me', field: 'Query.me', selection: '{ id }' }])).toThrow('Query.me has no scope');
    expect(() => compileTools(schema, [{ name: 'nothing', field: 'Query.nothing', selection: '{ id }' }])).toThrow('not in the schema');
    expect(() => compileTools(schema, [{ name: 'get_product', field: 'Query.product', selection: '{ colour }' }])).toThrow('colour');
  });

  it('describes nested inputs, and names the first bad argument by its path', () => {
    const [upsert] = compileTools(schema, MCP_TOOLS.filter((tool) => tool.name === 'upsert_products'));
    const input = upsert.inputSchema.properties as Record<string, { type: string; items: { required: string[]; additionalProperties: boolean } }>;
    expect(input.input.type).toBe('array');
    // Upserts patch: only the SKU that names the product is required.
    expect(input.input.items.required).toEqual(['sku']);
    expect(input.input.items.additionalProperties).toBe(false);
    expect(argumentError(upsert, { input: [{ sku: 'A-1', name: 'A', priceAmount: 1, currency: 'EUR', colour: 'red' }] })).toMatch(/^Argument "input\.0": Field "colour" is not defined/);
    expect(argumentError(upsert, { input: [{ sku: 'A-1' }, { name: 'B' }] })).toMatch(/^Argument "input\.1": Field "sku" of required type "String!" was not provided/);
    expect(argumentError(upsert, { input: [{ sku: 'A-1', name: 'A', priceAmount: 1, currency: 'EUR' }] })).toBeNull();
  });
});
