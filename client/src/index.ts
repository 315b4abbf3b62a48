/**
 * The shop supergraph's client package: typed documents for the common
 * operations (generated from client/operations by codegen's client preset),
 * the `graphql()` tag for a team's own documents, the schema's types
 * (`ErrorCode`, `ProductFilter`, ...) and a small fetch + graphql-ws client.
 * The schema itself is `schema.graphql` and the persisted-operations manifest
 * `__generated__/persisted-documents.json`, both shipped with the package.
 */
export * from '../__generated__/graphql';
export { graphql } from '../__generated__/gql';
export { createShopClient, ShopClientError, type ConnectionState, type ShopClient, type ShopClientOptions, type Sink, type Tokens } from './client';
