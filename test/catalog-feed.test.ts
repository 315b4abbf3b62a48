import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AuditEntryEntity } from '../subgraphs/catalog/audit.entity';
import { ProductEntity } from '../subgraphs/catalog/product.entity';
import { projectRoot } from '../platform/project';
import { startTestStack, type TestStack } from './support/stack';

/** The command line as staff run it (`npm run catalog -- ...` is `node dist/scripts/catalog.js ...`), against the real gateway. */
const root = projectRoot();
const script = path.join(root, 'dist', 'scripts', 'catalog.js');

function run(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, cwd: root, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A report file's rows as [row, sku, field, code, reason]. */
async function reportRows(file: string): Promise<string[][]> {
  const lines = (await readFile(file, 'utf8')).trim().split('\n');
  expect(lines[0]).toBe('row,sku,field,code,reason');
  return lines.slice(1).map((line) => line.split(','));
}

/** `count` rows; every rows/37th (37 in all for 10,000) is bad in one of several ways, each named by the field it breaks. */
function feed(prefix: string, count: number, badEvery: number): { csv: string; bad: Map<number, string> } {
  const lines = ['sku,name,description,priceAmount,currency,status,categoryIds'];
  const bad = new Map<number, string>();
  const kinds: Array<(sku: string) => [string[], string]> = [
    (sku) => [[sku, 'Item', '', '-5', 'EUR', '', ''], 'priceAmount'],
    (sku) => [[sku, 'Item', '', '100', 'EURO', '', ''], 'currency'],
    (sku) => [[`${sku} bad`, 'Item', '', '100', 'EUR', '', ''], 'sku'],
    (sku) => [[sku, 'Item', '', 'ten', 'EUR', '', ''], 'priceAmount'],
    (sku) => [[sku, '', '', '', '', '', ''], 'name'],
    (sku) => [[sku, 'Item', '', '100', 'EUR', 'GONE', ''], 'status'],
  ];
  for (let i = 0; i < count; i += 1) {
    const sku = `${prefix}-${i}`;
    const row = i + 2;
    if (i % badEvery === badEvery - 1 && bad.size < 37) {
      const [cells, field] = kinds[bad.size % kinds.length](sku);
      lines.push(cells.join(','));
      bad.set(row, field);
    } else {
      // Quoted cells with commas and doubled quotes, lower-case currencies, as supplier feeds send them.
      lines.push([sku, `"Item ${i}, ""classic"""`, i % 3 === 0 ? 'Hand made' : '', String(100 + i), i % 2 ? 'eur' : 'EUR', '', ''].join(','));
    }
  }
  return { csv: `${lines.join('\n')}\n`, bad };
}

describe('the catalog command line', () => {
  let t: TestStack;
  let dir: string;
  let env: Record<string, string>;
  const agentId = 'demo-user-agent';
  const db = () => t.stack.subgraphs.catalog.orm.em.fork();
  const products = (prefix: string) => db().count(ProductEntity, { sku: { $like: `${prefix}-%` } });

  beforeAll(async () => {
    await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root });
    t = await startTestStack();
    dir = await mkdtemp(path.join(tmpdir(), 'catalog-feed-'));
    env = { SHOP_GATEWAY_URL: t.url, SHOP_TOKEN: await t.token(agentId, 'CUSTOMER', 'AGENT') };
  }, 180_000);
  afterAll(async () => {
    await t?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports 10,000 rows: the good ones land, the 37 bad are reported by row, field and reason, and a second run changes nothing', async () => {
    const prefix = `FEED${randomUUID().slice(0, 6)}`;
    const { csv, bad } = feed(prefix, 10_000, 270);
    const file = path.join(dir, 'products.csv');
    await writeFile(file, csv);
    const auditsBefore = await db().count(AuditEntryEntity, {});

    const first = await run(['import', file], env);
    expect(first.stdout).toContain(`10000 rows read: 9963 created, 0 updated, 0 unchanged, 37 refused`);
    expect(first.stdout).toContain(`${file}.errors.csv`);
    expect(first.stderr).toMatch(/importing \[#+\] 100% 10000 rows, 37 refused/);
    expect(first.code).toBe(1);
    expect(await products(prefix)).toBe(9963);

    const rows = await reportRows(`${file}.errors.csv`);
    const reported = new Map<number, string[]>();
    for (const [row, , field] of rows) reported.set(Number(row), [...(reported.get(Number(row)) ?? []), field]);
    expect([...reported.keys()].sort((a, b) => a - b)).toEqual([...bad.keys()]);
    for (const [row, field] of bad) expect(reported.get(row)).toContain(field);
    expect(rows.every(([, , , code, reason]) => code === 'BAD_USER_INPUT' && reason.length > 0)).toBe(true);

    const sample = await db().findOneOrFail(ProductEntity, { sku: `${prefix}-1` });
    expect([sample.name, sample.priceAmount, sample.currency]).toEqual(['Item 1, "classic"', 101, 'EUR']);
    // Audited as the agent whose token ran it, one entry per product created.
    const audits = await db().find(AuditEntryEntity, { entityId: sample.id });
    expect(audits.map((a) => [a.actorId, a.action])).toEqual([[agentId, 'product.created']]);
    expect((await db().count(AuditEntryEntity, {})) - auditsBefore).toBe(9963);

    const auditsAfterFirst = await db().count(AuditEntryEntity, {});
    const second = await run(['import', file], env);
    expect(second.stdout).toContain('10000 rows read: 0 created, 0 updated, 9963 unchanged, 37 refused');
    expect(await db().count(AuditEntryEntity, {})).toBe(auditsAfterFirst);
    expect(await products(prefix)).toBe(9963);
  }, 300_000);

  it('with --all-or-nothing writes nothing while any row is bad, and everything once none is', async () => {
    const prefix = `AON${randomUUID().slice(0, 6)}`;
    const { csv } = feed(prefix, 1_200, 400);
    const file = path.join(dir, 'aon.csv');
    await writeFile(file, csv);
    const refused = await run(['import', file, '--all-or-nothing', '--report', path.join(dir, 'aon-report.csv')], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('3 refused');
    expect(refused.stdout).toContain('nothing written (--all-or-nothing)');
    expect(await reportRows(path.join(dir, 'aon-report.csv'))).toHaveLength(3);
    expect(await products(prefix)).toBe(0);

    await writeFile(file, feed(prefix, 1_200, Infinity).csv);
    const accepted = await run(['import', file, '--all-or-nothing'], env);
    expect(accepted.stdout).toContain('1200 rows read: 1200 created');
    expect(accepted.code).toBe(0);
    expect(await products(prefix)).toBe(1200);
  }, 120_000);

  it('on --dry-run reports what would happen and writes nothing; reads JSON arrays and JSON Lines', async () => {
    const prefix = `DRY${randomUUID().slice(0, 6)}`;
    const json = path.join(dir, 'dry.json');
    await writeFile(
      json,
      JSON.stringify([
        { sku: `${prefix}-1`, name: 'A [bracket], "quoted"', priceAmount: 100, currency: 'usd' },
        { sku: `${prefix}-2`, name: 'B', priceAmount: 100, currency: 'EUR', colour: 'red' },
        42,
      ]),
    );
    const dry = await run(['import', json, '--dry-run'], env);
    expect(dry.stdout).toContain('3 rows read: 1 would be created, 0 would be updated, 0 unchanged, 2 refused');
    expect((await reportRows(`${json}.errors.csv`)).map(([row, , field]) => [row, field])).toEqual([
      ['2', 'colour'],
      ['3', 'row'],
    ]);
    expect(await products(prefix)).toBe(0);

    const lines = path.join(dir, 'feed.jsonl');
    await writeFile(lines, `{"sku":"${prefix}-1","name":"A","priceAmount":100,"currency":"usd"}\n\n{"sku":"${prefix}-1","priceAmount":120}\n`);
    const imported = await run(['import', lines], env);
    expect(imported.stdout).toContain('2 rows read: 0 created, 0 updated, 0 unchanged, 2 refused');
    expect((await reportRows(`${lines}.errors.csv`))[0][4]).toMatch(/appears 2 times/);
  }, 60_000);

  it('refuses to run without a token, with a customer token, or for a file it cannot read, writing nothing', async () => {
    const file = path.join(dir, 'one.csv');
    await writeFile(file, `sku,name,priceAmount,currency\nNOAUTH-${randomUUID().slice(0, 6)},X,1,EUR\n`);
    const none = await run(['import', file], { SHOP_GATEWAY_URL: t.url });
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('No token: set SHOP_TOKEN')]);
    const customer = await run(['import', file], { ...env, SHOP_TOKEN: await t.token('demo-user-customer') });
    expect([customer.code, customer.stderr]).toEqual([1, expect.stringContaining('FORBIDDEN')]);
    const wrongType = await run(['import', path.join(dir, 'feed.xml')], env);
    expect([wrongType.code, wrongType.stderr]).toEqual([1, expect.stringContaining('use a .csv, .json, .jsonl or .ndjson file')]);
    const badUrl = await run(['import', file], { ...env, SHOP_GATEWAY_URL: 'not a url' });
    expect([badUrl.code, badUrl.stderr]).toEqual([2, expect.stringContaining('SHOP_GATEWAY_URL')]);
    expect(await db().count(ProductEntity, { sku: { $like: 'NOAUTH-%' } })).toBe(0);
  }, 60_000);

  it('exports every product as a feed the import takes back unchanged', async () => {
    const out = path.join(dir, 'export.csv');
    const exported = await run(['export', out], env);
    expect(exported.code).toBe(0);
    const total = await db().count(ProductEntity, {});
    expect(exported.stderr).toContain(`${total} products written`);
    const again = await run(['import', out], env);
    expect(again.stdout).toContain(`${total} rows read: 0 created, 0 updated, ${total} unchanged, 0 refused`);
    expect(again.code).toBe(0);

    const jsonl = await run(['export'], env);
    expect(jsonl.stdout.split('\n')[0]).toBe('sku,name,description,priceAmount,currency,status,categoryIds');
  }, 120_000);
});
