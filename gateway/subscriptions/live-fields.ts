import {
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { channels } from '../../platform/messaging/pubsub';

/**
 * The subscription fields the gateway can serve, and how an event on one
 * becomes a federated query: the subscriber's own selection set, placed
 * under the query field that reads the entity, so a subscriber can select
 * fields from any subgraph and is authorized like any query.
 */

/** Alias the engine adds to every fetch: the entity's version, stripped before delivery. */
export const VERSION_ALIAS = 'liveVersion__';
const ENTITY_ID_VARIABLE = 'liveEntityId__';

export interface LiveField {
  readonly name: string;
  /** The entity ids a subscription follows, from its coerced arguments. */
  entityIds(args: Record<string, unknown>): string[];
  channel(entityId: string): string;
  /** What a missing entity is called in the NOT_FOUND message. */
  readonly entityName: string;
  /** Wraps the subscriber's selection in the query field that reads one entity. */
  wrap(selection: SelectionSetNode): FieldNode;
  /** The entity's data inside the query result under the response key, or null. */
  unwrap(value: unknown): Record<string, unknown> | null;
  /**
   * A feed follows every entity announced on one channel (no ids in its
   * arguments, no current state first): each is fetched and delivered when
   * it `matches` the subscription's arguments, read from the fields the wrap
   * added under FEED_ALIAS-prefixed aliases (stripped before delivery).
   */
  readonly feed?: {
    readonly channel: string;
    /** Roles one of which a subscriber needs; checked at subscribe time (and every fetch runs with the subscriber's auth). */
    readonly roles: readonly string[];
    matches(facts: Record<string, unknown>, args: Record<string, unknown>): boolean;
  };
}

/** Alias prefix of the parts stockLevelChanged's wrap reads to choose a product's sum or a variant's own levels. */
const LIVE_STOCK = 'liveStock__';

/** Alias prefix under which a feed's wrap selects the facts its filter is checked against. */
export const FEED_ALIAS = 'feedFact__';

const withVersion = (selection: SelectionSetNode): SelectionSetNode => ({
  ...selection,
  selections: [field('version', undefined, VERSION_ALIAS), ...selection.selections],
});

function field(name: string, selectionSet?: SelectionSetNode, alias?: string, idArgument = false): FieldNode {
  return {
    kind: Kind.FIELD,
    name: { kind: Kind.NAME, value: name },
    alias: alias ? { kind: Kind.NAME, value: alias } : undefined,
    arguments: idArgument
      ? [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'id' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ENTITY_ID_VARIABLE } } }]
      : [],
    selectionSet,
  };
}

/** An order's `status`, `customer { id }` and `lines { product { id } }` under FEED_ALIAS-prefixed aliases, for ordersChanged's filter. */
const withOrderFacts = (selection: SelectionSetNode): SelectionSetNode => {
  const sel = (...fields: FieldNode[]): SelectionSetNode => ({ kind: Kind.SELECTION_SET, selections: fields });
  const facts = [
    field('status', undefined, `${FEED_ALIAS}status`),
    field('customer', sel(field('id')), `${FEED_ALIAS}customer`),
    field('lines', sel(field('product', sel(field('id')))), `${FEED_ALIAS}lines`),
  ];
  return { ...selection, selections: [...facts, ...selection.selections] };
};

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;

