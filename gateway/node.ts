import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { execute, GraphQLError, parse } from 'graphql';
import gql from 'graphql-tag';
import { CALLER_HEADER, CLIENT_HEADER } from '../platform/caller';
import { checkId } from '../platform/checks';
import type { ServiceName } from '../platform/config';
import { badInput, unauthenticated } from '../platform/errors';
import type { LocalAnswer, LocalGraphql } from '../platform/http';
import { REQUEST_ID_HEADER } from '../platform/request-scope';

/**
 * Global object identification (Relay's `Node`, `node(id)`, `nodes(ids)`)
 * in a federated graph, as a subgraph the gateway runs in its own process
 * (`node`: no port, no database, composed like the others).
 *
 * A node's id is the entity's own `id`, the one every other field takes
 * (`order(id)`, `placeOrder(productId)`): ids are unique across types
 * (platform/ids.ts), so a client caches objects by it as they are. The type
 * is found by asking each owning subgraph's `_entities` for the id under
 * every type it owns, with the caller's own signed header and `byId: true`:
 * a reference then answers as the type's root field by id does (the same
 * access rule), so an id the caller may not see (someone else's order) is
 * found under no type and `node` answers null, as `order(id)` does. The
 * query planner then fetches the selection from the owners as for any
 * entity, under the same rules again. One call per owning subgraph however
 * many ids `nodes` asks for.
 */

export const NODE_SUBGRAPH = 'node';

/** Every type a client caches by id, and the subgraph that owns it (its `@key(fields: "id")` reference). */
export const NODE_TYPES = {
  Product: 'catalog',
  // After Product: a default variant shares its product's id, which names the product.
  ProductVariant: 'catalog',
  Category: 'catalog',
  Order: 'orders',
  User: 'users',
  Review: 'reviews',
  Shipment: 'shipping',
} as const satisfies Record<string, ServiceName>;

type NodeType = keyof typeof NODE_TYPES;

export const MAX_NODE_IDS = 100;

export const NODE_SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

"""An object with an id that is unique across every type: refetch it with node(id), cache it by id."""
interface Node {
  id: ID!
}

${Object.keys(NODE_TYPES)
  .map((type) => `type ${type} implements Node @key(fields: "id", resolvable: false) {\n  id: ID!\n}\n`)
  .join('\n')}
