import { documentTooDeep, MAX_DOCUMENT_NESTING } from './graphql-server';

const nested = (levels: number) => `{${'a {'.repeat(levels - 1)} b ${'}'.repeat(levels - 1)}}`;

describe('documentTooDeep', () => {
  it('lets a document nested up to the limit through, to be parsed', () => {
    expect(documentTooDeep(nested(MAX_DOCUMENT_NESTING), 15_000)).toBeNull();
    expect(documentTooDeep(`{ a(x: ${'['.repeat(MAX_DOCUMENT_NESTING - 2)}1${']'.repeat(MAX_DOCUMENT_NESTING - 2)}) }`, 15_000)).toBeNull();
  });

  it('lets a shallow document with many brackets through, and counts none inside strings', () => {
    expect(documentTooDeep(`{ ${Array.from({ length: MAX_DOCUMENT_NESTING * 2 }, (_, i) => `f${i}(x: [1]) { id }`).join(' ')} }`, 15_000)).toBeNull();
    expect(documentTooDeep(`{ a(x: "${'['.repeat(MAX_DOCUMENT_NESTING * 2)}") }`, 15_000)).toBeNull();
  });

  it('refuses braces, brackets or parentheses nested deeper, before the recursive parser sees them', () => {
    expect(documentTooDeep(nested(MAX_DOCUMENT_NESTING + 1), 15_000)?.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(documentTooDeep(`{ a(x: ${'['.repeat(50_000)}) }`, 1_000_000)?.message).toBe(
      `Syntax Error: Document nests more than ${MAX_DOCUMENT_NESTING} levels. Parsing aborted.`,
    );
  });

  it('leaves syntax errors, and documents past the token limit, to the parser', () => {
    expect(documentTooDeep('{ a(x: "unterminated) }', 15_000)).toBeNull();
    expect(documentTooDeep(nested(MAX_DOCUMENT_NESTING + 1), 50)).toBeNull();
  });
});
