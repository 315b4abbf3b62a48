import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ClientRefreshTokenDocument } from '../../client/__generated__/graphql';
import type { Session, SessionStore } from './session';

/** One GraphQL error as the gateway sends it: a stable code, and the input field it is about when there is one. */
export interface GraphqlErrorItem {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly field?: string; readonly reason?: string; readonly [key: string]: unknown };
}

export class GraphqlRequestError extends Error {
  constructor(readonly errors: readonly GraphqlErrorItem[], readonly status: number) {
    super(errors[0]?.message ?? `The request failed (${status})`);
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
  get reason(): string | undefined {
    return this.errors[0]?.extensions?.reason;
  }
  /** The message for one input field (`extensions.field`, or a violation naming it), for display next to that field. */
  fieldError(field: string): string | undefined {
    for (const error of this.errors) {
      const violations = error.extensions?.violations as ReadonlyArray<{ field: string; message: string }> | undefined;
      const violation = violations?.find((v) => v.field === field || v.field.endsWith(`.${field}`));
      if (violation) return violation.message;
      const named = error.extensions?.field;
      if (named === field || named?.endsWith(`.${field}`)) return error.message;
    }
    return undefined;
  }
}

/**
 * The id codegen gave a document of client/operations (`sha256:<hex>`, its
 * entry in the persisted-operations manifest). The apps send it instead of
 * the text: smaller requests, no GraphQL printer in the bundle, and they keep
 * working with SAFELIST=true, which runs only the manifest's operations.
 */
export function documentIdOf(document: object): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string') throw new Error('Not a persisted document of client/operations: run npm run codegen');
  return hash;
}

interface Answer<T> {
  readonly status: number;
  readonly data?: T;
  readonly errors?: readonly GraphqlErrorItem[];
}

/**
 * The app's one way to the API: POST /graphql with the session's access
 * token. A 401 (the token expired or was revoked mid-session) refreshes the
 * session once and repeats the request; when that fails too the session ends
 * and `onSignedOut` asks the person to sign in again.
 */
export class GraphqlClient {
  private refreshing: Promise<Session | null> | null = null;

  constructor(
    readonly session: SessionStore,
    private readonly onSignedOut: () => void,
    private readonly endpoint = '/graphql',
  ) {}

  async request<T, V>(document: TypedDocumentNode<T, V>, variables?: V): Promise<T> {
    const sent = this.session.get();
    const documentId = documentIdOf(document);
    let answer = await this.post<T>(documentId, variables, sent?.accessToken);
    if (answer.status === 401 && sent) {
      const renewed = await this.refresh(sent);
      if (!renewed) throw new GraphqlRequestError(answer.errors ?? [], 401);
      answer = await this.post<T>(documentId, variables, renewed.accessToken);
    }
    if (answer.errors?.length || answer.data === undefined || answer.data === null) throw new GraphqlRequestError(answer.errors ?? [], answer.status);
    return answer.data;
  }

  /**
   * The access token to open a WebSocket with: refreshed first when it has
   * expired or is about to (a socket's token is checked once, at connection),
   * or when the server just refused it (`rejected`).
   */
  async accessToken(rejected: boolean): Promise<string | undefined> {
    const current = this.session.get();
    if (!current) return undefined;
    if (!rejected && !expiresSoon(current.accessToken)) return current.accessToken;
    return (await this.refresh(current))?.accessToken;
  }

  /** One refresh at a time: concurrent 401s share it (a refresh token works once). */
  private refresh(sent: Session): Promise<Session | null> {
    this.refreshing ??= (async () => {
      const current = this.session.get();
      // Another tab or request refreshed already.
      if (current && current.accessToken !== sent.accessToken) return current;
      const answer = await this.post<{ refreshToken: Session }>(documentIdOf(ClientRefreshTokenDocument), { refreshToken: sent.refreshToken }, undefined);
      const renewed = answer.data?.refreshToken ?? null;
      this.session.set(renewed);
      // Once, however many requests were waiting on this refresh.
      if (!renewed) this.onSignedOut();
      return renewed;
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async post<T>(documentId: string, variables: unknown, token: string | undefined): Promise<Answer<T>> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ documentId, variables }),
      });
    } catch {
      return { status: 0, errors: [{ message: 'The shop cannot be reached: check your connection and try again.', extensions: { code: 'NETWORK' } }] };
    }
    const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: GraphqlErrorItem[] };
    return { status: response.status, data: body.data, errors: body.errors };
  }
}

/** Within 30 s of the `exp` in the token's (unverified) payload; the server decides, this only saves a refused round trip. */
function expiresSoon(token: string): boolean {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof payload.exp === 'number' && payload.exp * 1000 < Date.now() + 30_000;
  } catch {
    return false;
  }
}
