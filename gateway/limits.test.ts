import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { projectRoot } from '../platform/project';
import { MAX_FRAGMENT_DEPTH, operationLimits, type OperationLimits } from './limits';

const schema = buildSchema(readFileSync(path.join(projectRoot(), 'schema', 'api.graphql'), 'utf8'));
const LIMITS: OperationLimits = { maxDepth: 6, maxFields: 40, maxAliases: 3, maxRootFields: 4 };
/** MAX_QUERY_DEPTH, MAX_QUERY_FIELDS, MAX_QUERY_ALIASES, MAX_QUERY_ROOT_FIELDS as shipped. */
const DEFAULTS: OperationLimits = { maxDepth: 12, maxFields: 1000, maxAliases: 30, maxRootFields: 20 };

/** `{ ...F0 }` and a chain of fragments each spreading the next, `length` of them before the last, which selects a field. */
const chain = (length: number) =>
  `{ ...F0 } ${Array.from({ length }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(' ')} fragment F${length} on Query { me { id } }`;

/** The limits an operation breaks, as `extensions.limit` names them. */
function broken(source: string, limits: OperationLimits = LIMITS): unknown[] {
  const errors = validate(schema, parse(source), [...specifiedRules, operationLimits(limits)]);
  return errors.map((error) => error.extensions.limit ?? error.message);
}

describe('operation limits', () => {
  it('lets an ordinary storefront query through, and introspection as tools send it', () => {
    expect(broken('{ products(first: 10) { edges { node { id name price { amount currency } stock { available } } } } }')).toEqual([]);
    expect(broken('{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }')).toEqual([]);
    // 15 levels of type references, 220 fields: within the defaults, since introspection depth is measured by its lists.
    expect(broken(getIntrospectionQuery(), DEFAULTS)).toEqual([]);
  });

  it('counts introspection fields, aliases and root fields like any others', () => {
    const aliased = Array.from({ length: 4 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ');
    expect(broken(`{ ${aliased} }`)).toEqual(['aliases']);
    expect(broken('{ __schema { queryType { name } } __type(name: "Query") { name } me { id } products { totalCount } cart { __typename } }')).toEqual(['rootFields']);
    expect(broken('{ __schema { types { name kind description fields { name description } } } }', { ...LIMITS, maxFields: 5 })).toEqual(['fields']);
  });

  it('refuses an operation nested too deep', () => {
    expect(broken('{ me { orders { edges { node { customer { orders { edges { node { id } } } } } } } } }')).toEqual(['depth']);
  });

  it('refuses too many aliases, and too many root fields, fragments at the root included', () => {
    expect(broken('{ a: product(id: "1") { id } b: product(id: "2") { id } c: product(id: "3") { id } d: product(id: "4") { id } }')).toEqual(['aliases']);
    expect(broken('{ me { id } categories { id } ...Roots } fragment Roots on Query { products { totalCount } cart { __typename } wishlist { product { id } } }')).toEqual([
      'rootFields',
    ]);
  });

  it('counts a fragment each time it is spread, so a few fragments cannot ask for thousands of fields', () => {
    const fields = 'id sku name description status createdAt updatedAt';
    const source = `{ products { edges { node { ...P ...Q } } } }
      fragment P on Product { ${fields} categories { ...C } }
      fragment Q on Product { price { amount currency } categories { ...C children { ...C children { ...C } } } }
      fragment C on Category { id name parentId parent { id name } }`;
    expect(broken(source, { ...LIMITS, maxDepth: 12, maxFields: 100 })).toEqual([]);
    expect(broken(source, { ...LIMITS, maxDepth: 12, maxFields: 20 })).toEqual(['fields']);
  });

  it('stays cheap on a fragment bomb of spreads alone, and refuses it', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Product { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const source = `{ product(id: "1") { ...F0 } } ${levels} fragment F30 on Product { id }`;
    // 2^30 spreads if followed to the end (this test would time out); the count stops at ten times the field limit.
    expect(broken(source)).toEqual(['fields']);
    // The same at the root, where root fields are counted too.
    const atRoot = Array.from({ length: 30 }, (_, i) => `fragment R${i} on Query { ...R${i + 1} ...R${i + 1} }`).join('\n');
    expect(broken(`{ ...R0 } ${atRoot} fragment R30 on Query { me { id } }`)).toEqual(['fields', 'rootFields']);
  });

  it('refuses fragments spread inside fragments more than 32 deep', () => {
    expect(broken(chain(MAX_FRAGMENT_DEPTH - 1))).toEqual([]);
    expect(broken(chain(MAX_FRAGMENT_DEPTH))).toEqual(['fragmentDepth']);
  });

  it('walks a chain of thousands of fragment spreads without running out of stack', () => {
    // The limits alone: graphql-js's own rules recurse along the chain too, which the parser's token limit keeps short.
    const limitsOnly = (source: string, limits = DEFAULTS) => validate(schema, parse(source), [operationLimits(limits)]).map((error) => error.extensions.limit);
    expect(limitsOnly(chain(9_000))).toEqual(['fragmentDepth']);
    // Past ten times the field limit in selections visited, the walk stops and refuses.
    expect(limitsOnly(chain(2_000), { ...DEFAULTS, maxFields: 100 })).toEqual(['fragmentDepth', 'fields']);
  });
});
