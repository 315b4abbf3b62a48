import { AsyncResource } from 'node:async_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { LockWaitTimeoutException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import type Libsql from 'libsql';

type Database = Libsql.Database;
import { tryAgain } from './errors';
import { sqlitePoolOf, type SqlitePool } from './orm';
import { requestDeadline } from './request-scope';

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

export interface GroupCommitLimits {
  /** What the grouped work is, for the TRY_AGAIN refusals ("reserve stock"). */
  readonly what: string;
  /** Requests that may wait for the next group; one more is refused at once with TRY_AGAIN. */
  readonly queue: number;
}

interface Waiting {
  readonly work: (prepared: Prepared) => unknown;
  /** When its caller stops waiting (ms since epoch), or null. */
  readonly deadline: number | null;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * Group commit on SQLite: the requests that arrive while the database is busy
 * (at least those of one event-loop turn) share one `BEGIN IMMEDIATE ...
 * COMMIT` (Db.sqliteTransaction), each in its own savepoint, so each gets its
 * own outcome: a request whose work throws (a refusal, bad input) rolls back
 * to its savepoint and is rejected with its error, and its neighbours commit.
 * A commit, its journal write and the connection's hand-over are paid once
 * per group instead of once per request. One group runs at a time; requests
 * arriving meanwhile form the next. The queue is bounded: past `queue`
 * waiting requests one more is refused at once with TRY_AGAIN, and a request
 * whose caller gave up while it waited is refused the same way before its
 * work runs. A failure of the transaction itself (not of one request's work)
 * rejects the whole group, which wrote nothing.
 */
export class SqliteGroupCommit {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(
    private readonly db: Db,
    private readonly limits: GroupCommitLimits,
  ) {}

  /** Runs `work` (synchronous, as for `sqliteTransaction`) in the next group; resolves once that group committed. */
  run<T>(work: (prepared: Prepared) => T): Promise<T> {
    if (this.waiting.length >= this.limits.queue) {
      return Promise.reject(tryAgain(`Too busy to ${this.limits.what} now: ${this.limits.queue} requests are waiting already; nothing was done`));
    }
    return new Promise<T>((resolve, reject) => {
      // Bound to its caller's async context, so its log lines and the trace its outbox rows carry are its own request's, not the group's first.
      this.waiting.push({ work: AsyncResource.bind(work), deadline: requestDeadline(), resolve: resolve as (value: unknown) => void, reject });
      // Deferred to the end of the turn, so every request that arrived in it joins the group.
      if (!this.running && this.waiting.length === 1) setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting;
        this.waiting = [];
        let outcomes: Outcome[];
        try {
          outcomes = await this.db.sqliteTransaction((prepared) => group.map((request) => this.each(prepared, request)));
        } catch (error) {
          for (const request of group) request.reject(error);
          continue;
        }
        group.forEach((request, i) => {
          const outcome = outcomes[i];
          if (outcome.ok) request.resolve(outcome.value);
          else request.reject(outcome.error);
        });
      }
    } finally {
      this.running = false;
    }
  }

  private each(prepared: Prepared, { work, deadline }: Waiting): Outcome {
    if (deadline !== null && deadline <= Date.now()) {
      return { ok: false, error: tryAgain(`Too busy to ${this.limits.what} before the request's deadline; nothing was done`) };
    }
    prepared('savepoint grouped').run();
    try {
      const value = work(prepared);
      prepared('release grouped').run();
      return { ok: true, value };
    } catch (error) {
      // Undoes this request's statements only; an error here (the database itself failing) fails the whole group.
      prepared('rollback to grouped').run();
      prepared('release grouped').run();
      return { ok: false, error };
    }
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
