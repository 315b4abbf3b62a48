import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';

/**
 * Catalog import and export through the gateway's API, as the staff member
 * whose token runs it (so every change is audited as them). Files are read
 * and written as streams, a batch at a time, so memory stays bounded
 * whatever the file's size: a 100,000-row file holds one batch in memory.
 *
 * Columns (CSV header, or JSON keys): sku, name, description, priceAmount,
 * currency, status, categoryIds (separated by ";"). An empty cell or absent
 * key leaves that field as stored (patch), so a feed may carry only the
 * columns it changes.
 */

/** Rows per upsertProducts call: the API's limit. */
export const MAX_BATCH = 500;

export const FEED_COLUMNS = ['sku', 'name', 'description', 'priceAmount', 'currency', 'status', 'categoryIds'] as const;

export interface FeedRow {
  /** The spreadsheet row (the CSV header is row 1), or the element's position from 1 in JSON. */
  readonly row: number;
  readonly record: Readonly<Record<string, unknown>>;
  /** Set when the row could not be read at all (JSON that is not an object). */
  readonly problem?: string;
}

export interface RowError {
  readonly row: number;
  readonly sku: string;
  readonly field: string;
  readonly code: string;
  readonly reason: string;
}

export interface ImportOptions {
  readonly file: string;
  readonly url: string;
  readonly token: string;
  readonly dryRun: boolean;
  /** Check the whole file first (a dry run) and write nothing unless every row is good. */
  readonly allOrNothing: boolean;
  readonly reportPath: string;
  readonly batchSize?: number;
  readonly onProgress?: (progress: { rows: number; refused: number; fraction: number; pass: 'check' | 'write' }) => void;
}

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  /** False for a dry run, and when --all-or-nothing found a bad row. */
  written: boolean;
}

interface UpsertInput {
  sku: string;
  name?: string;
  description?: string | null;
  priceAmount?: number;
  currency?: string;
  status?: string;
  categoryIds?: string[];
}

const UPSERT = `mutation CatalogFeedUpsert($input: [UpsertProductInput!]!, $dryRun: Boolean) {
  upsertProducts(input: $input, dryRun: $dryRun) { index sku status errors { code field message } }
}`;

const EXPORT_PAGE = `query CatalogFeedExport($first: Int, $after: String) {
  products(first: $first, after: $after, sort: NEWEST) {
    pageInfo { hasNextPage endCursor }
    edges { node { sku name description price { amount currency } status categories { id } } }
  }
}`;

/** A refusal of the whole call (no token, no staff role, the gateway down): the run stops. */
export class FeedError extends Error {}

export async function importCatalog(options: ImportOptions): Promise<ImportSummary> {
  const report = await openReport(options.reportPath);
  try {
    if (options.allOrNothing && !options.dryRun) {
      const check = await importPass(options, report, true);
      if (check.refused > 0) return { ...check, written: false };
      await report.reset();
    }
    return await importPass(options, report, options.dryRun);
  } finally {
    await report.close();
  }
}

async function importPass(options: ImportOptions, report: Report, dryRun: boolean): Promise<ImportSummary> {
  const batchSize = Math.min(options.batchSize ?? MAX_BATCH, MAX_BATCH);
  const summary: ImportSummary = { rows: 0, created: 0, updated: 0, unchanged: 0, refused: 0, written: !dryRun };
  const size = (await stat(options.file)).size || 1;
  let batch: Array<{ row: number; input: UpsertInput }> = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    const results = await upsert(options, sent.map((entry) => entry.input), dryRun);
    for (const result of results) {
      const { row, input } = sent[result.index];
      if (result.status === 'ERROR') {
        summary.refused += 1;
        for (const error of result.errors) await report.write({ row, sku: input.sku, field: error.field ?? '', code: error.code, reason: error.message });
      } else if (result.status === 'CREATED') summary.created += 1;
      else if (result.status === 'UPDATED') summary.updated += 1;
      else summary.unchanged += 1;
    }
  };
  const source = readRows(options.file);
  for await (const { row, record, problem } of source.rows) {
    summary.rows += 1;
    if (problem) {
      summary.refused += 1;
      await report.write({ row, sku: '', field: 'row', code: 'BAD_USER_INPUT', reason: problem });
      continue;
    }
    const parsed = toUpsertInput(record);
    if ('errors' in parsed) {
      summary.refused += 1;
      for (const error of parsed.errors) await report.write({ row, sku: String(record.sku ?? ''), ...error });
    } else {
      batch.push({ row, input: parsed.input });
    }
    if (batch.length >= batchSize) {
      await flush();
      options.onProgress?.({ rows: summary.rows, refused: summary.refused, fraction: source.bytesRead() / size, pass: dryRun ? 'check' : 'write' });
    }
  }
  await flush();
  options.onProgress?.({ rows: summary.rows, refused: summary.refused, fraction: 1, pass: dryRun ? 'check' : 'write' });
  return summary;
}

