import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { ConfigError, loadCatalogCliConfig } from '../platform/config';
import { exportCatalog, FeedError, formatOf, importCatalog, MAX_BATCH } from './catalog.feed';

/**
 * The catalog feed on the command line (see README "For staff and agents"):
 *
 *   npm run catalog -- import products.csv [--dry-run] [--all-or-nothing] [--report errors.csv]
 *   npm run catalog -- export [products.csv|.json|.jsonl]      (stdout as CSV without a file)
 *
 * It calls the gateway (SHOP_GATEWAY_URL, default http://127.0.0.1:$PORT/graphql)
 * with the staff token in SHOP_TOKEN or --token, so every change is audited as
 * that person. Exit codes: 0 every row good, 1 rows refused (reported) or the
 * run refused, 2 wrong usage or configuration.
 */

const USAGE = `usage:
  catalog import <file.csv|.json|.jsonl> [--dry-run] [--all-or-nothing] [--report <errors.csv>] [--batch-size <1-${MAX_BATCH}>] [--token <token>] [--url <gateway>]
  catalog export [<file.csv|.json|.jsonl>] [--token <token>] [--url <gateway>]`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'all-or-nothing': { type: 'boolean', default: false },
      report: { type: 'string' },
      'batch-size': { type: 'string' },
      token: { type: 'string' },
      url: { type: 'string' },
    },
  });
  const [command, file] = positionals;
  const config = loadCatalogCliConfig();
  const token = values.token ?? config.token;
  const url = values.url ?? config.gatewayUrl;
  if (!token) {
    process.stderr.write('No token: set SHOP_TOKEN (or pass --token) to an AGENT or ADMIN access token; the changes are audited as its owner.\n');
    return 2;
  }
  if (command === 'import' && file) {
    const batchSize = values['batch-size'] === undefined ? MAX_BATCH : Number(values['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH) {
      process.stderr.write(`--batch-size must be a whole number from 1 to ${MAX_BATCH}\n`);
      return 2;
    }
    formatOf(file);
    const reportPath = values.report ?? `${file}.errors.csv`;
    const tty = process.stderr.isTTY === true;
    const summary = await importCatalog({
      file,
      url,
      token,
      dryRun: values['dry-run'] ?? false,
      allOrNothing: values['all-or-nothing'] ?? false,
      reportPath,
      batchSize,
      onProgress: ({ rows, refused, fraction, pass }) => {
        const width = 30;
        const done = Math.round(Math.min(1, fraction) * width);
        const line = `${pass === 'check' ? 'checking' : 'importing'} [${'#'.repeat(done)}${' '.repeat(width - done)}] ${Math.round(fraction * 100)}% ${rows} rows, ${refused} refused`;
        process.stderr.write(tty ? `\r${line}` : `${line}\n`);
      },
    });
    if (tty) process.stderr.write('\n');
    const verb = summary.written ? '' : 'would be ';
    process.stdout.write(
      [
        `${summary.rows} rows read: ${summary.created} ${verb}created, ${summary.updated} ${verb}updated, ${summary.unchanged} unchanged, ${summary.refused} refused`,
        summary.refused > 0 ? `refused rows (row, sku, field, code, reason): ${reportPath}` : 'no row refused',
        values['all-or-nothing'] && !values['dry-run'] && !summary.written ? 'nothing written (--all-or-nothing): fix the refused rows and run again' : '',
      ]
        .filter(Boolean)
        .join('\n') + '\n',
    );
    return summary.refused > 0 ? 1 : 0;
  }
  if (command === 'export') {
    const out = file ? createWriteStream(file) : process.stdout;
    const count = await exportCatalog({ url, token, out, format: file ? formatOf(file) : 'csv' });
    if (file) {
      out.end();
      await once(out, 'close');
      process.stderr.write(`${count} products written to ${file}\n`);
    }
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${error instanceof FeedError ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
