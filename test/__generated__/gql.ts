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
    "\n  query OrdersWithEverything($first: Int) {\n    me {\n      orders(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            customer { name }\n            payment { status }\n            lines { quantity product { name price { amount } stock { available lowStock } } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrdersWithEverythingDocument,
    "\n  query ProductCount {\n    products { totalCount }\n  }\n": typeof types.ProductCountDocument,
    "\n  query ProductNames {\n    products(first: 2) { edges { node { name } } }\n  }\n": typeof types.ProductNamesDocument,
    "\n  query ProductNamesAndStock {\n    products(first: 2) { edges { node { name stock { available } } } }\n  }\n": typeof types.ProductNamesAndStockDocument,
    "\n  query MeId {\n    me { id }\n  }\n": typeof types.MeIdDocument,
    "\n  subscription WatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      id\n      status\n      version\n      total { amount }\n      customer { email }\n      lines { quantity product { name stock { available } } }\n    }\n  }\n": typeof types.WatchOrderDocument,
    "\n  subscription WatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId onHand reserved available }\n  }\n": typeof types.WatchStockDocument,
    "\n  query ProductsPage($first: Int, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id sku name price { amount currency } status stock { productId onHand reserved available lowStock } } }\n    }\n  }\n": typeof types.ProductsPageDocument,
    "\n  query ProductById($id: ID!) {\n    product(id: $id) { id name description price { amount currency } stock { available } }\n  }\n": typeof types.ProductByIdDocument,
    "\n  query Me {\n    me { id email name roles }\n  }\n": typeof types.MeDocument,
    "\n  query OrderById($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total { amount currency }\n      customer { id email }\n      payment { status provider amount { amount } clientSecret }\n      lines { quantity unitPrice { amount } lineTotal { amount } product { id name stock { available } } }\n    }\n  }\n": typeof types.OrderByIdDocument,
    "\n      query TooDeep {\n        me { orders { edges { node { customer { orders { edges { node { customer { orders { edges { node { id } } } } } } } } } } } }\n      }\n    ": typeof types.TooDeepDocument,
};
const documents: Documents = {
    "\n  query OrdersWithEverything($first: Int) {\n    me {\n      orders(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            customer { name }\n            payment { status }\n            lines { quantity product { name price { amount } stock { available lowStock } } }\n          }\n        }\n      }\n    }\n  }\n": types.OrdersWithEverythingDocument,
    "\n  query ProductCount {\n    products { totalCount }\n  }\n": types.ProductCountDocument,
    "\n  query ProductNames {\n    products(first: 2) { edges { node { name } } }\n  }\n": types.ProductNamesDocument,
    "\n  query ProductNamesAndStock {\n    products(first: 2) { edges { node { name stock { available } } } }\n  }\n": types.ProductNamesAndStockDocument,
    "\n  query MeId {\n    me { id }\n  }\n": types.MeIdDocument,
    "\n  subscription WatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      id\n      status\n      version\n      total { amount }\n      customer { email }\n      lines { quantity product { name stock { available } } }\n    }\n  }\n": types.WatchOrderDocument,
    "\n  subscription WatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId onHand reserved available }\n  }\n": types.WatchStockDocument,
    "\n  query ProductsPage($first: Int, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id sku name price { amount currency } status stock { productId onHand reserved available lowStock } } }\n    }\n  }\n": types.ProductsPageDocument,
    "\n  query ProductById($id: ID!) {\n    product(id: $id) { id name description price { amount currency } stock { available } }\n  }\n": types.ProductByIdDocument,
    "\n  query Me {\n    me { id email name roles }\n  }\n": types.MeDocument,
    "\n  query OrderById($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total { amount currency }\n      customer { id email }\n      payment { status provider amount { amount } clientSecret }\n      lines { quantity unitPrice { amount } lineTotal { amount } product { id name stock { available } } }\n    }\n  }\n": types.OrderByIdDocument,
    "\n      query TooDeep {\n        me { orders { edges { node { customer { orders { edges { node { customer { orders { edges { node { id } } } } } } } } } } } }\n      }\n    ": types.TooDeepDocument,
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
export function graphql(source: "\n  query OrdersWithEverything($first: Int) {\n    me {\n      orders(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            customer { name }\n            payment { status }\n            lines { quantity product { name price { amount } stock { available lowStock } } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrdersWithEverything($first: Int) {\n    me {\n      orders(first: $first) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            customer { name }\n            payment { status }\n            lines { quantity product { name price { amount } stock { available lowStock } } }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductCount {\n    products { totalCount }\n  }\n"): (typeof documents)["\n  query ProductCount {\n    products { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductNames {\n    products(first: 2) { edges { node { name } } }\n  }\n"): (typeof documents)["\n  query ProductNames {\n    products(first: 2) { edges { node { name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductNamesAndStock {\n    products(first: 2) { edges { node { name stock { available } } } }\n  }\n"): (typeof documents)["\n  query ProductNamesAndStock {\n    products(first: 2) { edges { node { name stock { available } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeId {\n    me { id }\n  }\n"): (typeof documents)["\n  query MeId {\n    me { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      id\n      status\n      version\n      total { amount }\n      customer { email }\n      lines { quantity product { name stock { available } } }\n    }\n  }\n"): (typeof documents)["\n  subscription WatchOrder($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      id\n      status\n      version\n      total { amount }\n      customer { email }\n      lines { quantity product { name stock { available } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId onHand reserved available }\n  }\n"): (typeof documents)["\n  subscription WatchStock($productIds: [ID!]!) {\n    stockLevelChanged(productIds: $productIds) { productId onHand reserved available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductsPage($first: Int, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id sku name price { amount currency } status stock { productId onHand reserved available lowStock } } }\n    }\n  }\n"): (typeof documents)["\n  query ProductsPage($first: Int, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id sku name price { amount currency } status stock { productId onHand reserved available lowStock } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductById($id: ID!) {\n    product(id: $id) { id name description price { amount currency } stock { available } }\n  }\n"): (typeof documents)["\n  query ProductById($id: ID!) {\n    product(id: $id) { id name description price { amount currency } stock { available } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id email name roles }\n  }\n"): (typeof documents)["\n  query Me {\n    me { id email name roles }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderById($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total { amount currency }\n      customer { id email }\n      payment { status provider amount { amount } clientSecret }\n      lines { quantity unitPrice { amount } lineTotal { amount } product { id name stock { available } } }\n    }\n  }\n"): (typeof documents)["\n  query OrderById($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total { amount currency }\n      customer { id email }\n      payment { status provider amount { amount } clientSecret }\n      lines { quantity unitPrice { amount } lineTotal { amount } product { id name stock { available } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query TooDeep {\n        me { orders { edges { node { customer { orders { edges { node { customer { orders { edges { node { id } } } } } } } } } } } }\n      }\n    "): (typeof documents)["\n      query TooDeep {\n        me { orders { edges { node { customer { orders { edges { node { customer { orders { edges { node { id } } } } } } } } } } } }\n      }\n    "];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;