export const LIVE_FIELDS: ReadonlyMap<string, LiveField> = new Map<string, LiveField>([
  [
    'orderStatusChanged',
    {
      name: 'orderStatusChanged',
      entityName: 'Order',
      entityIds: (args) => [String(args.orderId)],
      channel: channels.order,
      wrap: (selection) => field('order', withVersion(selection), undefined, true),
      unwrap: asRecord,
    },
  ],
  [
    'ordersChanged',
    {
      name: 'ordersChanged',
      entityName: 'Order',
      entityIds: () => [],
      channel: () => channels.allOrders(),
      // The filter's facts ride along under their own aliases, so the subscriber's selection stays theirs alone.
      wrap: (selection) => field('order', withOrderFacts(withVersion(selection)), undefined, true),
      unwrap: asRecord,
      feed: {
        channel: channels.allOrders(),
        roles: ['AGENT', 'ADMIN'],
        matches: (facts, args) => {
          const filter = asRecord(args.filter) ?? {};
          const statuses = Array.isArray(filter.status) ? (filter.status as unknown[]) : [];
          if (statuses.length > 0 && !statuses.includes(facts.status)) return false;
          if (typeof filter.customer === 'string' && asRecord(facts.customer)?.id !== filter.customer) return false;
          if (typeof filter.productId === 'string') {
            const lines = Array.isArray(facts.lines) ? facts.lines : [];
            if (!lines.some((line) => asRecord(asRecord(line)?.product)?.id === filter.productId)) return false;
          }
          return true;
        },
      },
    },
  ],
  [
    'stockLevelChanged',
    {
      name: 'stockLevelChanged',
      // Kept as it was before variants: clients may match the NOT_FOUND message.
      entityName: 'Product',
      entityIds: (args) => [...new Set((args.productIds as unknown[]).map(String))],
      channel: channels.stock,
      // Through the variant (a product's id names its default variant), so an unknown (or hidden) one is NOT_FOUND
      // rather than an empty level; a product's id then delivers the product's sum, a variant's id its own.
      wrap: (selection) =>
        field(
          'productVariant',
          {
            kind: Kind.SELECTION_SET,
            selections: [
              field('isDefault', undefined, `${LIVE_STOCK}default`),
              field('stock', withVersion(selection), `${LIVE_STOCK}own`),
              field('product', { kind: Kind.SELECTION_SET, selections: [field('stock', withVersion(selection))] }, `${LIVE_STOCK}product`),
            ],
          },
          undefined,
          true,
        ),
      unwrap: (value) => {
        const variant = asRecord(value);
        if (!variant) return null;
        return variant[`${LIVE_STOCK}default`] === true ? asRecord(asRecord(variant[`${LIVE_STOCK}product`])?.stock) : asRecord(variant[`${LIVE_STOCK}own`]);
      },
    },
  ],
  [
    'productRatingChanged',
    {
      name: 'productRatingChanged',
      entityName: 'Product',
      entityIds: (args) => [String(args.productId)],
      channel: channels.rating,
      // Through the product, as stock: an unknown (or hidden) product is NOT_FOUND.
      wrap: (selection) =>
        field('product', { kind: Kind.SELECTION_SET, selections: [field('rating', withVersion(selection))] }, undefined, true),
      unwrap: (value) => asRecord(asRecord(value)?.rating),
    },
  ],
  [
    'shipmentTracking',
    {
      name: 'shipmentTracking',
      entityName: 'Order',
      entityIds: (args) => [String(args.orderId)],
      channel: channels.shipment,
      // Through orderTracking, which applies the order's access rule (NOT_FOUND for anyone but its customer and staff).
      wrap: (selection) => field('orderTracking', withVersion(selection), undefined, true),
      unwrap: asRecord,
    },
  ],
]);

export interface FetchPlan {
  readonly live: LiveField;
  /** Key under which the payload is delivered (the subscriber's alias or the field name). */
  readonly responseKey: string;
  readonly document: DocumentNode;
  /** The subscriber's variables the fetch uses (the entity id is added per fetch). */
  readonly variables: Record<string, unknown>;
  readonly entityIdVariable: string;
}

/** Builds the per-event query for a validated single-field subscription operation. */
export function planFetch(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rootField: FieldNode,
  live: LiveField,
  variables: Record<string, unknown>,
): FetchPlan {
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  const selection = rootField.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] };
  const responseKey = rootField.alias?.value ?? rootField.name.value;
  const entityField: FieldNode = { ...live.wrap(selection), alias: { kind: Kind.NAME, value: responseKey } };
  const idDefinition: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ENTITY_ID_VARIABLE } },
    type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
  };
  const body = { kind: Kind.SELECTION_SET, selections: [entityField] } as const;
  // Only variables the selection (or its fragments) still uses may be declared, or validation fails.
  const used = usedVariables([body, ...fragments.map((f) => f.selectionSet)]);
  const definitions = (operation.variableDefinitions ?? []).filter((d) => used.has(d.variable.name.value));
  const query: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    name: { kind: Kind.NAME, value: `Live_${operation.name?.value ?? live.name}` },
    variableDefinitions: [idDefinition, ...definitions],
    directives: [],
    selectionSet: body,
  };
  return {
    live,
    responseKey,
    document: { kind: Kind.DOCUMENT, definitions: [query, ...fragments] },
    variables: Object.fromEntries(definitions.map((d) => [d.variable.name.value, variables[d.variable.name.value]])),
    entityIdVariable: ENTITY_ID_VARIABLE,
  };
}

function usedVariables(selections: readonly SelectionSetNode[]): Set<string> {
  const used = new Set<string>();
  for (const selection of selections) {
    visit(selection, {
      Variable(node) {
        used.add(node.name.value);
      },
    });
  }
  used.delete(ENTITY_ID_VARIABLE);
  return used;
}

/** Splits a feed's facts (keys without their alias prefix) from the rest of a payload. */
export function stripFacts(payload: Record<string, unknown>): { facts: Record<string, unknown>; payload: Record<string, unknown> } {
  const facts: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (key.startsWith(FEED_ALIAS)) facts[key.slice(FEED_ALIAS.length)] = value;
    else rest[key] = value;
  }
  return { facts, payload: rest };
}

/** Removes the engine's version alias from a delivered payload. */
export function stripVersion(entity: Record<string, unknown>): { version: number; payload: Record<string, unknown> } {
  const { [VERSION_ALIAS]: version, ...payload } = entity;
  return { version: typeof version === 'number' ? version : 0, payload };
}
