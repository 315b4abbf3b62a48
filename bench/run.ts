import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * `npm run bench [-- <suite> [suite options]]`: every benchmark behind one
 * entry point, each in a process of its own (never part of `npm test`).
 * Without a suite name all run in turn with their defaults. A new benchmark
 * (checkout, flash sale, ...) adds one line to SUITES.
 */
const SUITES: Record<string, { readonly file: string; readonly nodeArgs?: readonly string[]; readonly args?: readonly string[] }> = {
  gateways: { file: 'gateways.bench.js' },
  subscriptions: { file: 'subscriptions.bench.js', nodeArgs: ['--expose-gc'] },
  reservations: { file: 'reservations.bench.js' },
  checkout: { file: 'checkout.bench.js', args: ['checkout'] },
  flash: { file: 'checkout.bench.js', args: ['flash'] },
  recommendations: { file: 'recommendations-rebuild.bench.js', nodeArgs: ['--expose-gc'] },
  'catalog-import': { file: 'catalog-import.bench.js' },
};

function runSuite(name: string, args: readonly string[]): Promise<number> {
  const suite = SUITES[name];
  process.stdout.write(`\n== bench: ${name}\n`);
  const child = spawn(process.execPath, [...(suite.nodeArgs ?? []), path.join(__dirname, suite.file), ...(suite.args ?? []), ...args], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

async function main(): Promise<void> {
  const [first, ...rest] = process.argv.slice(2);
  if (first !== undefined && !(first in SUITES)) {
    process.stderr.write(`Unknown benchmark "${first}"; use one of: ${Object.keys(SUITES).join(', ')}\n`);
    process.exit(2);
  }
  const plan: Array<[string, readonly string[]]> = first ? [[first, rest]] : Object.keys(SUITES).map((name) => [name, []]);
  let failed = 0;
  for (const [name, args] of plan) if ((await runSuite(name, args)) !== 0) failed += 1;
  process.exit(failed ? 1 : 0);
}

void main();
