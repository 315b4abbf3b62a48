import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import { badInput } from './errors';

/**
 * Keyset (cursor) pagination over any entity, stable under concurrent
 * inserts: the cursor holds the last row's sort value and id, and the next
 * page starts strictly after that pair.
 */

export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  readonly first: number;
  readonly after?: string | null;
}

export interface SortSpec<T> {
  readonly field: keyof T & string;
  readonly direction: 'asc' | 'desc';
}

export interface Page<T> {
  readonly edges: Array<{ cursor: string; node: T }>;
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
  readonly totalCount: number;
}

type CursorValue = string | number;

/**
 * `where` may be a function building the filter: a filter holding a raw SQL
 * fragment (platform/orm.ts) must be built once per query, since MikroORM
 * uses each fragment once, and a page costs two (the rows and the count).
 */
export async function paginate<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  filter: FilterQuery<T> | (() => FilterQuery<T>),
  args: PageArgs,
  sort: SortSpec<T>,
): Promise<Page<T>> {
  const build = typeof filter === 'function' ? filter : () => filter;
  if (!Number.isInteger(args.first) || args.first < 0 || args.first > MAX_PAGE_SIZE) {
    throw badInput(`first must be an integer from 0 to ${MAX_PAGE_SIZE}`, 'first');
  }
  const after = args.after ? decodeCursor(args.after) : null;
  const cmp = sort.direction === 'asc' ? '$gt' : '$lt';
  let pageWhere: FilterQuery<T>;
  if (after) {
    const [value, id] = after;
    const afterCondition =
      sort.field === 'id'
        ? { id: { [cmp]: id } }
        : { $or: [{ [sort.field]: { [cmp]: value } }, { [sort.field]: value, id: { [cmp]: id } }] };
    pageWhere = { $and: [build(), afterCondition] } as FilterQuery<T>;
  } else pageWhere = build();
  const orderBy = sort.field === 'id' ? { id: sort.direction } : { [sort.field]: sort.direction, id: sort.direction };
  const [rows, totalCount] = await Promise.all([
    args.first === 0
      ? Promise.resolve([] as T[])
      : (em.find(entity, pageWhere, { orderBy: orderBy as never, limit: args.first + 1 }) as Promise<T[]>),
    em.count(entity, build()),
  ]);
  const hasNextPage = rows.length > args.first;
  const nodes = hasNextPage ? rows.slice(0, args.first) : rows;
  const edges = nodes.map((node) => ({
    cursor: encodeCursor([(node as Record<string, unknown>)[sort.field] as CursorValue, node.id]),
    node,
  }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

function encodeCursor(value: [CursorValue, string]): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeCursor(cursor: string): [CursorValue, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number') &&
      typeof value[1] === 'string'
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through to the uniform error below
  }
  throw badInput('after is not a valid cursor', 'after');
}
