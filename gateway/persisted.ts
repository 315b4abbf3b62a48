import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { GraphQLError } from 'graphql';

/**
 * Persisted operations: the manifest codegen writes from the operations
 * frontend teams commit (client/operations, `npm run codegen`:
 * persisted-documents.json, `"sha256:<hex>": "<document>"`). A client sends
 * an operation's id instead of its text, as `documentId` (GraphQL over HTTP)
 * or as Apollo's `extensions.persistedQuery.sha256Hash`. With SAFELIST=true
 * the manifest is the whole list of what runs: any other document, sent as
 * text or by an unknown id, is refused before parsing, whoever the caller.
 */

const ID = /^sha256:([0-9a-f]{64})$/;

export class PersistedOperations {
  private constructor(private readonly byHash: ReadonlyMap<string, string>) {}

  /** Reads and checks a manifest: every id must be the SHA-256 of its document. */
  static async load(file: string): Promise<PersistedOperations> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new Error(`persisted operations manifest ${file} cannot be read: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`persisted operations manifest ${file} is not a JSON object of id -> document`);
    const byHash = new Map<string, string>();
    for (const [id, document] of Object.entries(parsed)) {
      const hash = ID.exec(id)?.[1];
      if (!hash || typeof document !== 'string' || sha256(document) !== hash) {
        throw new Error(`persisted operations manifest ${file} has "${id}", which is not "sha256:<hash of its document>"`);
      }
      byHash.set(hash, document);
    }
    return new PersistedOperations(byHash);
  }

  static of(documents: readonly string[]): PersistedOperations {
    return new PersistedOperations(new Map(documents.map((document) => [sha256(document), document])));
  }

  get size(): number {
    return this.byHash.size;
  }

  /** The document of `id` (`sha256:<hex>`, or the bare hex of Apollo's extension). */
  byId(id: string): string | undefined {
    return this.byHash.get(id.replace(/^sha256:/, ''));
  }

  /** Whether this exact text is a listed document. */
  lists(query: string): boolean {
    return this.byHash.has(sha256(query));
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A GraphQL request as it arrives, over HTTP (body or query string) or graphql-ws (subscribe payload). */
export type OperationRequest = Readonly<Record<string, unknown>>;

export interface PersistedOptions {
  readonly operations: PersistedOperations | null;
  readonly safelist: boolean;
}

export const notInList = (): GraphQLError =>
  new GraphQLError('Only listed operations run here (SAFELIST=true): send the id of an operation in the persisted-operations manifest', {
    extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' },
  });

/**
 * The request with a listed id replaced by its document, or why it is
 * refused. Outside safelist mode unknown Apollo hashes pass on to Apollo's
 * automatic persisted queries (development), and text passes as it is.
 */
export function resolvePersisted(request: OperationRequest, { operations, safelist }: PersistedOptions): OperationRequest | GraphQLError {
  const extensions = typeof request.extensions === 'object' && request.extensions !== null ? (request.extensions as Record<string, unknown>) : undefined;
  const apq = extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  const hasText = typeof request.query === 'string' && request.query !== '';
  const documentId = typeof request.documentId === 'string' ? request.documentId : null;
  const apqHash = !hasText && typeof apq?.sha256Hash === 'string' ? apq.sha256Hash : null;
  const id = documentId ?? apqHash;
  if (id !== null) {
    const document = operations?.byId(id);
    if (document !== undefined) {
      const { documentId: _id, ...rest } = request;
      const { persistedQuery: _apq, ...otherExtensions } = extensions ?? {};
      return { ...rest, query: document, ...(extensions ? { extensions: otherExtensions } : {}) };
    }
    if (safelist) return notInList();
    if (documentId !== null) {
      return new GraphQLError(`No persisted operation has the id ${documentId}`, { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    }
    return request;
  }
  if (safelist && hasText && !operations?.lists(request.query as string)) return notInList();
  return request;
}
