import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLError, isEnumType, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, REFUSAL_REASONS, conflict, createErrorFormatter, errorMessage, reasonOf } from './errors';
import { projectRoot } from './project';

/** The names in the first column of each table in the README's section, keyed by the heading above the table. */
function readmeTables(): Map<string, string[]> {
  const readme = readFileSync(path.join(projectRoot(), 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Error codes and refusal reasons\n');
  if (start < 0) throw new Error('README.md has no "## Error codes and refusal reasons" section');
  const end = readme.indexOf('\n## ', start + 1);
  const tables = new Map<string, string[]>();
  let heading = '';
  for (const line of readme.slice(start, end < 0 ? undefined : end).split('\n')) {
    if (line.startsWith('#')) heading = line.replace(/^#+\s*/, '');
    const name = /^\| `([A-Z_]+)` \|/.exec(line)?.[1];
    if (name) tables.set(heading, [...(tables.get(heading) ?? []), name]);
  }
  return tables;
}

describe('README "Error codes and refusal reasons"', () => {
  const tables = readmeTables();

  it('lists every code a client can see, and no other', () => {
    expect([...(tables.get('Error codes and refusal reasons') ?? [])].sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it('lists every refusal reason, and no other', () => {
    expect([...(tables.get('Refusal reasons') ?? [])].sort()).toEqual(Object.keys(REFUSAL_REASONS).sort());
  });
});

describe('the ErrorCode enum of the composed schema', () => {
  it('holds every code of the catalogue, and no other, each described as the catalogue says', () => {
    const schema = buildSchema(readFileSync(path.join(projectRoot(), 'schema', 'api.graphql'), 'utf8'));
    const enumType = schema.getType('ErrorCode');
    if (!isEnumType(enumType)) throw new Error('schema/api.graphql has no enum ErrorCode');
    const described = Object.fromEntries(enumType.getValues().map((value) => [value.name, value.description]));
    expect(described).toEqual(ERROR_CODES);
  });
});

describe('reasonOf', () => {
  it('reads the reason a refusal carries', () => {
    expect(reasonOf(conflict('Not enough stock', { reason: 'INSUFFICIENT_STOCK', shortages: [] }))).toBe('INSUFFICIENT_STOCK');
  });

  it('ignores what is not a catalogued reason', () => {
    expect(reasonOf(conflict('No reason given'))).toBeUndefined();
    expect(reasonOf(new GraphQLError('From a peer', { extensions: { code: 'CONFLICT', reason: 'SOMETHING_ELSE' } }))).toBeUndefined();
    expect(reasonOf(new GraphQLError('Inherited', { extensions: { code: 'CONFLICT', reason: 'toString' } }))).toBeUndefined();
    expect(reasonOf(new Error('INSUFFICIENT_STOCK'))).toBeUndefined();
  });
});

describe('error formatter', () => {
  const at = { locations: [{ line: 1, column: 3 }], path: ['placeOrder'] };
  const production = createErrorFormatter(false);
  const development = createErrorFormatter(true);

  it('passes an expected refusal through, without its stack trace outside development', () => {
    const refusal: GraphQLFormattedError = {
      message: 'Not enough stock',
      ...at,
      extensions: { code: 'CONFLICT', reason: 'INSUFFICIENT_STOCK', stacktrace: ['at reserve (inventory.ts:1)'] },
    };
    expect(production(refusal)).toEqual({ message: 'Not enough stock', ...at, extensions: { code: 'CONFLICT', reason: 'INSUFFICIENT_STOCK' } });
    expect(development(refusal)).toEqual(refusal);
  });

  it('masks an unexpected error outside development, keeping where it happened', () => {
    const leak: GraphQLFormattedError = { message: 'SQLITE_BUSY: database is locked', ...at, extensions: { code: 'SOMETHING_INTERNAL', stacktrace: ['x'] } };
    expect(production(leak)).toEqual({ message: 'Internal server error', ...at, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(production({ message: 'TypeError: x is undefined' })).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(development(leak)).toEqual(leak);
  });

  it('masks an INTERNAL_SERVER_ERROR message too, since it may name internals', () => {
    expect(production({ message: 'connect ECONNREFUSED 10.0.0.7:5432', extensions: { code: 'INTERNAL_SERVER_ERROR' } }).message).toBe('Internal server error');
  });

  it('replaces validation errors (which echo the submitted values) by the failing fields', () => {
    const formatted = production({
      message: 'Argument Validation Error',
      extensions: {
        code: 'BAD_USER_INPUT',
        validationErrors: [
          { property: 'password', value: 'hunter2', constraints: { minLength: 'password must be at least 10 characters' } },
          {
            property: 'preferences',
            value: { locale: 'xx' },
            children: [{ property: 'locale', value: 'xx', constraints: { isLocale: 'locale must be a locale', maxLength: 'locale is too long' } }],
          },
        ],
      },
    });
    expect(formatted).toEqual({
      message: 'password must be at least 10 characters',
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'password',
        violations: [
          { field: 'password', message: 'password must be at least 10 characters' },
          { field: 'preferences.locale', message: 'locale must be a locale' },
          { field: 'preferences.locale', message: 'locale is too long' },
        ],
      },
    });
    expect(JSON.stringify(formatted)).not.toContain('hunter2');
  });

  it('drops validation errors it cannot read, keeping the message', () => {
    expect(production({ message: 'Bad input', extensions: { code: 'BAD_USER_INPUT', validationErrors: 'oops' } })).toEqual({
      message: 'Bad input',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('error formatter in production', () => {
  const production = createErrorFormatter(false, { production: true });
  const test = createErrorFormatter(false);

  it('drops the "Did you mean" suggestions that spell out the schema', () => {
    const guess: GraphQLFormattedError = { message: 'Cannot query field "produc" on type "Query". Did you mean "product" or "products"?', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(production(guess).message).toBe('Cannot query field "produc" on type "Query".');
    expect(test(guess).message).toBe(guess.message);
  });

  it('drops what the gateway adds about the subgraph, and its name from an unavailable one', () => {
    const refusal: GraphQLFormattedError = { message: 'Order o-1 was not found', extensions: { code: 'NOT_FOUND', id: 'o-1', serviceName: 'orders' } };
    expect(production(refusal)).toEqual({ message: 'Order o-1 was not found', extensions: { code: 'NOT_FOUND', id: 'o-1' } });
    const down: GraphQLFormattedError = {
      message: 'Subgraph "payments" is unavailable: no answer within 10000 ms',
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'payments', response: { url: 'http://payments:4005/graphql', status: 502 } },
    };
    expect(production(down)).toEqual({ message: 'A service this operation needs is unavailable; try again later', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
    expect(test(down)).toEqual(down);
    const late: GraphQLFormattedError = {
      message: 'Subgraph "orders" did not answer within 10000 ms; anything it did late is undone: try again',
      extensions: { code: 'TRY_AGAIN', serviceName: 'orders', retryAfterSeconds: 1 },
    };
    expect(production(late)).toEqual({ message: 'A service this operation needs did not answer in time; try again', extensions: { code: 'TRY_AGAIN', retryAfterSeconds: 1 } });
  });

  it('never shows a stack overflow', () => {
    expect(production({ message: 'Maximum call stack size exceeded', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }).message).toBe('The document is too complex');
  });
});

describe('errorMessage', () => {
  it('words whatever was thrown', () => {
    expect(errorMessage(new Error('disk full'))).toBe('disk full');
    expect(errorMessage('plain text')).toBe('plain text');
    expect(errorMessage(42)).toBe('42');
  });
});
