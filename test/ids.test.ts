import { newId } from '../platform/ids';

describe('ids', () => {
  it('strictly increase within one millisecond and when the clock steps back', () => {
    const ids = [newId(5_000), newId(5_000), newId(5_000), newId(4_000), newId(5_001)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
  });
});
