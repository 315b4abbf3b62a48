import { badInputOf } from '../../test/support/refusals';
import { checkDepth, checkName, MAX_DEPTH, nameAfter } from './category.rules';

describe('checkName', () => {
  it('trims', () => {
    expect(checkName('  Kitchen ')).toBe('Kitchen');
  });

  it.each([
    ['a blank name', ' ', 'name must not be empty'],
    ['a name over 100 characters', 'n'.repeat(101), 'name must be at most 100 characters'],
  ])('refuses %s', (_case, name, message) => {
    expect(badInputOf(() => checkName(name))).toEqual({ field: 'name', message });
  });
});

describe('nameAfter', () => {
  it('keeps the current name when omitted and checks a new one', () => {
    expect(nameAfter('Kitchen', undefined)).toBe('Kitchen');
    expect(nameAfter('Kitchen', ' Garden ')).toBe('Garden');
    expect(badInputOf(() => nameAfter('Kitchen', ''))).toEqual({ field: 'name', message: 'name must not be empty' });
  });

  it('refuses null: a category always has a name', () => {
    expect(badInputOf(() => nameAfter('Kitchen', null))).toEqual({ field: 'name', message: 'name cannot be null' });
  });
});

describe('checkDepth', () => {
  it(`allows a tree ${MAX_DEPTH} levels deep, counting what hangs below`, () => {
    expect(() => checkDepth(MAX_DEPTH)).not.toThrow();
    expect(() => checkDepth(MAX_DEPTH - 2, 2)).not.toThrow();
  });

  it('refuses anything deeper', () => {
    const tooDeep = { field: 'parentId', message: `Categories nest at most ${MAX_DEPTH} levels deep` };
    expect(badInputOf(() => checkDepth(MAX_DEPTH + 1))).toEqual(tooDeep);
    expect(badInputOf(() => checkDepth(MAX_DEPTH - 1, 2))).toEqual(tooDeep);
  });
});
