import 'reflect-metadata';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, SERVICE_NAMES, type ServiceName } from '../platform/config';
import { signAccessToken } from '../platform/tokens';
import { post, median, runLoad, type BenchRequest, type LoadResult } from './gateways/load';
import { seedShop, type SeededShop } from './gateways/seed';

/**
 * The gateway's own cost, side by side in one run (issue 14): the same
 * subgraph processes, started once over a seeded shop, behind ours, stock
 * @apollo/gateway + @apollo/server, Hive Gateway, and Hive Gateway with the
 * Rust query planner. Answers are compared across gateways first; then
 * interleaved rounds of closed-loop load per scenario, with each gateway
 * process's CPU read from /proc/<pid>/stat. Results go to bench/results/.
 *
 *   npm run bench -- gateways [--rounds 3] [--seconds 8] [--connections 32]
 *                             [--gateways ours,apollo,hive,hive-router] [--scenarios listing,product,orders]
 *                             [--products 10000 --customers 1000 --orders 20000] [--cpu-prof-dir DIR]
 *                             [--baseline DIR]   (another built checkout's gateway, as `baseline`)
 */

/**
 * ours: as shipped (response cache on); ours-nocache: RESPONSE_CACHE=false, the gateway's own cost per executed request.
 * embedded / embedded-http (only when named in --gateways): the whole supergraph in one process (`node dist/main.js`,
 * response cache off) with in-process or loopback-HTTP subgraph calls, against the split layout (ours-nocache over
 * the subgraph processes); their CPU is the whole process's.
 */
const GATEWAYS = ['ours', 'ours-nocache', 'baseline', 'apollo', 'hive', 'hive-router', 'embedded', 'embedded-http'] as const;
const DEFAULT_GATEWAYS: readonly GatewayName[] = ['ours', 'ours-nocache', 'baseline', 'apollo', 'hive', 'hive-router'];
type GatewayName = (typeof GATEWAYS)[number];
const SCENARIOS = ['listing', 'product', 'orders'] as const;
type ScenarioName = (typeof SCENARIOS)[number];

