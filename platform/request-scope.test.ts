import { currentRequestId, requestIdFrom, withRequestId, REQUEST_ID_HEADER } from './request-scope';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the request id taken from a request', () => {
  it.each(['checkout-7f3a', 'a.b:c_d-e', 'x'.repeat(128)])('keeps a well-formed id (%s)', (id) => {
    expect(requestIdFrom({ [REQUEST_ID_HEADER]: id })).toBe(id);
  });

  it('takes the first of repeated headers', () => {
    expect(requestIdFrom({ [REQUEST_ID_HEADER]: ['first-id', 'second-id'] })).toBe('first-id');
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['longer than 128 characters', 'x'.repeat(129)],
    ['with a quote that could forge a log field', 'a"b'],
    ['with a space', 'a b'],
    ['with a line break', 'a\nb'],
    ['not ASCII', 'caf\u00e9'],
  ])('makes up a new one when it is %s', (_label, id) => {
    const made = requestIdFrom(id === undefined ? {} : { [REQUEST_ID_HEADER]: id });
    expect(made).toMatch(UUID);
    expect(requestIdFrom({})).not.toBe(made);
  });
});

describe('the request scope', () => {
  it('has no id outside a request', () => {
    expect(currentRequestId()).toBeUndefined();
  });

  it('carries the id through awaits and timers inside it, and ends with it', async () => {
    const seen = await withRequestId('r-1', async () => {
      const before = currentRequestId();
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [before, currentRequestId()];
    });
    expect(seen).toEqual(['r-1', 'r-1']);
    expect(currentRequestId()).toBeUndefined();
  });

  it('keeps concurrent requests apart, an inner scope winning while it lasts', async () => {
    const seen = await Promise.all([
      withRequestId('a', async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return currentRequestId();
      }),
      withRequestId('b', () => [withRequestId('b-inner', () => currentRequestId()), currentRequestId()]),
    ]);
    expect(seen).toEqual(['a', ['b-inner', 'b']]);
  });
});
