'use strict';
/**
 * `npm run bench:web`: what a first visit to the storefront (or the console)
 * downloads, gzipped as the gateway sends it. Builds web/dist when stale,
 * then follows each page's own tags (its entry script, the chunks it
 * preloads, its stylesheets) and sums their gzipped sizes. Exits 1 when the
 * storefront's JavaScript passes the budget (200 KB gzipped).
 */
const fs = require('node:fs');
const path = require('node:path');
const { gzipSync } = require('node:zlib');
const { buildWebIfStale } = require('../scripts/build-if-stale.cjs');

const dist = path.resolve(__dirname, '..', 'web', 'dist');
const BUDGET_BYTES = 200 * 1024;

/** The files a page loads before it can run: module scripts, preloaded chunks, stylesheets. */
function firstLoad(page) {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const urls = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*\bhref)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
  return [...new Set(urls)].map((url) => {
    const body = fs.readFileSync(path.join(dist, url));
    return { url, bytes: body.length, gzipped: gzipSync(body).length };
  });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (!buildWebIfStale({ quiet: true })) process.exit(1);
let over = false;
for (const [app, page] of [['storefront', 'index.html'], ['console', 'admin/index.html']]) {
  const files = firstLoad(page);
  const js = files.filter((file) => file.url.endsWith('.js'));
  const css = files.filter((file) => file.url.endsWith('.css'));
  const sum = (list, key) => list.reduce((total, file) => total + file[key], 0);
  console.log(`${app}: first load ${kb(sum(js, 'gzipped'))} JS gzipped (${kb(sum(js, 'bytes'))} raw), ${kb(sum(css, 'gzipped'))} CSS gzipped`);
  for (const file of files) console.log(`  ${file.url}  ${kb(file.bytes)} raw, ${kb(file.gzipped)} gzipped`);
  if (app === 'storefront' && sum(js, 'gzipped') > BUDGET_BYTES) over = true;
}
if (over) {
  console.error(`The storefront's first-load JavaScript is over its budget of ${kb(BUDGET_BYTES)} gzipped.`);
  process.exit(1);
}