/** One row's fields as the API takes them; the errors a row has before it is sent (a price that is not a number). */
export function toUpsertInput(record: Readonly<Record<string, unknown>>): { input: UpsertInput } | { errors: Array<{ field: string; code: string; reason: string }> } {
  const errors: Array<{ field: string; code: string; reason: string }> = [];
  const text = (key: string): string | undefined => {
    const value = record[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    errors.push({ field: key, code: 'BAD_USER_INPUT', reason: `${key} must be text` });
    return undefined;
  };
  const sku = text('sku');
  if (sku === undefined) errors.push({ field: 'sku', code: 'BAD_USER_INPUT', reason: 'sku is required' });
  const input: UpsertInput = { sku: sku ?? '' };
  const name = text('name');
  if (name !== undefined) input.name = name;
  const description = text('description');
  if (description !== undefined) input.description = description;
  const price = text('priceAmount');
  if (price !== undefined) {
    const amount = Number(price.trim());
    if (!/^-?\d+$/.test(price.trim()) || !Number.isSafeInteger(amount)) {
      errors.push({ field: 'priceAmount', code: 'BAD_USER_INPUT', reason: `priceAmount "${price}" is not a whole number of minor units (cents)` });
    } else input.priceAmount = amount;
  }
  const currency = text('currency');
  if (currency !== undefined) input.currency = currency;
  const status = text('status');
  if (status !== undefined) {
    const upper = status.trim().toUpperCase();
    if (!['DRAFT', 'ACTIVE', 'ARCHIVED'].includes(upper)) errors.push({ field: 'status', code: 'BAD_USER_INPUT', reason: `status "${status}" is not DRAFT, ACTIVE or ARCHIVED` });
    else input.status = upper;
  }
  const categories = record.categoryIds;
  if (Array.isArray(categories)) input.categoryIds = categories.map(String);
  else {
    const list = text('categoryIds');
    if (list !== undefined) input.categoryIds = list.split(';').map((id) => id.trim()).filter(Boolean);
  }
  const unknown = Object.keys(record).filter((key) => !(FEED_COLUMNS as readonly string[]).includes(key));
  for (const key of unknown) errors.push({ field: key, code: 'BAD_USER_INPUT', reason: `unknown column "${key}"; columns are ${FEED_COLUMNS.join(', ')}` });
  return errors.length > 0 ? { errors } : { input };
}

async function upsert(options: ImportOptions, input: UpsertInput[], dryRun: boolean) {
  type Result = { index: number; status: string; errors: Array<{ code: string; field: string | null; message: string }> };
  const data = await call<{ upsertProducts: Result[] }>(options.url, options.token, UPSERT, { input, dryRun });
  return data.upsertProducts;
}

async function call<T>(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new FeedError(`cannot reach the gateway at ${url}: ${String(error)}`);
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length || !body.data) {
    const error = body.errors?.[0];
    throw new FeedError(error ? `${error.extensions?.code ?? 'ERROR'}: ${error.message}` : `the gateway answered HTTP ${response.status}`);
  }
  return body.data;
}

/** Every product (staff see all statuses), newest first, as CSV (or JSON Lines for .jsonl, a JSON array for .json) to `out`. */
export async function exportCatalog(options: { url: string; token: string; out: NodeJS.WritableStream; format: 'csv' | 'json' | 'jsonl' }): Promise<number> {
  type Node = { sku: string; name: string; description: string | null; price: { amount: number; currency: string }; status: string; categories: Array<{ id: string }> };
  type Page = { products: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Node }> } };
  const write = async (text: string): Promise<void> => {
    if (!options.out.write(text)) await once(options.out, 'drain');
  };
  if (options.format === 'csv') await write(`${FEED_COLUMNS.join(',')}\n`);
  if (options.format === 'json') await write('[');
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const page: Page = await call<Page>(options.url, options.token, EXPORT_PAGE, { first: 100, after });
    for (const { node } of page.products.edges) {
      const record = {
        sku: node.sku,
        name: node.name,
        description: node.description ?? '',
        priceAmount: node.price.amount,
        currency: node.price.currency,
        status: node.status,
        categoryIds: node.categories.map((c) => c.id).join(';'),
      };
      if (options.format === 'csv') await write(`${FEED_COLUMNS.map((column) => csvCell(String(record[column]))).join(',')}\n`);
      else if (options.format === 'jsonl') await write(`${JSON.stringify(record)}\n`);
      else await write(`${count > 0 ? ',' : ''}\n${JSON.stringify(record)}`);
      count += 1;
    }
    if (!page.products.pageInfo.hasNextPage) break;
    after = page.products.pageInfo.endCursor;
  }
  if (options.format === 'json') await write('\n]\n');
  return count;
}

