import Libsql from 'libsql';

type Method = (this: object, ...args: unknown[]) => unknown;

/**
 * Counts the statements the SQLite driver runs (each run, all or get of a
 * prepared statement, whoever prepared it: the ORM's or the relay's own),
 * besides transaction control, and the transactions begun.
 */
export function countStatements(): { count(): number; transactions(): number; restore(): void } {
  const connection = Libsql.prototype as unknown as Record<'prepare', Method>;
  const probe = new Libsql(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<'run' | 'all' | 'get', Method>;
  probe.close();
  const sqlOf = new WeakMap<object, string>();
  let count = 0;
  let transactions = 0;
  const prepare = connection.prepare;
  connection.prepare = function (...args) {
    const prepared = prepare.apply(this, args) as object;
    sqlOf.set(prepared, String(args[0]));
    return prepared;
  };
  const originals = { run: statement.run, all: statement.all, get: statement.get };
  for (const method of ['run', 'all', 'get'] as const) {
    statement[method] = function (...args) {
      const sql = sqlOf.get(this) ?? '';
      if (/^\s*begin/i.test(sql)) transactions += 1;
      else if (!/^\s*(commit|rollback|savepoint|release)/i.test(sql)) count += 1;
      return originals[method].apply(this, args);
    };
  }
  return {
    count: () => count,
    transactions: () => transactions,
    restore: () => {
      connection.prepare = prepare;
      Object.assign(statement, originals);
    },
  };
}
