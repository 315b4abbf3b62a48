import { mkdir } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import path from 'node:path';
import { DefaultLogger, MikroORM, raw, type EntityClass, type EntityManager, type EntityKey, type EntityMetadata, type FilterQuery, type LogContext, type LoggerOptions } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { LibSqlConnection, LibSqlDriver } from '@mikro-orm/libsql';
import { MongoDriver, MongoEntityManager, MongoPlatform } from '@mikro-orm/mongodb';
import { CompiledQuery, type QueryResult } from 'kysely';
import type { Collection, Document } from 'mongodb';
import type Libsql from 'libsql';

type Database = Libsql.Database;
import type { Config, ServiceName } from './config';

/**
 * The only place that knows which database driver runs: SQLite (libsql) files
 * in DATA_DIR by default, MongoDB when MONGODB_URL is set. Entities are
 * portable (string ids, no driver-specific types), so nothing else changes.
 */

export type Entities = ReadonlyArray<EntityClass<object>>;

export interface OrmOptions {
  readonly service: ServiceName;
  readonly entities: Entities;
  readonly config: Pick<Config, 'dataDir' | 'mongo' | 'logLevel'>;
  /** Observes every query the ORM sends (tests count them to prove no N+1). */
  readonly onQuery?: (query: string) => void;
}

export async function openOrm(options: OrmOptions): Promise<MikroORM> {
  const { service, entities, config, onQuery } = options;
  const common = {
    entities: [...entities],
    // Property types come from the compiler's decorator metadata (emitDecoratorMetadata), as type-graphql's do.
    metadataProvider: ReflectMetadataProvider,
    debug: onQuery !== undefined || config.logLevel === 'debug' ? (['query'] as ['query']) : false,
    loggerFactory: (loggerOptions: LoggerOptions) => new QueryLogger(loggerOptions, onQuery, config.logLevel === 'debug'),
    allowGlobalContext: false,
    // MikroORM 6's default, kept by 7 only for to-one relations: a populated collection (a page of products with
    // their categories) stays one joined query instead of a second select.
    loadStrategy: 'joined' as const,
    discovery: { warnWhenNoEntities: false },
  };
  if (config.mongo) {
    // Indexes (unique SKU, email, ...) are created from entity metadata when the ORM connects, here at start.
    const orm = await MikroORM.init({
      ...common,
      discovery: { ...common.discovery, onMetadata: storePrimaryKeyAsMongoId },
      driver: MongoDriver,
      clientUrl: config.mongo.url,
      dbName: `${config.mongo.dbPrefix}-${service}`,
      ensureIndexes: true,
    });
    await orm.connect();
    return orm;
  }
  await mkdir(config.dataDir, { recursive: true });
  const orm = await MikroORM.init({
    ...common,
    driver: LibSqlDriver,
    dbName: path.join(config.dataDir, `${service}.sqlite`),
    // Every connection the driver opens: see applyPragmas.
    onCreateConnection: (connection) => applyPragmas(connection as SqliteConnection),
  });
  // Additive only: a restart keeps existing data and never drops a column.
  await orm.schema.update({ safe: true });
  return orm;
}

/**
 * Write-ahead logging, so a commit appends to one file and readers never wait
 * for a writer, with `synchronous = NORMAL`, so a commit does not wait for the
 * disk (the settings Rails 8 and Litestream use for SQLite in production). A
 * crashed process loses nothing; a power cut may lose the last commits, but
 * never corrupts the file. Several processes may share the file on one
 * machine (not on a network share, where WAL does not work). A writer that
 * finds another process's write lock waits for it (`busy_timeout`) instead of
 * failing at once with "database is locked".
 */
// busy_timeout first: a process opening the file while another writes would otherwise fail at once. Switching to WAL
// is different: SQLite answers SQLITE_BUSY at once, without calling the busy handler, when another process holds the
// file (two processes creating the same file at the same moment), so that switch is retried here. WAL is stored in the
// file: once any process has switched it, the others find it set and change nothing.
const JOURNAL_MODE_ATTEMPTS = 200;

/** The driver's connection as MikroORM hands it to `onCreateConnection` (Kysely's). */
interface SqliteConnection {
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>>;
}

async function applyPragmas(connection: SqliteConnection): Promise<void> {
  const run = <R>(sql: string) => connection.executeQuery<R>(CompiledQuery.raw(sql));
  await run('pragma busy_timeout = 5000');
  for (let attempt = 1; ; attempt += 1) {
    try {
      // Answers the mode in force: the old one when the switch could not be made.
      if ((await run<{ journal_mode?: string }>('pragma journal_mode = wal')).rows[0]?.journal_mode === 'wal') break;
    } catch (error) {
      if (!isBusy(error)) throw error;
    }
    if (attempt >= JOURNAL_MODE_ATTEMPTS) throw new Error('SQLite could not switch to write-ahead logging: another process keeps the file busy');
    await delay(1 + Math.floor(Math.random() * 25));
  }
  await run('pragma synchronous = normal');
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_BUSY';
}

