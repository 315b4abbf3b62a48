import { badInputOf } from '../../test/support/refusals';
import { RateKind } from './zone.entity';
import { zoneFor } from '../../platform/places';
import { checkBands, checkMethod, checkParcel, checkZone, priceOf, type Parcel } from './zone.rules';

const parcel = (over: Partial<Parcel> = {}): Parcel => ({ country: 'FR', region: null, currency: 'EUR', subtotal: 3000, weightGrams: 800, ...over });
const method = { name: 'Standard', kind: RateKind.FLAT, currency: 'EUR', amount: 500, minDays: 2, maxDays: 4 };

describe('shipping zone rules', () => {
  it('accepts contiguous bands from 0 with an open last band', () => {
    expect(checkBands([{ from: 0, to: 1000, amount: 400 }, { from: 1000, to: null, amount: 900 }])).toEqual([
      { from: 0, to: 1000, amount: 400 },
      { from: 1000, to: null, amount: 900 },
    ]);
  });

  it('refuses a gap between weight bands, naming the band', () => {
    expect(badInputOf(() => checkBands([{ from: 0, to: 1000, amount: 400 }, { from: 1500, to: null, amount: 900 }]))).toEqual({
      field: 'bands.1.from',
      message: 'bands.1 starts at 1500, leaving a gap from 1000: bands must be contiguous from 0',
    });
    expect(badInputOf(() => checkBands([{ from: 100, to: null, amount: 400 }])).field).toBe('bands.0.from');
  });

  it('refuses overlapping bands, an open band before the last, an empty band and no bands', () => {
    expect(badInputOf(() => checkBands([{ from: 0, to: 1000, amount: 1 }, { from: 900, to: null, amount: 2 }])).message).toMatch(/overlapping/);
    expect(badInputOf(() => checkBands([{ from: 0, to: null, amount: 1 }, { from: 0, to: 10, amount: 2 }])).field).toBe('bands.0.to');
    expect(badInputOf(() => checkBands([{ from: 0, to: 0, amount: 1 }])).field).toBe('bands.0.to');
    expect(badInputOf(() => checkBands([])).field).toBe('bands');
    expect(badInputOf(() => checkBands([{ from: 0, to: null, amount: -1 }])).field).toBe('bands.0.amount');
  });

  it('checks a method by its kind', () => {
    expect(checkMethod(method).amount).toBe(500);
    expect(badInputOf(() => checkMethod({ ...method, amount: null })).field).toBe('amount');
    expect(badInputOf(() => checkMethod({ ...method, kind: RateKind.WEIGHT })).field).toBe('amount');
    expect(badInputOf(() => checkMethod({ ...method, kind: RateKind.WEIGHT, amount: null })).field).toBe('bands');
    expect(badInputOf(() => checkMethod({ ...method, kind: RateKind.PICKUP })).field).toBe('pickupLocation');
    expect(badInputOf(() => checkMethod({ ...method, pickupLocation: 'Shop' })).field).toBe('pickupLocation');
    expect(badInputOf(() => checkMethod({ ...method, currency: 'EURO' })).field).toBe('currency');
    expect(badInputOf(() => checkMethod({ ...method, minDays: 5, maxDays: 3 })).field).toBe('maxDays');
    expect(badInputOf(() => checkMethod({ ...method, name: ' ' })).field).toBe('name');
  });

  it('checks zones: country codes, regions within them', () => {
    expect(checkZone({ name: ' EU ', countries: ['fr', 'DE', 'FR'], regions: ['fr-75'] })).toEqual({ name: 'EU', countries: ['FR', 'DE'], regions: ['FR-75'] });
    expect(badInputOf(() => checkZone({ name: 'X', countries: [] })).field).toBe('countries');
    expect(badInputOf(() => checkZone({ name: 'X', countries: ['France'] })).field).toBe('countries.0');
    expect(badInputOf(() => checkZone({ name: 'X', countries: ['FR'], regions: ['DE-BY'] })).field).toBe('regions');
  });

  it('checks a parcel', () => {
    expect(checkParcel({ country: 'fr', region: 'fr-75', currency: 'EUR', subtotal: 10 })).toEqual({ country: 'FR', region: 'FR-75', currency: 'EUR', subtotal: 10, weightGrams: null });
    expect(badInputOf(() => checkParcel({ country: 'FR', region: 'DE-BY', currency: 'EUR', subtotal: 10 })).field).toBe('region');
  });

  it('finds the zone naming the region before the one naming its country, none outside every zone', () => {
    const france = { id: 'fr', countries: ['FR'], regions: [] };
    const paris = { id: 'paris', countries: ['FR'], regions: ['FR-75'] };
    const corsica = { id: 'corsica', countries: ['FR'], regions: ['FR-20R'] };
    expect(zoneFor([france, paris], parcel({ region: 'FR-75' }))?.id).toBe('paris');
    expect(zoneFor([france, paris], parcel({ region: 'FR-13' }))?.id).toBe('fr');
    expect(zoneFor([corsica], parcel({ region: 'FR-13' }))).toBeNull();
    expect(zoneFor([france], parcel({ country: 'US' }))).toBeNull();
  });

  it('prices flat, weight bands, subtotal bands, pickup, and free over the threshold', () => {
    const bands = [{ from: 0, to: 1000, amount: 490 }, { from: 1000, to: null, amount: 990 }];
    const flat = { kind: RateKind.FLAT, currency: 'EUR', amount: 700, bands: [], freeOver: null };
    expect(priceOf(flat, parcel())).toBe(700);
    expect(priceOf({ ...flat, kind: RateKind.WEIGHT, amount: null, bands }, parcel({ weightGrams: 999 }))).toBe(490);
    expect(priceOf({ ...flat, kind: RateKind.WEIGHT, amount: null, bands }, parcel({ weightGrams: 1000 }))).toBe(990);
    expect(priceOf({ ...flat, kind: RateKind.WEIGHT, amount: null, bands }, parcel({ weightGrams: null }))).toBeNull();
    expect(priceOf({ ...flat, kind: RateKind.SUBTOTAL, amount: null, bands }, parcel({ subtotal: 1500 }))).toBe(990);
    expect(priceOf({ ...flat, kind: RateKind.PICKUP, amount: 0 }, parcel())).toBe(0);
    expect(priceOf({ ...flat, freeOver: 3000 }, parcel({ subtotal: 3000 }))).toBe(0);
    expect(priceOf({ ...flat, freeOver: 3000 }, parcel({ subtotal: 2999 }))).toBe(700);
    expect(priceOf(flat, parcel({ currency: 'USD' }))).toBeNull();
  });
});
