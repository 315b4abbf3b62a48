import { setTimeout as delay } from 'node:timers/promises';
import { LockWaitTimeoutException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import type Libsql from 'libsql';

type Database = Libsql.Database;
import { sqlitePoolOf, type SqlitePool } from './orm';

/** A prepared statement of the SQLite driver (run, get, all). */
export type SqliteStatement = Libsql.Statement;

/** The statement for `sql`, prepared once per connection. */
export type Prepared = (sql: string) => SqliteStatement;

/**
 * The one way a service reaches its database outside the request's own
 * EntityManager. The rule (docs/architecture.md, "The data rule"):
 * - reads that belong to the request (resolvers, DataLoaders) go through
 *   `ctx.em`, so one request sees one identity map;
 * - fresh reads (state another request may have changed, background work)
 *   go through `db.read`, each on its own EntityManager;
 * - every write goes through `db.write`, one unit of work each.
 *
 * `write` mixes conditional native updates (compare-and-set writes, which run
 * at once) with persisted entities (outbox events, history rows, which run at
 * the flush): its entities are flushed in ONE transaction wherever the
 * driver's flushes are transactional (SQL), so a compare-and-set and the
 * records describing it commit together or not at all. Where flushes are not
 * transactional (MongoDB without implicit transactions) the same code runs
 * the writes in order, each atomic on its own document; callers put the
 * compare-and-set first, so a failure never leaves records of a change that
 * did not happen.
 *
 * Both retry, after a short random pause, while another connection holds the
 * database's write lock (SQLite shared by several processes).
 */
export class Db {
  private readonly sqlite: SqlitePool | null;
  /** Per connection: the pool replaces connections, and a statement belongs to the one that prepared it. */
  private readonly statements = new WeakMap<Database, Map<string, SqliteStatement>>();

  constructor(private readonly orm: MikroORM) {
    this.sqlite = sqlitePoolOf(orm);
  }

  /** True where `sqliteTransaction` can run (SQLite), false on MongoDB. */
  get onSqlite(): boolean {
    return this.sqlite !== null;
  }

  /**
   * Runs `work` in one IMMEDIATE transaction on the SQLite connection, held
   * exclusively (the ORM's own units of work wait for it), with statements
   * prepared once per connection. `work` is synchronous: the driver's calls
   * block, so the transaction holds the write lock for a few statements and
   * never across an await. `work` throwing rolls back. Retries while another
   * process holds the write lock, as `write` does.
   */
  sqliteTransaction<T>(work: (prepared: Prepared) => T): Promise<T> {
    const pool = this.sqlite;
    if (!pool) throw new Error('sqliteTransaction needs SQLite; this service runs on MongoDB');
    return retryWhileLocked(async () => {
      const connection = await pool.acquire();
      try {
        const prepared = this.preparedOn(connection);
        prepared('begin immediate').run();
        try {
          const result = work(prepared);
          prepared('commit').run();
          return result;
        } catch (error) {
          if (connection.inTransaction) prepared('rollback').run();
          throw error;
        }
      } finally {
        await pool.release(connection);
      }
    });
  }

  private preparedOn(connection: Database): Prepared {
    let cache = this.statements.get(connection);
    if (!cache) {
      cache = new Map();
      this.statements.set(connection, cache);
    }
    const statements = cache;
    return (sql) => {
      let statement = statements.get(sql);
      if (!statement) {
        statement = connection.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    };
  }

  /** Runs `work` on a fresh EntityManager: nothing cached from earlier reads. */
  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return retryWhileLocked(() => work(this.orm.em.fork()));
  }

  /** Runs `work` as one unit of work and flushes what it persisted. */
  write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return retryWhileLocked(async () => {
      const em = this.orm.em.fork();
      if (em.config.get('implicitTransactions')) return em.transactional(work);
      const result = await work(em);
      await em.flush();
      return result;
    });
  }
}

const LOCK_RETRIES = 100;

/** Runs `fn` again, after a short random pause, while the database reports a lock held elsewhere. */
async function retryWhileLocked<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (!isLockHeld(error) || attempt >= LOCK_RETRIES) throw error;
      await backoff(attempt);
    }
  }
}

/** The ORM's lock timeout, or the SQLite driver's own (raised by `sqliteTransaction`). */
function isLockHeld(error: unknown): boolean {
  return error instanceof LockWaitTimeoutException || (error instanceof Error && 'code' in error && error.code === 'SQLITE_BUSY');
}

/** Jittered exponential pause (1 ms up to 50 ms), so contenders spread out instead of colliding again. */
export function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(50, 2 ** Math.min(attempt, 6));
  return delay(1 + Math.floor(Math.random() * ceiling));
}
