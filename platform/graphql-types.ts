import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';

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

@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

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