/** The pool of `orm`'s SQLite connection (one connection: a taken connection is held exclusively). */
export interface SqlitePool {
  acquire(): Promise<Database>;
  release(connection: Database): Promise<void>;
}

/** Direct use of the SQLite driver for a hot path; null on MongoDB. */
export function sqlitePoolOf(orm: MikroORM): SqlitePool | null {
  const connection = orm.em.getConnection();
  if (!(connection instanceof LibSqlConnection)) return null;
  // The driver keeps one connection behind a lock that every ORM query takes; Kysely's `connection().execute` holds
  // that lock until its callback settles, so the callback's promise stays open from `acquire` to `release`. The lock
  // lets one holder in at a time, so the release is kept once the lock is held, never while waiting for it.
  let releaseHeld: (() => void) | null = null;
  return {
    acquire: async () => {
      const database = await connection.getNativeClient();
      await new Promise<void>((held, failed) => {
        connection
          .getClient()
          .connection()
          .execute(
            () =>
              new Promise<void>((release) => {
                releaseHeld = release;
                held();
              }),
          )
          .catch(failed);
      });
      return database;
    },
    release: async () => {
      const release = releaseHeld;
      releaseHeld = null;
      release?.();
    },
  };
}

/** The MongoDB collection behind `entity`, for driver-level atomic updates; null on SQL. */
export function mongoCollectionOf<D extends Document>(em: EntityManager, entity: EntityClass<object>): Collection<D> | null {
  return em instanceof MongoEntityManager ? em.getCollection<D>(entity) : null;
}

/**
 * Validates the MongoDB mapping of a subgraph's entities without a server
 * (MongoDB cannot run on every developer machine; CI checks the metadata).
 */
export async function validateMongoMetadata(entities: Entities): Promise<MikroORM> {
  return MikroORM.init({
    entities: [...entities],
    driver: MongoDriver,
    clientUrl: 'mongodb://127.0.0.1:27017',
    dbName: 'metadata-check',
    // MikroORM 7 connects on the first query, never in init: nothing here reaches a server.
    metadataProvider: ReflectMetadataProvider,
    allowGlobalContext: false,
    discovery: { onMetadata: storePrimaryKeyAsMongoId },
  });
}

/**
 * Entities name their string key `id` on every driver; MongoDB stores it as
 * `_id`. Mapping it here keeps the entities free of driver-specific names.
 */
function storePrimaryKeyAsMongoId(meta: EntityMetadata): void {
  for (const prop of Object.values(meta.properties)) {
    if (prop.primary) prop.fieldNames = ['_id'];
  }
}

class QueryLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly onQuery: ((query: string) => void) | undefined,
    private readonly print: boolean,
  ) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    this.onQuery?.(context.query);
    if (this.print) super.logQuery(context);
  }
}

/**
 * A case-insensitive "contains" condition for text search: LIKE on SQL,
 * an escaped regular expression on MongoDB.
 */
export function containsText(em: { getPlatform(): unknown }, term: string): RegExp | { $like: string } {
  if (em.getPlatform() instanceof MongoPlatform) {
    return new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
  // SQLite's LIKE is case-insensitive for ASCII; LIKE wildcards typed by users are dropped, not obeyed.
  return { $like: `%${term.replace(/[%_]/g, '')}%` };
}

/**
 * "The JSON array in `property` holds `value`" (a user's roles) as a filter:
 * the element itself on MongoDB, which matches array members; a LIKE on the
 * stored JSON text on SQL, keyed raw so the ORM does not JSON-encode the
 * pattern. For values without LIKE wildcards (`%`, `_`), such as role names.
 */
export function jsonArrayIncludes<T extends object>(em: EntityManager, entity: EntityClass<T>, property: keyof T & string, value: string): FilterQuery<T> {
  if (em.getPlatform() instanceof MongoPlatform) return { [property]: value } as FilterQuery<T>;
  const column = em.getPlatform().quoteIdentifier(em.getMetadata().get(entity).properties[property as EntityKey<T>].fieldNames[0]);
  return { [raw((alias: string) => `${alias}.${column}`)]: { $like: `%${JSON.stringify(value)}%` } } as FilterQuery<T>;
}

/**
 * "Some object in the embedded array `property` has `key` equal to `value`"
 * (an order with a line of a product) as a filter: a dotted path on MongoDB;
 * on SQL a LIKE on the stored JSON text, whose keys are column names. For
 * values without LIKE wildcards (`%`, `_`) or quotes, such as ids.
 */
export function embeddedArrayHas<T extends object>(em: EntityManager, entity: EntityClass<T>, property: keyof T & string, key: string, value: string): FilterQuery<T> {
  if (em.getPlatform() instanceof MongoPlatform) return { [`${property}.${key}`]: value } as FilterQuery<T>;
  const column = em.getPlatform().quoteIdentifier(em.getMetadata().get(entity).properties[property as EntityKey<T>].fieldNames[0]);
  const storedKey = em.config.getNamingStrategy().propertyToColumnName(key);
  return { [raw((alias: string) => `${alias}.${column}`)]: { $like: `%${JSON.stringify(storedKey)}:${JSON.stringify(value)}%` } } as FilterQuery<T>;
}