export function formatOf(file: string): 'csv' | 'json' | 'jsonl' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv') return 'csv';
  throw new FeedError(`${file}: use a .csv, .json, .jsonl or .ndjson file`);
}

/** The rows of a feed file, read as a stream; `bytesRead` is for progress. */
export function readRows(file: string): { rows: AsyncIterable<FeedRow>; bytesRead: () => number } {
  const format = formatOf(file);
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  const rows = format === 'csv' ? csvRows(stream) : format === 'json' ? jsonArrayRows(stream) : jsonLineRows(stream);
  return { rows, bytesRead: () => stream.bytesRead };
}

async function* csvRows(chunks: AsyncIterable<string>): AsyncGenerator<FeedRow> {
  let header: string[] | null = null;
  let row = 0;
  for await (const record of csvRecords(chunks)) {
    row += 1;
    if (!header) {
      header = record.map((cell) => cell.trim().replace(/^\uFEFF/, ''));
      continue;
    }
    if (record.length === 1 && record[0] === '') continue;
    yield { row, record: Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])) };
  }
}

/** RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks, across chunk boundaries. */
async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  let cell = '';
  let record: string[] = [];
  let quoted = false;
  let quoteSeen = false;
  for await (const chunk of chunks) {
    for (const char of chunk) {
      if (quoted) {
        if (char === '"') {
          quoted = false;
          quoteSeen = true;
        } else cell += char;
        continue;
      }
      if (char === '"') {
        // A doubled quote inside a quoted cell is one quote.
        if (quoteSeen) cell += '"';
        quoted = true;
        quoteSeen = false;
        continue;
      }
      quoteSeen = false;
      if (char === ',') {
        record.push(cell);
        cell = '';
      } else if (char === '\n') {
        record.push(cell.endsWith('\r') ? cell.slice(0, -1) : cell);
        yield record;
        record = [];
        cell = '';
      } else cell += char;
    }
  }
  if (cell !== '' || record.length > 0) yield [...record, cell];
}

async function* jsonLineRows(chunks: AsyncIterable<string>): AsyncGenerator<FeedRow> {
  let rest = '';
  let row = 0;
  const parse = (line: string): FeedRow => parseObject(line, row);
  for await (const chunk of chunks) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      row += 1;
      yield parse(line);
    }
  }
  if (rest.trim()) {
    row += 1;
    yield parse(rest);
  }
}

/** The elements of a top-level JSON array, one at a time, without holding the whole array. */
async function* jsonArrayRows(chunks: AsyncIterable<string>): AsyncGenerator<FeedRow> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let row = 0;
  for await (const chunk of chunks) {
    for (const char of chunk) {
      if (inString) {
        element += char;
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
        continue;
      }
      if (depth === 0) {
        if (char === '[') depth = 1;
        else if (!/\s/.test(char)) throw new FeedError('a .json feed must be an array of objects, e.g. [{"sku": "MUG-1", ...}]');
        continue;
      }
      if (depth === 1 && (char === ',' || char === ']')) {
        if (element.trim()) {
          row += 1;
          yield parseObject(element, row);
        }
        element = '';
        if (char === ']') depth = 0;
        continue;
      }
      element += char;
      if (char === '"') inString = true;
      else if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') depth -= 1;
    }
  }
}

/** A row that is not a JSON object is reported under the field "row". */
function parseObject(text: string, row: number): FeedRow {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { row, record: value as Record<string, unknown> };
  } catch {
    // reported below, like any other bad row
  }
  return { row, record: {}, problem: `row ${row} is not a JSON object` };
}

interface Report {
  write(error: RowError): Promise<void>;
  /** Empties the report (the checking pass of --all-or-nothing found nothing). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const REPORT_HEADER = 'row,sku,field,code,reason\n';

async function openReport(file: string): Promise<Report> {
  let stream: WriteStream = createWriteStream(file);
  const write = async (text: string): Promise<void> => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  await write(REPORT_HEADER);
  const close = async (): Promise<void> => {
    stream.end();
    await once(stream, 'close');
  };
  return {
    write: (error) => write(`${[String(error.row), error.sku, error.field, error.code, error.reason].map(csvCell).join(',')}\n`),
    reset: async () => {
      await close();
      stream = createWriteStream(file);
      await write(REPORT_HEADER);
    },
    close,
  };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
