import { createHash } from 'node:crypto';
import {
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { PublicEntityType } from '../platform/messaging/pubsub';

/**
 * What the gateway's response cache may keep, under which key, and which
 * change notices evict it. Only anonymous queries over the public catalogue
 * are cached, and only when every field they select is covered by a change
 * notice (channels.changes): a field whose answer moves without one (the
 * recommendation lists, reviews) makes the whole operation uncacheable.
 */

const ROOT_FIELDS = new Set(['product', 'products', 'category', 'categories']);
/** Types whose every field is covered by the Product, Category, StockLevel and ProductRating notices. */
const TYPES = new Set(['Product', 'ProductConnection', 'ProductEdge', 'PageInfo', 'Money', 'ProductAttribute', 'ProductMedia', 'Category', 'StockLevel', 'ProductRating', 'RatingCount']);
/** Fields of those types that change without a notice (computed from orders and views; pricing's, also as sale windows open and close). */
const UNCOVERED_FIELDS = new Set(['Product.frequentlyBoughtTogether', 'Product.customersAlsoViewed', 'Product.reviews', 'Product.salePrice', 'Product.promotions']);
/** Types keyed by their product's id (one stock level and one rating per product). */
const KEYED_BY_PRODUCT = new Set(['StockLevel', 'ProductRating']);
const ENTITY_TYPES = new Set<string>(['Product', 'Category', 'StockLevel', 'ProductRating']);

/** Tags an entry carries: `Type:id` for one entity, `Type:*` where any change of that type may alter the answer (lists, keyless objects). */
export type Tag = string;

/** The tags a notice of `type` for entity `id` evicts. */
export function tagsEvictedBy(type: PublicEntityType, id: string): Tag[] {
  switch (type) {
    case 'Product':
      return [`Product:${id}`, 'Product:*'];
    // A category's products are listed by it (filters include its descendants), so every listing may change.
    case 'Category':
      return [`Category:${id}`, 'Category:*', 'Product:*'];
    case 'StockLevel':
    case 'ProductRating':
      return [`${type}:${id}`, `${type}:*`, `Product:${id}`];
  }
}

export interface CacheableOperation {
  readonly operation: OperationDefinitionNode;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

/** The operation when it may be cached (a query selecting only notice-covered fields), null otherwise. */
export function cacheableOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): CacheableOperation | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation || operation.operation !== 'query') return null;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const query = schema.getQueryType();
  if (!query) return null;
  const roots = fieldsOf(operation.selectionSet, fragments);
  if (roots.length === 0) return null;
  for (const field of roots) {
    if (field.name.value === '__typename') continue;
    if (!ROOT_FIELDS.has(field.name.value)) return null;
    const definition = query.getFields()[field.name.value];
    if (!definition || !covered(getNamedType(definition.type) as GraphQLObjectType, field.selectionSet, fragments)) return null;
  }
  return { operation, fragments };
}

function covered(type: GraphQLObjectType, selectionSet: SelectionSetNode | undefined, fragments: ReadonlyMap<string, FragmentDefinitionNode>): boolean {
  if (!selectionSet) return true;
  if (!TYPES.has(type.name)) return false;
  for (const field of fieldsOf(selectionSet, fragments)) {
    if (field.name.value === '__typename') continue;
    if (UNCOVERED_FIELDS.has(`${type.name}.${field.name.value}`)) return false;
    const definition = type.getFields()[field.name.value];
    if (!definition) return false;
    const named = getNamedType(definition.type);
    if (field.selectionSet && (!isObjectType(named) || !covered(named, field.selectionSet, fragments))) return false;
  }
  return true;
}

/** Every field node of a selection set, fragments expanded (both branches of @skip/@include: conservative). */
function fieldsOf(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) fields.push(...fieldsOf(fragment.selectionSet, fragments, seen));
    }
  }
  return fields;
}

/** The tags of an answer: every entity it shows, and `Type:*` for every list (its membership may change) and every entity shown without its key. */
export function tagsOf(schema: GraphQLSchema, cacheable: CacheableOperation, data: Record<string, unknown>, variables: Record<string, unknown>): Tag[] {
  const tags = new Set<Tag>();
  const query = schema.getQueryType()!;
  for (const field of fieldsOf(cacheable.operation.selectionSet, cacheable.fragments)) {
    const definition = query.getFields()[field.name.value];
    if (!definition) continue;
    const idArgument = field.arguments?.find((a) => a.name.value === 'id');
    const id = idArgument ? (idArgument.value.kind === Kind.VARIABLE ? variables[idArgument.value.name.value] : idArgument.value.kind === Kind.STRING ? idArgument.value.value : undefined) : undefined;
    // A lookup by id answers null until the entity appears or becomes visible: it is tagged with that id either way.
    const returned = getNamedType(definition.type).name;
    if (typeof id === 'string') tags.add(`${returned}:${id}`);
    walk(definition.type, field, data[field.alias?.value ?? field.name.value], typeof id === 'string' && returned === 'Product' ? id : null);
  }
  return [...tags];

  function walk(type: GraphQLOutputType, field: FieldNode, value: unknown, productId: string | null): void {
    if (value === null || value === undefined) return;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      tags.add(`${listedEntity(getNamedType(inner) as GraphQLObjectType)}:*`);
      if (Array.isArray(value)) for (const item of value) walk(inner.ofType, field, item, productId);
      return;
    }
    const named = getNamedType(inner);
    if (!isObjectType(named) || !field.selectionSet || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    let key: string | null = null;
    if (KEYED_BY_PRODUCT.has(named.name)) key = typeof object.productId === 'string' ? object.productId : productId;
    else if (typeof object.id === 'string') key = object.id;
    // A product looked up by id is that product, whether or not the selection repeats its id.
    else if (named.name === 'Product') key = productId;
    if (ENTITY_TYPES.has(named.name)) tags.add(`${named.name}:${key ?? '*'}`);
    const childProductId = named.name === 'Product' ? key : productId;
    for (const child of fieldsOf(field.selectionSet, cacheable.fragments)) {
      const definition = named.getFields()[child.name.value];
      if (definition) walk(definition.type, child, object[child.alias?.value ?? child.name.value], childProductId);
    }
  }
}

/** The entity a list is made of: a connection's edges list their nodes. */
function listedEntity(item: GraphQLObjectType): string {
  const node = item.getFields().node;
  return node ? getNamedType(node.type).name : item.name;
}

/** Everything that changes an anonymous answer: the document, the operation chosen and the variables. */
export function cacheKey(query: string, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string {
  return createHash('sha256').update(JSON.stringify([query, operationName ?? null, canonical(variables ?? {})])).digest('base64url');
}

/** Object keys sorted at every level, so {a, b} and {b, a} share an entry. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}
