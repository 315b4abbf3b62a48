/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query StorefrontProducts($first: Int, $after: String) {\n  products(first: $first, after: $after) {\n    edges {\n      node {\n        id\n        name\n        price {\n          amount\n          currency\n        }\n        stock {\n          available\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery StorefrontProduct($id: ID!) {\n  product(id: $id) {\n    id\n    name\n    description\n    price {\n      amount\n      currency\n    }\n    stock {\n      available\n    }\n  }\n}\n\nsubscription StorefrontStock($productIds: [ID!]!) {\n  stockLevelChanged(productIds: $productIds) {\n    productId\n    available\n  }\n}": typeof types.StorefrontProductsDocument,
};
const documents: Documents = {
    "query StorefrontProducts($first: Int, $after: String) {\n  products(first: $first, after: $after) {\n    edges {\n      node {\n        id\n        name\n        price {\n          amount\n          currency\n        }\n        stock {\n          available\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery StorefrontProduct($id: ID!) {\n  product(id: $id) {\n    id\n    name\n    description\n    price {\n      amount\n      currency\n    }\n    stock {\n      available\n    }\n  }\n}\n\nsubscription StorefrontStock($productIds: [ID!]!) {\n  stockLevelChanged(productIds: $productIds) {\n    productId\n    available\n  }\n}": types.StorefrontProductsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StorefrontProducts($first: Int, $after: String) {\n  products(first: $first, after: $after) {\n    edges {\n      node {\n        id\n        name\n        price {\n          amount\n          currency\n        }\n        stock {\n          available\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery StorefrontProduct($id: ID!) {\n  product(id: $id) {\n    id\n    name\n    description\n    price {\n      amount\n      currency\n    }\n    stock {\n      available\n    }\n  }\n}\n\nsubscription StorefrontStock($productIds: [ID!]!) {\n  stockLevelChanged(productIds: $productIds) {\n    productId\n    available\n  }\n}"): (typeof documents)["query StorefrontProducts($first: Int, $after: String) {\n  products(first: $first, after: $after) {\n    edges {\n      node {\n        id\n        name\n        price {\n          amount\n          currency\n        }\n        stock {\n          available\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery StorefrontProduct($id: ID!) {\n  product(id: $id) {\n    id\n    name\n    description\n    price {\n      amount\n      currency\n    }\n    stock {\n      available\n    }\n  }\n}\n\nsubscription StorefrontStock($productIds: [ID!]!) {\n  stockLevelChanged(productIds: $productIds) {\n    productId\n    available\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;