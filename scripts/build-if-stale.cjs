'use strict';
/**
 * Builds dist/ with tsc only when a source is newer than the last build, so
 * `npm start` on an unchanged tree skips the compiler (about 8 s here) and
 * is healthy in under 4 s. Plain CommonJS: it runs before anything is compiled.
 *
 * "Newer" is a walk of the build's inputs comparing modification times with
 * dist/.built, stamped with the time the last successful build *began* (a
 * file saved during a build is newer and is compiled next time). Directories
 * count too, so a deleted or renamed file triggers a build.
 *
 * The web apps (web/, built by Vite into web/dist) are checked the same way
 * against web/dist/.built: the gateway serves what was built last.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.built');
const buildConfig = 'tsconfig.build.json';

/** What tsconfig.build.json compiles, plus the compiler settings themselves. */
function inputs() {
  const config = JSON.parse(fs.readFileSync(path.join(root, buildConfig), 'utf8'));
  return [...config.include, buildConfig, 'tsconfig.json', 'package-lock.json'].map((entry) => path.join(root, entry));
}

/** True as soon as one file or directory under `entry` was modified after `since` (ms); build outputs are not inputs. */
function changedSince(entry, since, skip = new Set(['node_modules'])) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return false;
  }
  if (stat.mtimeMs > since) return true;
  if (!stat.isDirectory()) return false;
  return fs.readdirSync(entry).some((name) => !skip.has(name) && changedSince(path.join(entry, name), since, skip));
}

function isStale() {
  let built;
  try {
    built = fs.statSync(stamp).mtimeMs;
  } catch {
    return true;
  }
  return inputs().some((entry) => changedSince(entry, built));
}

/** Builds when stale; returns false (after tsc printed why) when the build fails. */
function buildIfStale({ quiet = false } = {}) {
  if (!isStale()) return true;
  const began = new Date();
  if (!quiet) process.stderr.write('Sources changed since the last build: compiling (tsc)...\n');
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const result = spawnSync(process.execPath, [tsc, '-p', buildConfig], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) return false;
  fs.writeFileSync(stamp, '');
  fs.utimesSync(stamp, began, began);
  return true;
}

const webDir = path.join(root, 'web');
const webStamp = path.join(webDir, 'dist', '.built');

function webIsStale() {
  let built;
  try {
    built = fs.statSync(webStamp).mtimeMs;
  } catch {
    return true;
  }
  const skip = new Set(['node_modules', 'dist']);
  // The apps bundle the client package's generated documents too.
  return [webDir, path.join(root, 'client', '__generated__'), path.join(root, 'package-lock.json')].some((entry) => changedSince(entry, built, skip));
}

/** Builds the storefront and the console when stale; false (after Vite printed why) when the build fails. */
function buildWebIfStale({ quiet = false } = {}) {
  if (!webIsStale()) return true;
  const began = new Date();
  if (!quiet) process.stderr.write('Web apps changed since the last build: building (vite)...\n');
  const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [root] })), 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(webDir, 'vite.config.mts'), '--logLevel', quiet ? 'error' : 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // A production bundle whoever builds it: under jest NODE_ENV is "test", and Vite would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) return false;
  fs.writeFileSync(webStamp, '');
  fs.utimesSync(webStamp, began, began);
  return true;
}

module.exports = { buildIfStale, isStale, buildWebIfStale, webIsStale };

if (require.main === module) {
  const quiet = process.argv.includes('--quiet');
  process.exit(buildIfStale({ quiet }) && buildWebIfStale({ quiet }) ? 0 : 1);
}
