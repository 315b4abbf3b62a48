import { ArgsType, Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { ERROR_CODES, type ClientErrorCode } from './errors';

/**
 * GraphQL types several subgraphs declare identically. Federation requires
 * value types that appear in more than one subgraph to be @shareable.
 */

/** Money as integer minor units plus ISO 4217 code: never floats. */
@ObjectType({ description: 'An amount of money in minor units (cents) and its ISO 4217 currency.' })
@Directive('@shareable')
export class Money {
  @Field(() => Int, { description: 'Minor units, e.g. 1999 for 19.99 EUR.' })
  amount!: number;

  @Field({ description: 'ISO 4217 currency code, e.g. "EUR".' })
  currency!: string;

  static of(amount: number, currency: string): Money {
    return Object.assign(new Money(), { amount, currency });
  }
}

@ObjectType({ description: 'Where a page of a connection lies: whether rows exist beyond either end, and the cursors of its first and last edges (null on an empty page).' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'Rows exist after endCursor: page on with after: endCursor.' })
  hasNextPage!: boolean;

  @Field({ description: 'Rows exist before startCursor: page back with last and before: startCursor.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/**
 * The Relay arguments of every connection: forward with first/after, backward
 * with last/before. Sizes are 0 to 100 (20 when neither is given); first with
 * last, a size out of range or a cursor this API did not make is
 * BAD_USER_INPUT with extensions.field naming the argument.
 */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Up to this many edges from the start (or from after); 0 to 100, 20 when neither first nor last is given. Not with last.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Edges after this cursor (an endCursor or an edge cursor).' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Up to this many edges from the end (or from before); 0 to 100. Not with first.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Edges before this cursor (a startCursor or an edge cursor).' })
  before?: string | null;
}

/**
 * Every `extensions.code` a client can see, as the schema's `ErrorCode` enum
 * with the catalogue's descriptions (platform/errors.ts is the one source), so
 * frontend codegen gives clients the codes to switch on. Per-item results
 * (upsertProducts, setStockLevels) carry it as their `code`.
 */
export const ErrorCode = Object.fromEntries(Object.keys(ERROR_CODES).map((code) => [code, code])) as { readonly [C in ClientErrorCode]: C };
registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description:
    'The stable code of every error (`errors[].extensions.code`) and per-item refusal: what it means and what to do. `extensions.field` names the input field of a BAD_USER_INPUT; `extensions.reason` says why a CONFLICT (the README lists the reasons).',
  valuesConfig: Object.fromEntries(Object.entries(ERROR_CODES).map(([code, description]) => [code, { description }])),
});

/** The contract's `DateTime` scalar (RFC 3339), used for every Date field. */
export const scalarsMap = [{ type: Date, scalar: GraphQLDateTime }];

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/** Relay-style `<Name>Connection` and `<Name>Edge` types for a node type. */
export function connectionType<T extends object>(name: string, nodeType: new () => T): new () => Connection<T> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass implements Connection<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionClass;
}
