import { execFileSync, spawn } from 'node:child_process';
import { loadavg, cpus } from 'node:os';
import path from 'node:path';
import { wholeNumberOption } from './options';

/**
 * `node dist/bench/messaging.bench.js [--before DIR] [--rounds 3] [--events 3000]`:
 * the outbox relay and the audit consumer, per event, on two builds in the
 * same run (this one and `--before`, a dist of the code before), rounds
 * interleaved, each scenario in a fresh process (messaging.child.ts) on a
 * temp SQLite file. Prints CPU ms and SQL statements per event, medians.
 */
const SCENARIOS = ['relay-1', 'relay-100', 'audit-trickle', 'audit-burst'] as const;

interface Result {
  readonly scenario: string;
  readonly events: number;
  readonly cpuMsPerEvent: number;
  readonly statementsPerEvent: number;
  readonly transactionsPerEvent: number;
}

function runChild(root: string, scenario: string, events: number): Promise<Result> {
  const child = spawn(process.execPath, [path.join(__dirname, 'messaging.child.js'), root, scenario, String(events)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as Result) : reject(new Error(`${scenario} on ${root} exited with ${code}`)))),
  );
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--before');
  const before = at >= 0 ? path.resolve(argv[at + 1]) : '/work/before/dist';
  const after = path.resolve(__dirname, '..');
  const rounds = wholeNumberOption(argv, '--rounds', 3);
  const events = wholeNumberOption(argv, '--events', 3000);
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  process.stdout.write(`messaging bench: ${new Date().toISOString()}, ${cpus().length} x ${cpus()[0]?.model ?? '?'}, Node ${process.version}, commit ${commit}, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}\n`);
  process.stdout.write(`command: node dist/bench/messaging.bench.js --before ${before} --rounds ${rounds} --events ${events}\n\n`);
  const results = new Map<string, Result[]>();
  for (let round = 1; round <= rounds; round += 1) {
    for (const scenario of SCENARIOS) {
      for (const [build, root] of [['before', before], ['after', after]] as const) {
        const result = await runChild(root, scenario, events);
        const key = `${scenario}|${build}`;
        results.set(key, [...(results.get(key) ?? []), result]);
      }
    }
  }
  process.stdout.write('| scenario | build | CPU ms/event (rounds) | median | statements/event | transactions/event |\n| --- | --- | --- | ---: | ---: | ---: |\n');
  for (const scenario of SCENARIOS) {
    for (const build of ['before', 'after']) {
      const runs = results.get(`${scenario}|${build}`) ?? [];
      const cpu = runs.map((r) => r.cpuMsPerEvent);
      process.stdout.write(
        `| ${scenario} | ${build} | ${cpu.map((n) => n.toFixed(3)).join(', ')} | ${median(cpu).toFixed(3)} | ${median(runs.map((r) => r.statementsPerEvent)).toFixed(2)} | ${median(runs.map((r) => r.transactionsPerEvent)).toFixed(2)} |\n`,
      );
    }
  }
  process.stdout.write(`\nload average at the end: ${loadavg().map((n) => n.toFixed(1)).join(' ')}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
