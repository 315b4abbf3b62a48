import { violationsFrom } from '../../test/support/refusals';
import { checkAddress, type AddressFieldsInput } from './address.rules';

const HOME: AddressFieldsInput = { recipient: 'Robin Example', line1: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' };
const PHONE = 'phone must be in international format without spaces, e.g. +4915112345678';

describe('checkAddress', () => {
  it('trims every field, makes blank optional ones null and the country upper case', () => {
    expect(
      checkAddress({ label: ' Home ', recipient: ' Robin ', line1: ' Street 1 ', line2: '  ', postalCode: ' 10115 ', city: ' Berlin ', region: '', country: 'de', phone: '+4930123456' }),
    ).toEqual({ label: 'Home', recipient: 'Robin', line1: 'Street 1', line2: null, postalCode: '10115', city: 'Berlin', region: null, country: 'DE', phone: '+4930123456' });
    expect(checkAddress(HOME)).toMatchObject({ label: null, line2: null, region: null, phone: null });
  });

  it.each([
    ['a label over 50 characters', { label: 'l'.repeat(51) }, 'label', 'label must be at most 50 characters'],
    ['an empty recipient', { recipient: ' ' }, 'recipient', 'recipient must not be empty'],
    ['a recipient over 100 characters', { recipient: 'r'.repeat(101) }, 'recipient', 'recipient must be at most 100 characters'],
    ['an empty first line', { line1: '' }, 'line1', 'line1 must not be empty'],
    ['a first line over 200 characters', { line1: 'l'.repeat(201) }, 'line1', 'line1 must be at most 200 characters'],
    ['a second line over 200 characters', { line2: 'l'.repeat(201) }, 'line2', 'line2 must be at most 200 characters'],
    ['an empty postal code', { postalCode: '' }, 'postalCode', 'postalCode must not be empty'],
    ['a postal code over 20 characters', { postalCode: '1'.repeat(21) }, 'postalCode', 'postalCode must be at most 20 characters'],
    ['an empty city', { city: '' }, 'city', 'city must not be empty'],
    ['a city over 100 characters', { city: 'c'.repeat(101) }, 'city', 'city must be at most 100 characters'],
    ['a region over 100 characters', { region: 'r'.repeat(101) }, 'region', 'region must be at most 100 characters'],
    ['an unknown country', { country: 'XX' }, 'country', 'country must be an ISO 3166-1 alpha-2 code such as "DE"'],
    ['a malformed phone number', { phone: 'call me' }, 'phone', PHONE],
  ])('refuses %s', (_case, change, field, message) => {
    expect(violationsFrom(() => checkAddress({ ...HOME, ...change }))).toEqual([{ field, message }]);
  });

  it('names every invalid field at once, in input order', () => {
    expect(violationsFrom(() => checkAddress({ ...HOME, recipient: '', city: '', country: 'Germany', phone: '1' })).map((v) => v.field)).toEqual([
      'recipient',
      'city',
      'country',
      'phone',
    ]);
  });
});
