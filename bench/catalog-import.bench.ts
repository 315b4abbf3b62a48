import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../platform/config';
import { createLogger } from '../platform/log';
import { signAccessToken } from '../platform/tokens';
import { startStack } from '../stack';

/**
 * The catalog import's memory whatever the file's size: peak resident memory
 * of `node dist/scripts/catalog.js import <file> --dry-run` (the whole file
 * read, checked and sent through the gateway in batches of 500, nothing
 * written) for 10,000 and 100,000 rows, against the same file read whole and
 * parsed into rows without sending anything. Rounds are interleaved; medians.
 *
 *   npm run bench:catalog-import                 # 3 rounds
 *   npm run bench:catalog-import -- 5            # other round counts
 */

const rounds = Number(process.argv[2] ?? 3);
const sizes = [10_000, 100_000];

function feed(rows: number): string {
  const lines = ['sku,name,description,priceAmount,currency,status,categoryIds'];
  for (let i = 0; i < rows; i += 1) lines.push(`BENCH-${i},"Bench item ${i}, classic",A product for the import benchmark,${100 + i},eur,ACTIVE,`);
  return `${lines.join('\n')}\n`;
}

/** Peak RSS (MB) and wall time (s) of `node --require max-rss <args>`. */
function measure(args: string[], env: Record<string, string>): Promise<{ mb: number; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--require', path.join(__dirname, 'max-rss.preload.js'), ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        const match = /max-rss-kib (\d+)/.exec(stderr);
        // The import exits 1 when rows are refused; none are here, so any error is real.
        if (error || !match) return reject(new Error(`${args.join(' ')} failed: ${stderr}`));
        resolve({ mb: Number(match[1]) / 1024, seconds: (performance.now() - started) / 1000 });
      },
    );
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-import-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: 'true', LOG_LEVEL: 'error' });
  const stack = await startStack({ config, log: createLogger('bench', 'error', () => undefined), anyFreePort: true });
  try {
    const token = await signAccessToken(
      { userId: 'bench-agent', roles: ['CUSTOMER', 'AGENT'], sessionId: null, mfaAt: Date.now() },
      { secret: config.auth.jwtSecret, ttlSeconds: 3_600 },
    );
    const env = { SHOP_GATEWAY_URL: stack.gateway.url, SHOP_TOKEN: token };
    const files = new Map<number, string>();
    for (const size of sizes) {
      const file = path.join(dataDir, `feed-${size}.csv`);
      await writeFile(file, feed(size));
      files.set(size, file);
    }
    const results = new Map<string, Array<{ mb: number; seconds: number }>>();
    const record = (key: string, value: { mb: number; seconds: number }) => results.set(key, [...(results.get(key) ?? []), value]);
    for (let round = 1; round <= rounds; round += 1) {
      for (const size of sizes) {
        const file = files.get(size) as string;
        record(`stream ${size}`, await measure([path.join(__dirname, '..', 'scripts', 'catalog.js'), 'import', file, '--dry-run', '--report', `${file}.errors.csv`], env));
        record(`whole ${size}`, await measure([path.join(__dirname, 'catalog-whole-file.child.js'), file], {}));
      }
      process.stderr.write(`round ${round}/${rounds} done\n`);
    }
    process.stdout.write('| rows | streaming import (dry run, through the gateway) | whole file parsed, nothing sent | ratio |\n| ---: | ---: | ---: | ---: |\n');
    for (const size of sizes) {
      const stream = results.get(`stream ${size}`) ?? [];
      const whole = results.get(`whole ${size}`) ?? [];
      const s = median(stream.map((r) => r.mb));
      const w = median(whole.map((r) => r.mb));
      process.stdout.write(`| ${size.toLocaleString('en')} | ${s.toFixed(0)} MB peak RSS, ${median(stream.map((r) => r.seconds)).toFixed(1)} s | ${w.toFixed(0)} MB peak RSS | ${(s / w).toFixed(2)} |\n`);
    }
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