const LISTING = `query Listing($first: Int, $sort: ProductSort, $filter: ProductFilter) {
  products(first: $first, sort: $sort, filter: $filter) {
    totalCount
    edges { cursor node { id name status price { amount currency } stock { available lowStock } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const PRODUCT = `query ProductPage($id: ID!) {
  product(id: $id) {
    id sku name description status
    price { amount currency }
    attributes { key value }
    media { url alt position }
    categories { id name }
    stock { available lowStock version }
    rating { count average }
  }
}`;
const ORDERS = `query OrderHistory($first: Int) {
  me {
    id name email
    orders(first: $first) {
      totalCount
      edges { node { id status createdAt total { amount currency } lines { quantity unitPrice { amount currency } product { id name price { amount currency } } } } }
    }
  }
}`;
const SORTS = ['NEWEST', 'NAME_ASC', 'PRICE_ASC', 'PRICE_DESC'];

interface Args {
  rounds: number;
  seconds: number;
  connections: number;
  gateways: GatewayName[];
  scenarios: ScenarioName[];
  products: number;
  customers: number;
  orders: number;
  /** Set: our gateway without its response cache runs under `node --cpu-prof` and writes its profile here when the run ends. */
  cpuProfDir: string | undefined;
  /** A built checkout of this project (its dist/main.js) whose gateway runs as `baseline`: before/after in one run. */
  baseline: string | undefined;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const list = <T extends string>(name: string, all: readonly T[], defaults: readonly T[] = all): T[] => {
    const given = value(name)?.split(',') ?? [...defaults];
    for (const item of given) if (!(all as readonly string[]).includes(item)) throw new Error(`--${name}: "${item}" is not one of ${all.join(', ')}`);
    return given as T[];
  };
  return {
    rounds: Number(value('rounds') ?? 3),
    seconds: Number(value('seconds') ?? 8),
    connections: Number(value('connections') ?? 32),
    gateways: list('gateways', GATEWAYS, DEFAULT_GATEWAYS).filter((g) => g !== 'baseline' || value('baseline') !== undefined),
    scenarios: list('scenarios', SCENARIOS),
    products: Number(value('products') ?? 10_000),
    customers: Number(value('customers') ?? 1_000),
    orders: Number(value('orders') ?? 20_000),
    cpuProfDir: value('cpu-prof-dir'),
    baseline: value('baseline'),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** User + system CPU of a process so far, in ms. */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

interface Proc {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
}

async function waitUntil(what: string, check: () => Promise<boolean>, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} not ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function start(name: string, args: string[], env: NodeJS.ProcessEnv, url: string): Proc {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  child.on('exit', (code) => {
    if (code) process.stderr.write(`${name} exited with ${code}: ${stderr}\n`);
  });
  child.stdout?.resume();
  return { name, child, url };
}

const probeAgent = new Agent({ keepAlive: false });

async function answers(url: string, req: BenchRequest): Promise<string> {
  const answer = await post(probeAgent, new URL(url), req);
  return `${answer.status} ${JSON.stringify(JSON.parse(answer.body))}`;
}

interface Row {
  gateway: GatewayName;
  scenario: ScenarioName;
  rounds: LoadResult[];
  cpuMsPerRequest: number[];
  subgraphCpuMsPerRequest: number[];
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'shop-bench-'));
  const ports = Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (name) => [name, await freePort()]))) as Record<ServiceName, number>;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(32).toString('hex'),
    INTERNAL_SECRET: randomBytes(32).toString('hex'),
    // One load client on loopback is one rate-limit client: the peers limit nothing, so neither may ours here.
    RATE_LIMIT: 'false',
    ...Object.fromEntries(SERVICE_NAMES.flatMap((name) => [
      [`${name.toUpperCase()}_PORT`, String(ports[name])],
      [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`],
    ])),
  };
  const config = loadConfig(env);
  const procs: Proc[] = [];
  const stopAll = () => procs.forEach((p) => p.child.kill('SIGKILL'));
  process.on('exit', stopAll);
  try {
    process.stdout.write(`seeding ${args.products} products, ${args.customers} customers, ${args.orders} orders in ${dataDir}\n`);
    const seedStarted = Date.now();
    const shop = await seedShop(config, { products: args.products, customers: args.customers, orders: args.orders });
    process.stdout.write(`seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s\n`);

    const entry = path.join(__dirname, '..', 'main.js');
    const subgraphs = SERVICE_NAMES.map((name) => start(name, [entry, name], env, `http://127.0.0.1:${ports[name]}`));
    procs.push(...subgraphs);
    await Promise.all(subgraphs.map((s) => waitUntil(s.name, async () => (await fetch(`${s.url}/ready`)).ok, s.child)));

    const gateways = new Map<GatewayName, Proc>();
    for (const name of args.gateways) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/graphql`;
      const proc = name === 'embedded' || name === 'embedded-http'
        ? start(name, [entry], await embeddedEnv(env, port, name === 'embedded' ? 'in-process' : 'http'), url)
        : name === 'baseline'
        ? start(name, [path.resolve(args.baseline!, 'dist', 'main.js'), 'gateway'], { ...env, PORT: String(port) }, url)
        : name === 'ours' || name === 'ours-nocache'
        ? start(name, [...(args.cpuProfDir && name === 'ours-nocache' ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(args.cpuProfDir)] : []), entry, 'gateway'], { ...env, PORT: String(port), RESPONSE_CACHE: name === 'ours' ? 'true' : 'false' }, url)
        : start(name, [path.join(__dirname, 'gateways', 'peer.gateway.js'), name === 'apollo' ? 'apollo' : name, String(port)], env, url);
      procs.push(proc);
      await waitUntil(name, async () => (await post(probeAgent, new URL(url), { body: '{"query":"{ __typename }"}', headers: {} })).status === 200, proc.child);
      gateways.set(name, proc);
    }

    const tokens = await Promise.all(shop.customerIds.map((userId) =>
      signAccessToken({ userId, roles: ['CUSTOMER'], sessionId: null, mfaAt: null }, { secret: config.auth.jwtSecret, ttlSeconds: 24 * 3_600 }),
    ));
    const scenarios = makeScenarios(shop, tokens);

    // The same answers from every gateway, or the comparison means nothing.
    const reference = args.gateways[0];
    for (const scenario of args.scenarios) {
      for (let n = 0; n < 25; n += 1) {
        const req = scenarios[scenario]();
        const expected = await answers(gateways.get(reference)!.url, req);
        if (!expected.startsWith('200 ') || expected.includes('"errors"')) throw new Error(`${reference} answered ${scenario} with an error: ${expected.slice(0, 400)}`);
        for (const name of args.gateways.slice(1)) {
          const got = await answers(gateways.get(name)!.url, req);
          if (got !== expected) throw new Error(`${name} answers ${scenario} differently from ${reference}:\n${reference}: ${expected.slice(0, 400)}\n${name}: ${got.slice(0, 400)}`);
        }
      }
    }
    process.stdout.write(`answers identical across ${args.gateways.join(', ')} (25 varied requests per scenario)\n`);

    const rows: Row[] = args.scenarios.flatMap((scenario) => args.gateways.map((gateway) => ({ gateway, scenario, rounds: [], cpuMsPerRequest: [], subgraphCpuMsPerRequest: [] })));
    const durationMs = args.seconds * 1000;
    for (const scenario of args.scenarios) {
      // Warm every gateway (JIT, query plan caches, connection pools) before anything is measured.
      for (const name of args.gateways) await runLoad(gateways.get(name)!.url, scenarios[scenario], { connections: args.connections, durationMs: 2_000 });
    }
    for (let round = 0; round < args.rounds; round += 1) {
      for (const scenario of args.scenarios) {
        // Rotated each round, so no gateway always runs first (after a quiet pause) or last.
        const order = args.gateways.map((_, k) => args.gateways[(k + round) % args.gateways.length]);
        for (const name of order) {
          const gateway = gateways.get(name)!;
          const pid = gateway.child.pid!;
          const [cpuBefore, subBefore] = [await cpuMs(pid), await sumCpu(subgraphs)];
          const result = await runLoad(gateway.url, scenarios[scenario], { connections: args.connections, durationMs });
          const [cpuAfter, subAfter] = [await cpuMs(pid), await sumCpu(subgraphs)];
          const row = rows.find((r) => r.gateway === name && r.scenario === scenario)!;
          row.rounds.push(result);
          row.cpuMsPerRequest.push((cpuAfter - cpuBefore) / Math.max(1, result.requests));
          row.subgraphCpuMsPerRequest.push((subAfter - subBefore) / Math.max(1, result.requests));
          process.stdout.write(`round ${round + 1} ${scenario.padEnd(8)} ${name.padEnd(12)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50Ms.toFixed(1)} ms  p99 ${result.p99Ms.toFixed(1)} ms  gateway ${row.cpuMsPerRequest.at(-1)!.toFixed(2)} ms CPU/req  errors ${result.errors}${result.sampleError ? ` (${result.sampleError.slice(0, 160)})` : ''}\n`);
        }
      }
    }
    await report(args, rows);
    if (args.cpuProfDir) {
      // A profile is written on a clean exit only.
      const ours = gateways.get('ours-nocache');
      if (ours) await new Promise((resolve) => { ours.child.once('exit', resolve); ours.child.kill('SIGTERM'); });
    }
  } finally {
    stopAll();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The one-process layout on ports of its own, over the same SQLite files. */
async function embeddedEnv(base: NodeJS.ProcessEnv, port: number, calls: 'in-process' | 'http'): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...base, PORT: String(port), RESPONSE_CACHE: 'false', EMBEDDED_SUBGRAPH_CALLS: calls };
  for (const name of SERVICE_NAMES) {
    const own = await freePort();
    env[`${name.toUpperCase()}_PORT`] = String(own);
    env[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${own}/graphql`;
  }
  return env;
}

