import { badInputOf } from '../../test/support/refusals';
import { checkWindow } from './audit.rules';

describe('checkWindow', () => {
  const earlier = new Date('2030-01-01T00:00:00Z');
  const later = new Date('2030-01-02T00:00:00Z');

  it('accepts open windows and one whose start is not after its end', () => {
    expect(() => checkWindow(null, undefined)).not.toThrow();
    expect(() => checkWindow(earlier, null)).not.toThrow();
    expect(() => checkWindow(undefined, later)).not.toThrow();
    expect(() => checkWindow(earlier, earlier)).not.toThrow();
    expect(() => checkWindow(earlier, later)).not.toThrow();
  });

  it('refuses a start after the end', () => {
    expect(badInputOf(() => checkWindow(later, earlier))).toEqual({ field: 'filter.from', message: 'from must not be after to' });
  });
});
