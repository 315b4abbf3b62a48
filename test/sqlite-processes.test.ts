import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../platform/project';

/**
 * Separately started processes (a service and `npm run dead-letters`, or two
 * services sharing DATA_DIR) write the same SQLite file. Each process here
 * opens the database through platform/orm.ts and writes through Db.write, as
 * a service does, committing many short transactions while the other does
 * the same: none may fail with "database is locked" (SQLITE_BUSY: the busy
 * timeout waits for a lock; a transaction whose snapshot another commit made
 * stale is retried by Db.write), and every row must be there.
 */
const root = projectRoot();
const run = promisify(execFile);
const ROWS_PER_PROCESS = 300;

const writer = `
const { openOrm } = require(${JSON.stringify(path.join(root, 'dist', 'platform', 'orm.js'))});
const { Db } = require(${JSON.stringify(path.join(root, 'dist', 'platform', 'db.js'))});
(async () => {
  const [dataDir, name, rows] = process.argv.slice(1);
  const orm = await openOrm({ service: 'catalog', entities: [], config: { dataDir, mongo: null, logLevel: 'error' } });
  const db = new Db(orm);
  await db.write((em) => em.getConnection().execute('create table if not exists contended (writer text, n integer)', [], 'run', em.getTransactionContext()));
  for (let n = 0; n < Number(rows); n++) {
    await db.write(async (em) => {
      await em.getConnection().execute('insert into contended (writer, n) values (?, ?)', [name, n], 'run', em.getTransactionContext());
    });
  }
  await orm.close();
})().catch((error) => { process.stderr.write(String(error && error.message)); process.exit(1); });
`;

describe('SQLite shared by separately started processes', () => {
  let dataDir: string;
  beforeAll(async () => {
    await run(process.execPath, [path.join(root, 'scripts', 'build-if-stale.cjs'), '--quiet'], { cwd: root });
    dataDir = await mkdtemp(path.join(tmpdir(), 'shop-sqlite-'));
  }, 180_000);
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('lets two processes write the same file at once without "database is locked"', async () => {
    const outcomes = await Promise.allSettled(
      ['a', 'b'].map((name) => run(process.execPath, ['-e', writer, dataDir, name, String(ROWS_PER_PROCESS)], { cwd: root })),
    );
    expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? String((outcome.reason as { stderr?: string }).stderr) : 'ok'))).toEqual(['ok', 'ok']);
    const { stdout } = await run(process.execPath, ['-e', `
const { openOrm } = require(${JSON.stringify(path.join(root, 'dist', 'platform', 'orm.js'))});
(async () => {
  const orm = await openOrm({ service: 'catalog', entities: [], config: { dataDir: process.argv[1], mongo: null, logLevel: 'error' } });
  process.stdout.write(JSON.stringify(await orm.em.getConnection().execute('select writer, count(*) as rows from contended group by writer order by writer')));
  await orm.close();
})();
`, dataDir], { cwd: root });
    expect(JSON.parse(stdout)).toEqual([{ writer: 'a', rows: ROWS_PER_PROCESS }, { writer: 'b', rows: ROWS_PER_PROCESS }]);
  }, 60_000);
});