async function sumCpu(procs: readonly Proc[]): Promise<number> {
  let total = 0;
  for (const p of procs) total += await cpuMs(p.child.pid!);
  return total;
}

function makeScenarios(shop: SeededShop, tokens: readonly string[]): Record<ScenarioName, () => BenchRequest> {
  let n = 0;
  const pick = <T>(items: readonly T[]) => items[(n = (n * 1_103_515_245 + 12_345) % 2_147_483_648) % items.length];
  const anonymous = {};
  const popular = shop.productIds.filter((_, k) => k % 50 === 1);
  return {
    // 10 categories x 4 sorts x 2 page sizes x (no filter or a price band): 160 distinct listings.
    listing: () => {
      const filter = { categoryId: pick(shop.categoryIds), ...(pick([true, false]) ? { minPrice: 1_000, maxPrice: 30_000 } : {}) };
      return { body: JSON.stringify({ query: LISTING, variables: { first: pick([10, 20]), sort: pick(SORTS), filter } }), headers: anonymous };
    },
    // Shoppers crowd the popular pages: 4 in 5 views go to 200 products, the rest anywhere in the catalogue.
    product: () => ({ body: JSON.stringify({ query: PRODUCT, variables: { id: pick([true, true, true, true, false]) ? pick(popular) : pick(shop.productIds) } }), headers: anonymous }),
    orders: () => ({ body: JSON.stringify({ query: ORDERS, variables: { first: 10 } }), headers: { authorization: `Bearer ${pick(tokens)}` } }),
  };
}

