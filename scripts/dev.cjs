'use strict';
/**
 * `npm run dev`: tsc in watch mode, and the supergraph (or the service named
 * on the command line) restarted after every successful compile. A compile
 * with errors leaves the running process alone, so a half-typed edit never
 * takes the local stack down. Beside it, Vite rebuilds the web apps
 * (web/dist) on every save; the gateway serves each new build on the next
 * page load (pages are never cached).
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const main = path.join(root, 'dist', 'main.js');
const args = process.argv.slice(2);
const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });

let child = null;
let stopping = false;

/** Stops the running process (SIGTERM: its graceful shutdown) and resolves once it has exited. */
function stopChild() {
  const running = child;
  child = null;
  if (!running || running.exitCode !== null || running.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    running.once('exit', resolve);
    running.kill('SIGTERM');
  });
}

let restarting = Promise.resolve();
function restart() {
  restarting = restarting.then(async () => {
    await stopChild();
    if (stopping) return;
    child = spawn(process.execPath, ['--enable-source-maps', main, ...args], { cwd: root, stdio: 'inherit' });
  });
}

const watcher = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [root] })), 'bin', 'vite.js');
const web = spawn(process.execPath, [vite, 'build', '--watch', '--config', path.join(root, 'web', 'vite.config.mts'), '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  // React's development build: its warnings name the component at fault.
  env: { ...process.env, NODE_ENV: 'development' },
});

let pending = '';
watcher.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  pending += chunk.toString();
  const lines = pending.split('\n');
  pending = lines.pop();
  // tsc --watch ends every compile with "Found N errors. Watching for file changes."
  if (lines.some((line) => /Found 0 errors\. Watching for file changes\./.test(line))) restart();
});
watcher.on('exit', (code) => {
  stopping = true;
  web.kill('SIGTERM');
  void stopChild().then(() => process.exit(code ?? 1));
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    web.kill('SIGTERM');
    watcher.kill('SIGTERM');
  });
}
