import { badInputOf } from '../../test/support/refusals';
import { checkAddress, parcelWeight } from './shipping.rules';

const address = { recipient: ' Ada ', line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'fr', region: 'fr-75' };

describe('shipping address rules', () => {
  it('trims the text and writes country and region in capitals', () => {
    expect({ ...checkAddress(address) }).toEqual({ recipient: 'Ada', line1: '1 rue de Rivoli', line2: null, city: 'Paris', postalCode: '75001', country: 'FR', region: 'FR-75' });
  });

  it.each([
    ['a country name', { country: 'France' }, 'address.country'],
    ['a region of another country', { region: 'DE-BY' }, 'address.region'],
    ['a blank recipient', { recipient: ' ' }, 'address.recipient'],
    ['a long postal code', { postalCode: '1'.repeat(21) }, 'address.postalCode'],
    ['a long second line', { line2: 'x'.repeat(201) }, 'address.line2'],
  ])('refuses %s', (_case, change, field) => {
    expect(badInputOf(() => checkAddress({ ...address, ...change })).field).toBe(field);
  });

  it('weighs the parcel, or knows it cannot when a product has no weight', () => {
    expect(parcelWeight([{ quantity: 2, weightGrams: 400 }, { quantity: 1, weightGrams: 150 }])).toBe(950);
    expect(parcelWeight([{ quantity: 2, weightGrams: 400 }, { quantity: 1, weightGrams: null }])).toBeNull();
  });
});
