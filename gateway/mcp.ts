import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import {
  coerceInputValue,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isSpecifiedScalarType,
  parse,
  validate,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { Caller, ClientInfo } from '../platform/caller';
import type { Clock } from '../platform/clock';
import { HttpError, readBody, sendJson, type Route } from '../platform/http';
import type { Logger } from '../platform/log';
import { isApiKeyShaped, SCOPE_OF_ROOT_FIELD, type ApiScope } from '../platform/scopes';
import { currentRequestId } from '../platform/request-scope';
import type { ApiKeys } from './api-keys';
import { clientOf } from './context';
import type { FederatedExecutor } from './subscriptions/engine';
import type { McpToolDefinition } from './mcp.tools';

/**
 * The gateway's MCP endpoint (/mcp, streamable HTTP, stateless: one MCP
 * server per request, so any gateway replica answers any call). Tools are
 * GraphQL root fields run through the same gateway pipeline as /graphql
 * (limits, subgraph scope checks, audit), as the API key that called them.
 */

type JsonSchema = Record<string, unknown>;

/** What MCP clients see as the server's version: bumped when a tool changes shape. */
const MCP_SERVER_VERSION = '1.0.0';

export interface CompiledTool {
  readonly name: string;
  readonly description: string;
  readonly scope: ApiScope;
  readonly inputSchema: JsonSchema & { type: 'object' };
  readonly args: readonly GraphQLArgument[];
  readonly document: DocumentNode;
}

/** Reads each tool's field from the schema; a tool naming a field or scope that does not exist stops the gateway at start. */
export function compileTools(schema: GraphQLSchema, definitions: readonly McpToolDefinition[]): CompiledTool[] {
  return definitions.map((definition) => {
    const [typeName, fieldName] = definition.field.split('.');
    const root = typeName === 'Query' ? schema.getQueryType() : typeName === 'Mutation' ? schema.getMutationType() : null;
    const field: GraphQLField<unknown, unknown> | undefined = root?.getFields()[fieldName];
    if (!field) throw new Error(`MCP tool ${definition.name}: ${definition.field} is not in the schema`);
    const scope = SCOPE_OF_ROOT_FIELD[definition.field];
    if (!scope) throw new Error(`MCP tool ${definition.name}: ${definition.field} has no scope in platform/scopes.ts`);
    if (!field.description) throw new Error(`MCP tool ${definition.name}: ${definition.field} has no description in the schema`);
    const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const operation = typeName === 'Query' ? 'query' : 'mutation';
    const source = `${operation} ${toPascal(definition.name)}${variables ? `(${variables})` : ''} { ${fieldName}${passed ? `(${passed})` : ''} ${definition.selection} }`;
    const document = parse(source);
    const [invalid] = validate(schema, document);
    if (invalid) throw new Error(`MCP tool ${definition.name}: ${invalid.message}`);
    return {
      name: definition.name,
      description: `${field.description}\n\nRequires the API key scope ${scope}.`,
      scope,
      inputSchema: {
        type: 'object',
        properties: Object.fromEntries(field.args.map((arg) => [arg.name, withDescription(jsonSchemaOf(arg.type), arg.description)])),
        required: field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined).map((arg) => arg.name),
        additionalProperties: false,
      },
      args: field.args,
      document,
    };
  });
}

/** JSON Schema of a GraphQL input type, descriptions included (null is allowed where GraphQL allows it). */
function jsonSchemaOf(type: GraphQLInputType): JsonSchema {
  if (isNonNullType(type)) return nonNull(jsonSchemaOf(type.ofType));
  const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
  if (isListType(type)) return nullable({ type: 'array', items: jsonSchemaOf(type.ofType) });
  if (isEnumType(type)) return nullable(withDescription({ type: 'string', enum: type.getValues().map((value) => value.name) }, type.description));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return nullable(
      withDescription(
        {
          type: 'object',
          properties: Object.fromEntries(fields.map((field) => [field.name, withDescription(jsonSchemaOf(field.type), field.description)])),
          required: fields.filter((field) => isNonNullType(field.type) && field.defaultValue === undefined).map((field) => field.name),
          additionalProperties: false,
        },
        type.description,
      ),
    );
  }
  // The built-in scalars' descriptions say nothing an agent needs; custom ones (DateTime) say the format.
  if (isScalarType(type)) return nullable(withDescription(scalarSchema(type.name), isSpecifiedScalarType(type) ? null : type.description));
  return {};
}

function scalarSchema(name: string): JsonSchema {
  switch (name) {
    case 'Int':
      return { type: 'integer' };
    case 'Float':
      return { type: 'number' };
    case 'Boolean':
      return { type: 'boolean' };
    case 'String':
    case 'ID':
      return { type: 'string' };
    case 'DateTime':
      return { type: 'string', format: 'date-time' };
    default:
      return {};
  }
}

/** Drops the `null` branch a nullable schema carries. */
function nonNull(schema: JsonSchema): JsonSchema {
  const anyOf = schema.anyOf as JsonSchema[] | undefined;
  if (!anyOf) return schema;
  const [inner] = anyOf.filter((branch) => branch.type !== 'null');
  return { ...inner, ...(schema.description ? { description: schema.description } : {}) };
}

