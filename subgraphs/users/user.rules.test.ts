import { GraphQLError } from 'graphql';
import { violationsFrom } from '../../test/support/refusals';
import { assertValid, atLeast, atMost, checkProfile, notBlank, violationsOf } from './user.rules';

describe('string rules', () => {
  it('counts an emoji as one character, as validator.js does', () => {
    expect(violationsOf('name', '😀'.repeat(3), [atMost('name', 3)])).toEqual([]);
    expect(violationsOf('name', 'abcd', [atMost('name', 3)])).toEqual([{ field: 'name', message: 'name must be at most 3 characters' }]);
    expect(violationsOf('password', '😀😀', [atLeast('password', 3)])).toEqual([{ field: 'password', message: 'password must be at least 3 characters' }]);
    expect(violationsOf('password', 'abc', [atLeast('password', 3)])).toEqual([]);
  });

  it('finds a blank value empty', () => {
    expect(violationsOf('city', ' \t', [notBlank('city')])).toEqual([{ field: 'city', message: 'city must not be empty' }]);
    expect(violationsOf('city', ' x ', [notBlank('city')])).toEqual([]);
  });

  it('reports every rule a value fails, and checks nothing absent', () => {
    const rules = [atMost('name', 2), notBlank('name')];
    expect(violationsOf('name', '   ', rules).map((v) => v.message)).toEqual(['name must be at most 2 characters', 'name must not be empty']);
    expect(violationsOf('name', null, rules)).toEqual([]);
    expect(violationsOf('name', undefined, rules)).toEqual([]);
  });

  it('refuses with the first violation as message and field, listing all', () => {
    expect(() => assertValid([])).not.toThrow();
    const found = [
      { field: 'a', message: 'a is wrong' },
      { field: 'b', message: 'b is wrong' },
    ];
    try {
      assertValid(found);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).message).toBe('a is wrong');
      expect((error as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'a', violations: found });
    }
  });
});

describe('checkProfile', () => {
  it('accepts a full change, trimming the name and capitalising the currency', () => {
    expect(
      checkProfile({ name: '  Robin  ', phone: '+4915112345678', preferences: { locale: 'de-CH', currency: 'chf', marketingEmails: true, orderUpdates: false } }),
    ).toEqual({ name: 'Robin', phone: '+4915112345678', preferences: { locale: 'de-CH', currency: 'CHF', marketingEmails: true, orderUpdates: false } });
  });

  it('changes nothing that is omitted; a null phone removes the number, null preferences stay', () => {
    expect(checkProfile({})).toEqual({ preferences: {} });
    expect(checkProfile({ phone: null, preferences: { locale: null, currency: null, marketingEmails: null, orderUpdates: null } })).toEqual({
      phone: null,
      preferences: {},
    });
  });

  it.each([
    ['a null name', { name: null }, 'name', 'name must not be empty'],
    ['a blank name', { name: '  ' }, 'name', 'name must not be empty'],
    ['a name over 100 characters', { name: 'n'.repeat(101) }, 'name', 'name must be at most 100 characters'],
    ['a phone number with spaces', { phone: '+49 151 12345678' }, 'phone', 'phone must be in international format without spaces, e.g. +4915112345678'],
    ['a phone number without a country code', { phone: '015112345678' }, 'phone', 'phone must be in international format without spaces, e.g. +4915112345678'],
    ['a malformed locale', { preferences: { locale: 'english!' } }, 'preferences.locale', 'locale must be a language tag such as "en" or "de-CH"'],
    ['a locale over 35 characters', { preferences: { locale: `en${'-abcdefgh'.repeat(4)}` } }, 'preferences.locale', 'locale must be at most 35 characters'],
    ['an unknown currency', { preferences: { currency: 'EURO' } }, 'preferences.currency', 'currency must be an ISO 4217 code such as "EUR"'],
  ])('refuses %s', (_case, input, field, message) => {
    expect(violationsFrom(() => checkProfile(input))).toEqual([{ field, message }]);
  });

  it('names every invalid field at once, in input order', () => {
    expect(violationsFrom(() => checkProfile({ name: ' '.repeat(101), phone: 'x', preferences: { locale: '!', currency: 'x' } }))).toEqual([
      { field: 'name', message: 'name must be at most 100 characters' },
      { field: 'name', message: 'name must not be empty' },
      { field: 'phone', message: 'phone must be in international format without spaces, e.g. +4915112345678' },
      { field: 'preferences.locale', message: 'locale must be a language tag such as "en" or "de-CH"' },
      { field: 'preferences.currency', message: 'currency must be an ISO 4217 code such as "EUR"' },
    ]);
  });
});
