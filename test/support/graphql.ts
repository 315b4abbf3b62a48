import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';

export interface Result<TData> {
  readonly status: number;
  readonly data?: TData | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

/** POSTs a typed document over real HTTP, as a client would. */
export async function execute<TData, TVariables>(
  url: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<Result<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: GraphQLFormattedError[] };
  return { status: response.status, ...body };
}

/** The codes of a result's errors, for compact assertions. */
export const codesOf = (result: Result<unknown>): unknown[] => (result.errors ?? []).map((e) => e.extensions?.code);
