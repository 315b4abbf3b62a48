'use strict';
/**
 * Time from `node <build>/main.js` to a ready supergraph (`/ready` answers
 * 200), for two or more builds, interleaved round by round:
 *
 *   node bench/startup.cjs /work/before/dist/main.js dist/main.js [--rounds 5] [--port 4700]
 *
 * Two cases per build: the first start on an empty DATA_DIR (schema created,
 * demo shop seeded) and a restart on the data that start left (what `npm
 * start` on a used tree does). Reports the wall time and the process's CPU
 * time at that moment (utime + stime from /proc/<pid>/stat), median per case.
 * Plain CommonJS: it runs any build as it is, without compiling.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SERVICES = ['users', 'catalog', 'inventory', 'orders', 'payments', 'notifications', 'reviews', 'recommendations', 'shipping', 'pricing'];
const TICKS_PER_SECOND = 100;

function option(flag, fallback) {
  const at = process.argv.indexOf(flag);
  if (at < 0) return fallback;
  const n = Number(process.argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a positive whole number`);
  return n;
}

const rounds = option('--rounds', 5);
const basePort = option('--port', 4700);
const builds = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && !(all[i - 1] ?? '').startsWith('--'));
if (builds.length < 1) throw new Error('usage: node bench/startup.cjs <build>/main.js [<build>/main.js ...] [--rounds n] [--port n]');

function environment(dataDir) {
  const env = { ...process.env, NODE_ENV: 'development', PORT: String(basePort), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  SERVICES.forEach((name, i) => {
    env[`${name.toUpperCase()}_PORT`] = String(basePort + 1 + i);
  });
  return env;
}

function cpuMs(pid) {
  // Fields 14 and 15 (utime, stime) after the command name, which is in parentheses and may hold spaces.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

async function ready() {
  try {
    return (await fetch(`http://127.0.0.1:${basePort}/ready`)).status === 200;
  } catch {
    return false;
  }
}

async function startOnce(main, dataDir) {
  const began = process.hrtime.bigint();
  // From the build's own project folder: MikroORM checks its packages' versions against the package.json there.
  const cwd = path.dirname(path.dirname(main));
  const child = spawn(process.execPath, [main], { cwd, env: environment(dataDir), stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${main} exited with ${child.exitCode} before it was ready`);
      if (await ready()) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { wallMs: Number(process.hrtime.bigint() - began) / 1e6, cpuMs: cpuMs(child.pid) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  const results = builds.map(() => ({ first: [], restart: [] }));
  console.log(`${os.cpus().length} cpus, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${rounds} rounds`);
  for (let round = 1; round <= rounds; round += 1) {
    for (const [i, main] of builds.entries()) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-startup-'));
      try {
        const first = await startOnce(path.resolve(main), dataDir);
        const restart = await startOnce(path.resolve(main), dataDir);
        results[i].first.push(first);
        results[i].restart.push(restart);
        console.log(`round ${round} ${main}: first ${first.wallMs.toFixed(0)} ms (cpu ${first.cpuMs} ms), restart ${restart.wallMs.toFixed(0)} ms (cpu ${restart.cpuMs} ms)`);
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('| build | first start, wall ms | first start, cpu ms | restart, wall ms | restart, cpu ms |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [i, main] of builds.entries()) {
    const { first, restart } = results[i];
    const cells = [first.map((r) => r.wallMs), first.map((r) => r.cpuMs), restart.map((r) => r.wallMs), restart.map((r) => r.cpuMs)].map((v) => median(v).toFixed(0));
    console.log(`| ${main} | ${cells.join(' | ')} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