type Query {
  """
  The object with this id, whatever its type (${Object.keys(NODE_TYPES).join(', ')}): null when there is none the caller may see, as the type's own field by id (order(id)) answers; UNAUTHENTICATED for an anonymous caller when the object is not public.
  """
  node(id: ID!): Node

  """
  The objects with these ids (at most ${MAX_NODE_IDS}), in the same order, each as node(id) answers it.
  """
  nodes(ids: [ID!]!): [Node]!
}
`;

type Headers = Readonly<Record<string, string>>;

interface NodeContext {
  readonly headers: Headers;
}

interface NodeReference {
  readonly __typename: NodeType;
  readonly id: string;
}

/** An owner's answer for one representation: shown to this caller, or not (and whether it asked for a login). */
type Probed = 'shown' | 'hidden' | 'login';

/** Owner subgraphs' URLs, and how long one probe may take. */
export interface NodeOptions {
  readonly urls: Readonly<Record<ServiceName, string>>;
  readonly timeoutMs: number;
}

/** The `node` subgraph, answered in the gateway's process with the same JSON a subgraph's HTTP route gives. */
export function nodeSubgraph(options: NodeOptions): LocalGraphql {
  const resolvers: GraphQLResolverMap<NodeContext> = {
    Node: { __resolveType: (node: NodeReference) => node.__typename },
    Query: {
      node: async (_root: unknown, { id }: { id: string }, ctx: NodeContext) => {
        const [node] = await locate(options, ctx.headers, [checkId(id, 'id')]);
        if (node instanceof GraphQLError) throw node;
        return node;
      },
      // An error among the list's items is that item's error (null, with its path), the others stand.
      nodes: (_root: unknown, { ids }: { ids: string[] }, ctx: NodeContext) => {
        if (ids.length > MAX_NODE_IDS) throw badInput(`ids must hold at most ${MAX_NODE_IDS} ids`, 'ids');
        return locate(options, ctx.headers, ids.map((id, index) => checkId(id, `ids.${index}`)));
      },
    },
  };
  const schema = buildSubgraphSchema([{ typeDefs: gql(NODE_SDL), resolvers }]);
  return async (body, headers): Promise<LocalAnswer> => {
    const request = JSON.parse(body) as { query: string; variables?: Record<string, unknown>; operationName?: string };
    const result = await execute({
      schema,
      document: parse(request.query),
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: { headers } satisfies NodeContext,
    });
    return { status: 200, contentType: 'application/json', cacheControl: undefined, body: JSON.stringify(result) };
  };
}

/**
 * Each id's type, asked of every owner at once under the caller's own
 * header: null where no owner shows it to this caller, UNAUTHENTICATED where
 * none does and one asked an anonymous caller to log in.
 */
async function locate(options: NodeOptions, headers: Headers, ids: readonly string[]): Promise<Array<NodeReference | GraphQLError | null>> {
  const types = Object.keys(NODE_TYPES) as NodeType[];
  const owners = [...new Set(Object.values(NODE_TYPES))];
  const answers = new Map<string, Probed>();
  await Promise.all(
    owners.map(async (owner) => {
      const representations = types.filter((type) => NODE_TYPES[type] === owner).flatMap((type) => ids.map((id) => ({ __typename: type, id, byId: true })));
      const probed = await probe(options, owner, headers, representations);
      probed.forEach((answer, index) => answers.set(`${representations[index].__typename}:${representations[index].id}`, answer));
    }),
  );
  return ids.map((id) => {
    // Ids are unique across types; should two owners claim one, the type listed first in NODE_TYPES wins, every time.
    const type = types.find((candidate) => answers.get(`${candidate}:${id}`) === 'shown');
    if (type) return { __typename: type, id };
    return types.some((candidate) => answers.get(`${candidate}:${id}`) === 'login') ? unauthenticated('Log in to see this object') : null;
  });
}

interface EntitiesAnswer {
  readonly data?: { readonly _entities?: unknown[] } | null;
  readonly errors?: ReadonlyArray<{ readonly path?: ReadonlyArray<string | number>; readonly extensions?: { readonly code?: unknown } }>;
}

/** One owner's `_entities` for the representations: what it shows this caller, one answer per representation. */
async function probe(options: NodeOptions, owner: ServiceName, headers: Headers, representations: ReadonlyArray<NodeReference & { byId: boolean }>): Promise<Probed[]> {
  const forwarded: Record<string, string> = { 'content-type': 'application/json' };
  for (const name of [CALLER_HEADER, CLIENT_HEADER, REQUEST_ID_HEADER]) if (headers[name]) forwarded[name] = headers[name];
  const unavailable = (why: string) => new GraphQLError(`Subgraph "${owner}" is unavailable: ${why}`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: owner } });
  let body: EntitiesAnswer;
  try {
    const response = await fetch(options.urls[owner], {
      method: 'POST',
      headers: forwarded,
      body: JSON.stringify({ query: 'query NodeTypes($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }', variables: { representations } }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    body = (await response.json()) as EntitiesAnswer;
  } catch {
    throw unavailable('it cannot be reached');
  }
  const entities = body.data?._entities;
  if (!Array.isArray(entities) || entities.length !== representations.length) throw unavailable('it did not say which objects it holds');
  // A reference refused for this caller is an error beside a null entry (its path ends with the entry's index).
  const login = new Set((body.errors ?? []).filter((error) => error.extensions?.code === 'UNAUTHENTICATED').map((error) => error.path?.[1]));
  return entities.map((entity, index) => (entity ? 'shown' : login.has(index) ? 'login' : 'hidden'));
}