function withDescription(schema: JsonSchema, description: string | null | undefined): JsonSchema {
  return description ? { ...schema, description } : schema;
}

const toPascal = (name: string): string => name.replace(/(^|_)([a-z])/g, (_match, _sep, letter: string) => letter.toUpperCase());

/** The first thing wrong with the arguments, naming the argument (`input.delta`); null when they fit the field. */
export function argumentError(tool: CompiledTool, args: Record<string, unknown>): string | null {
  const known = new Set(tool.args.map((arg) => arg.name));
  const unknown = Object.keys(args).find((name) => !known.has(name));
  if (unknown !== undefined) return `Argument "${unknown}" is not an argument of ${tool.name} (it takes ${[...known].join(', ') || 'none'})`;
  for (const arg of tool.args) {
    let problem: string | null = null;
    const value = args[arg.name];
    if (value === undefined) {
      if (isNonNullType(arg.type) && arg.defaultValue === undefined) return `Argument "${arg.name}" is required`;
      continue;
    }
    coerceInputValue(value, arg.type, (path, _invalid, error) => {
      problem ??= `Argument "${[arg.name, ...path].join('.')}": ${error.message}`;
    });
    if (problem) return problem;
  }
  return null;
}

export interface McpRouteOptions {
  readonly tools: readonly CompiledTool[];
  readonly apiKeys: ApiKeys;
  /** Runs one operation through the gateway, as `context.caller`. */
  readonly execute: FederatedExecutor;
  readonly clock: Clock;
  readonly log: Logger;
  readonly trustProxyHops: number;
  readonly maxRequestBytes: number;
}

export function mcpRoutes(options: McpRouteOptions): Route[] {
  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const client = clientOf(req, options.trustProxyHops);
    const caller = await authenticateKey(req, res, options, client.address);
    if (!caller) return;
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, options.maxRequestBytes)).toString('utf8'));
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 400;
      sendJson(res, status, { jsonrpc: '2.0', error: { code: -32700, message: error instanceof HttpError ? error.message : 'Body is not JSON' }, id: null });
      return;
    }
    const server = mcpServer(caller, client, options);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };
  return [{ method: 'POST', path: '/mcp', handler }];
}

/** The key's caller, or null once a 401/429 has been sent (MCP clients read WWW-Authenticate). */
async function authenticateKey(req: IncomingMessage, res: ServerResponse, options: McpRouteOptions, address: string | null): Promise<Caller | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization?.trim() ?? '');
  const refuse = (status: number, message: string, code: string, extra: Record<string, unknown> = {}) => {
    if (status === 401) res.setHeader('www-authenticate', 'Bearer realm="shop-mcp"');
    sendJson(res, status, { jsonrpc: '2.0', error: { code: -32001, message, data: { code, ...extra } }, id: null });
    return null;
  };
  if (!match || !isApiKeyShaped(match[1])) return refuse(401, 'MCP needs an API key: send "Authorization: Bearer shk_..."', 'UNAUTHENTICATED');
  try {
    return await options.apiKeys.authenticate(match[1], options.clock.now().getTime(), address);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 401;
    const { http: _http, ...extensions } = error.extensions;
    return refuse(status, error.message, String(extensions.code), extensions);
  }
}

function mcpServer(caller: Caller, client: ClientInfo, options: McpRouteOptions): Server {
  const key = caller.apiKey!;
  const allowed = options.tools.filter((tool) => key.scopes.includes(tool.scope));
  const server = new Server(
    { name: 'shop-supergraph', version: MCP_SERVER_VERSION },
    { capabilities: { tools: {} }, instructions: 'The shop\'s staff operations as tools. Every call is audited under your API key\'s name.' },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: allowed.map((tool): Tool => ({ name: tool.name, description: tool.description, inputSchema: tool.inputSchema })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const name = request.params.name;
    const tool = options.tools.find((candidate) => candidate.name === name);
    const args = request.params.arguments ?? {};
    const fail = (text: string): CallToolResult => ({ isError: true, content: [{ type: 'text', text }] });
    if (!tool) return fail(`Unknown tool "${name}"`);
    if (!key.scopes.includes(tool.scope)) {
      await options.apiKeys.record({ keyId: key.id, action: 'apikey.refused', target: `mcp:${tool.name}`, reason: `lacks the scope ${tool.scope}` });
      return fail(`FORBIDDEN: API key "${key.name}" lacks the scope ${tool.scope} that ${tool.name} needs`);
    }
    const problem = argumentError(tool, args);
    await options.apiKeys.record({ keyId: key.id, action: 'mcp.tool_called', target: tool.name, reason: problem });
    if (problem) return fail(`BAD_USER_INPUT: ${problem}`);
    const result = await options.execute(tool.document, args, { requestId: currentRequestId() ?? '', caller, expiresAt: null, client });
    if (result.errors?.length) {
      const lines = result.errors.map((error) => `${String(error.extensions?.code ?? 'ERROR')}: ${error.message}${error.extensions?.field ? ` (field ${String(error.extensions.field)})` : ''}`);
      return { isError: true, content: [{ type: 'text', text: lines.join('\n') }] };
    }
    return { content: [{ type: 'text', text: JSON.stringify(result.data) }] };
  });
  return server;
}
