import { badInputOf } from '../test/support/refusals';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageWindow } from './pagination';

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('page arguments', () => {
  it('reads forward by default, backward with last, with the default size when neither is given', () => {
    expect(pageWindow({})).toEqual({ backward: false, size: DEFAULT_PAGE_SIZE, after: null, before: null });
    expect(pageWindow({ defaultSize: 10 }).size).toBe(10);
    expect(pageWindow({ first: 0 })).toMatchObject({ backward: false, size: 0 });
    expect(pageWindow({ last: MAX_PAGE_SIZE, before: cursor(['2026', 'b']) })).toEqual({ backward: true, size: MAX_PAGE_SIZE, after: null, before: ['2026', 'b'] });
    expect(pageWindow({ first: 3, after: cursor([7, 'a']), before: cursor([9, 'c']) })).toMatchObject({ after: [7, 'a'], before: [9, 'c'] });
  });

  it.each([
    ['first and last together', { first: 1, last: 1 }, 'last'],
    ['a negative first', { first: -1 }, 'first'],
    ['a fractional first', { first: 1.5 }, 'first'],
    ['a last over the maximum', { last: MAX_PAGE_SIZE + 1 }, 'last'],
    ['an after cursor that is not base64 JSON', { after: '%%%' }, 'after'],
    ['a before cursor of the wrong shape', { before: cursor({ at: 1 }) }, 'before'],
    ['a cursor whose key is not a string', { after: cursor([1, 2]) }, 'after'],
  ])('refuses %s, naming the argument', (_name, args, field) => {
    expect(badInputOf(() => pageWindow(args)).field).toBe(field);
  });
});