async function report(args: Args, rows: Row[]): Promise<void> {
  const date = new Date().toISOString();
  const cpus = os.cpus();
  const machine = `${cpus.length} x ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average at end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;
  const command = `node ${path.relative(process.cwd(), process.argv[1])} ${process.argv.slice(2).join(' ')}`.trim();
  const summary = rows.map((row) => ({
    gateway: row.gateway,
    scenario: row.scenario,
    rps: median(row.rounds.map((r) => r.rps)),
    p50Ms: median(row.rounds.map((r) => r.p50Ms)),
    p99Ms: median(row.rounds.map((r) => r.p99Ms)),
    gatewayCpuMsPerRequest: median(row.cpuMsPerRequest),
    subgraphCpuMsPerRequest: median(row.subgraphCpuMsPerRequest),
    requests: row.rounds.reduce((sum, r) => sum + r.requests, 0),
    errors: row.rounds.reduce((sum, r) => sum + r.errors, 0),
  }));
  const baseline = (scenario: ScenarioName) => summary.find((s) => s.gateway === 'apollo' && s.scenario === scenario);
  const lines = [
    `# Gateways side by side`,
    '',
    `- date: ${date}`,
    `- machine: ${machine}`,
    `- command: \`${command}\``,
    `- ${args.rounds} interleaved rounds of ${args.seconds} s per gateway and scenario, ${args.connections} connections; medians over rounds`,
    `- seed: ${args.products} products, ${args.customers} customers, ${args.orders} orders`,
    '',
    '| scenario | gateway | req/s | p50 ms | p99 ms | gateway CPU ms/req | vs apollo CPU | vs apollo req/s | subgraphs CPU ms/req | errors / requests |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...summary.map((s) => {
      const base = baseline(s.scenario);
      const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}x` : '');
      return `| ${s.scenario} | ${s.gateway} | ${s.rps.toFixed(0)} | ${s.p50Ms.toFixed(1)} | ${s.p99Ms.toFixed(1)} | ${s.gatewayCpuMsPerRequest.toFixed(2)} | ${ratio(s.gatewayCpuMsPerRequest, base?.gatewayCpuMsPerRequest)} | ${ratio(s.rps, base?.rps)} | ${s.subgraphCpuMsPerRequest.toFixed(2)} | ${s.errors} / ${s.requests} |`;
    }),
    '',
  ];
  const dir = path.join(__dirname, '..', '..', 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const stem = `gateways-${date.slice(0, 19).replace(/[:T]/g, '-')}`;
  await writeFile(path.join(dir, `${stem}.json`), `${JSON.stringify({ date, machine, command, args, summary, rows }, null, 2)}\n`);
  await writeFile(path.join(dir, `${stem}.md`), lines.join('\n'));
  process.stdout.write(`\n${lines.join('\n')}\nwritten to bench/results/${stem}.{json,md}\n`);
  // A row with errors measured refusals, not work: its figures compare nothing, so the run fails loudly.
  const failing = summary.filter((s) => s.errors > 0);
  if (failing.length > 0) {
    process.stderr.write(`errors in ${failing.map((s) => `${s.gateway}/${s.scenario} (${s.errors} of ${s.requests})`).join(', ')}: those figures are not comparable\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
