import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import { badInput } from './errors';

/**
 * Relay connections over any entity with keyset (cursor) pagination, stable
 * under concurrent inserts: a cursor holds its row's sort value and unique
 * key, and a page starts strictly after (or ends strictly before) that pair,
 * so a row inserted elsewhere never shifts or repeats what a client pages
 * through. Forward with `first`/`after`, backward with `last`/`before`.
 */

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
  /** The page size when neither `first` nor `last` is given. */
  readonly defaultSize?: number;
}

export interface SortSpec<T> {
  readonly field: keyof T & string;
  readonly direction: 'asc' | 'desc';
  /** The unique tie-breaker after `field` (default `id`). */
  readonly key?: keyof T & string;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export interface Page<T> {
  readonly edges: Array<{ cursor: string; node: T }>;
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

type CursorValue = string | number;
type Cursor = readonly [CursorValue, string];

/** A checked page request: which way it reads, how many rows, and its bounds. */
export interface PageWindow {
  readonly backward: boolean;
  readonly size: number;
  readonly after: Cursor | null;
  readonly before: Cursor | null;
}

/**
 * The page arguments checked, before any read: `first` and `last` exclude
 * each other, a size is 0 to MAX_PAGE_SIZE, a cursor is one this API made.
 * Each refusal is BAD_USER_INPUT naming the argument in `extensions.field`.
 */
export function pageWindow(args: PageArgs): PageWindow {
  const first = args.first ?? null;
  const last = args.last ?? null;
  if (first !== null && last !== null) throw badInput('first and last cannot be used together: page forward with first/after or backward with last/before', 'last');
  checkSize(first, 'first');
  checkSize(last, 'last');
  return {
    backward: last !== null,
    size: last ?? first ?? args.defaultSize ?? DEFAULT_PAGE_SIZE,
    after: args.after ? decodeCursor(args.after, 'after') : null,
    before: args.before ? decodeCursor(args.before, 'before') : null,
  };
}

function checkSize(size: number | null, field: 'first' | 'last'): void {
  if (size !== null && (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE)) {
    throw badInput(`${field} must be an integer from 0 to ${MAX_PAGE_SIZE}`, field);
  }
}

/**
 * `where` may be a function building the filter: a filter holding a raw SQL
 * fragment (platform/orm.ts) must be built once per query, since MikroORM
 * uses each fragment once, and a page costs several (the rows, the count,
 * whether rows lie beyond either end).
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  filter: FilterQuery<NoInfer<T>> | (() => FilterQuery<NoInfer<T>>),
  args: PageArgs,
  sort: SortSpec<T>,
): Promise<Page<T>> {
  const build: () => FilterQuery<NoInfer<T>> = typeof filter === 'function' ? (filter as () => FilterQuery<NoInfer<T>>) : () => filter;
  const window = pageWindow(args);
  const key = sort.key ?? ('id' as keyof T & string);
  const keyset = new Keyset<T>(sort.field, key, sort.direction);
  const within = (...bounds: Array<FilterQuery<NoInfer<T>> | null>): FilterQuery<NoInfer<T>> => {
    const present = bounds.filter((bound): bound is FilterQuery<NoInfer<T>> => bound !== null);
    return (present.length === 0 ? build() : { $and: [build(), ...present] }) as FilterQuery<NoInfer<T>>;
  };
  const exists = async (where: FilterQuery<NoInfer<T>>): Promise<boolean> => (await em.find(entity, where, { limit: 1, fields: [key] as never })).length > 0;
  const bounds = [window.after && keyset.beyond(window.after, 'after', false), window.before && keyset.beyond(window.before, 'before', false)];
  // Backward pages read in the opposite order from their last row, then are turned round.
  const orderBy = keyset.orderBy(window.backward);
  const [rows, totalCount, rowsAtOrBeforeAfter, rowsAtOrAfterBefore] = await Promise.all([
    em.find(entity, within(...bounds), { orderBy: orderBy as never, limit: window.size + 1 }) as Promise<T[]>,
    em.count(entity, build()),
    window.after ? exists(within(keyset.beyond(window.after, 'before', true))) : Promise.resolve(false),
    window.before ? exists(within(keyset.beyond(window.before, 'after', true))) : Promise.resolve(false),
  ]);
  const more = rows.length > window.size;
  const taken = more ? rows.slice(0, window.size) : rows;
  const nodes = window.backward ? taken.reverse() : taken;
  const edges = nodes.map((node) => {
    const row = node as Record<string, unknown>;
    return { cursor: encodeCursor([row[sort.field] as CursorValue, String(row[key])]), node };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: window.backward ? rowsAtOrAfterBefore : more || rowsAtOrAfterBefore,
      hasPreviousPage: window.backward ? more || rowsAtOrBeforeAfter : rowsAtOrBeforeAfter,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** The sort order as (field, key) pairs, and the filters for rows on either side of a cursor. */
class Keyset<T> {
  constructor(
    private readonly field: string,
    private readonly key: string,
    private readonly direction: 'asc' | 'desc',
  ) {}

  orderBy(reversed: boolean): Record<string, 'asc' | 'desc'> {
    const direction = reversed ? (this.direction === 'asc' ? 'desc' : 'asc') : this.direction;
    return this.field === this.key ? { [this.key]: direction } : { [this.field]: direction, [this.key]: direction };
  }

  /** Rows after (or before) the cursor in the sort order; `inclusive` takes the cursor's own row too. */
  beyond([value, key]: Cursor, side: 'after' | 'before', inclusive: boolean): FilterQuery<NoInfer<T>> {
    const ascending = (side === 'after') === (this.direction === 'asc');
    const strict = ascending ? '$gt' : '$lt';
    const last = inclusive ? `${strict}e` : strict;
    if (this.field === this.key) return { [this.key]: { [last]: key } } as FilterQuery<NoInfer<T>>;
    return { $or: [{ [this.field]: { [strict]: value } }, { [this.field]: value, [this.key]: { [last]: key } }] } as FilterQuery<NoInfer<T>>;
  }
}

function encodeCursor(value: Cursor): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeCursor(cursor: string, field: 'after' | 'before'): Cursor {
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
  throw badInput(`${field} is not a valid cursor`, field);
}
