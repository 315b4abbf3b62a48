import { badInput } from '../../platform/errors';
import { requiredText } from '../../platform/checks';
import { isCurrencyCode } from '../../platform/currencies';
import { checkArea, checkCountry, checkRegion } from '../../platform/places';
import { RateKind, type RateBand } from './zone.entity';

/** The input rules of zones and methods, and the pricing of a parcel: pure functions, with a fast spec beside them. */

export const MAX_NAME_LENGTH = 100;
export const MAX_BANDS = 50;
export const MAX_DAYS = 90;
/** The most a band boundary or a price may be (minor units or grams). */
export const MAX_AMOUNT = 100_000_000;

export interface ZoneShape {
  readonly name: string;
  readonly countries: readonly string[];
  readonly regions?: readonly string[] | null;
}

export interface MethodShape {
  readonly name: string;
  readonly kind: RateKind;
  readonly currency: string;
  readonly amount?: number | null;
  readonly bands?: ReadonlyArray<{ readonly from: number; readonly to?: number | null; readonly amount: number }> | null;
  readonly freeOver?: number | null;
  readonly minDays: number;
  readonly maxDays: number;
  readonly pickupLocation?: string | null;
}

/** A destination and a parcel, as a quote sees them. */
export interface Parcel {
  readonly country: string;
  readonly region: string | null;
  readonly currency: string;
  readonly subtotal: number;
  /** Null when a product's weight is unknown. */
  readonly weightGrams: number | null;
}

const checkName = (value: string, field: string): string => requiredText(value, field, MAX_NAME_LENGTH);

function checkAmount(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_AMOUNT) throw badInput(`${field} must be a whole number from 0 to ${MAX_AMOUNT}`, field);
  return value;
}

export function checkZone(input: ZoneShape): { name: string; countries: string[]; regions: string[] } {
  const name = checkName(input.name, 'name');
  const { countries, regions } = checkArea(input.countries, input.regions);
  return { name, countries, regions };
}

/**
 * Bands contiguous from 0, each [from, to), only the last without an upper
 * limit: a gap would leave some carts without a price, found at checkout
 * instead of here, and an overlap would give two prices.
 */
export function checkBands(bands: NonNullable<MethodShape['bands']>): RateBand[] {
  if (bands.length === 0 || bands.length > MAX_BANDS) throw badInput(`bands must list 1 to ${MAX_BANDS} bands`, 'bands');
  let expected = 0;
  return bands.map((band, i) => {
    const field = `bands.${i}`;
    const from = checkAmount(band.from, `${field}.from`);
    const to = band.to === null || band.to === undefined ? null : checkAmount(band.to, `${field}.to`);
    const amount = checkAmount(band.amount, `${field}.amount`);
    if (from > expected) throw badInput(`${field} starts at ${from}, leaving a gap from ${expected}: bands must be contiguous from 0`, `${field}.from`);
    if (from < expected) throw badInput(`${field} starts at ${from}, overlapping the band before it (which ends at ${expected})`, `${field}.from`);
    if (to !== null && to <= from) throw badInput(`${field} must end after it starts`, `${field}.to`);
    if (to === null && i < bands.length - 1) throw badInput(`${field} has no upper limit, so it must be the last band`, `${field}.to`);
    expected = to ?? expected;
    return Object.assign({}, { from, to, amount });
  });
}

export function checkMethod(input: MethodShape): Required<{ [K in keyof MethodShape]: NonNullable<MethodShape[K]> | null }> & { bands: RateBand[] } {
  const name = checkName(input.name, 'name');
  if (!isCurrencyCode(input.currency)) throw badInput('currency must be an ISO 4217 code such as EUR', 'currency');
  const banded = input.kind === RateKind.WEIGHT || input.kind === RateKind.SUBTOTAL;
  if (banded && input.amount !== null && input.amount !== undefined) throw badInput(`amount is for FLAT and PICKUP methods; ${input.kind} prices come from bands`, 'amount');
  if (!banded && input.bands?.length) throw badInput(`bands are for WEIGHT and SUBTOTAL methods, not ${input.kind}`, 'bands');
  if (!banded && (input.amount === null || input.amount === undefined)) throw badInput(`a ${input.kind} method needs an amount`, 'amount');
  const bands = banded ? checkBands(input.bands ?? []) : [];
  const amount = banded ? null : checkAmount(input.amount as number, 'amount');
  const freeOver = input.freeOver === null || input.freeOver === undefined ? null : checkAmount(input.freeOver, 'freeOver');
  if (!Number.isInteger(input.minDays) || input.minDays < 0 || input.minDays > MAX_DAYS) throw badInput(`minDays must be 0 to ${MAX_DAYS}`, 'minDays');
  if (!Number.isInteger(input.maxDays) || input.maxDays < input.minDays || input.maxDays > MAX_DAYS) throw badInput(`maxDays must be minDays to ${MAX_DAYS}`, 'maxDays');
  const pickup = input.pickupLocation?.trim() || null;
  if (input.kind === RateKind.PICKUP && !pickup) throw badInput('a PICKUP method needs a pickupLocation', 'pickupLocation');
  if (input.kind !== RateKind.PICKUP && pickup) throw badInput('pickupLocation is for PICKUP methods only', 'pickupLocation');
  const pickupLocation = pickup ? checkName(pickup, 'pickupLocation') : null;
  return { name, kind: input.kind, currency: input.currency, amount, bands, freeOver, minDays: input.minDays, maxDays: input.maxDays, pickupLocation };
}

export function checkParcel(input: { country: string; region?: string | null; currency: string; subtotal: number; weightGrams?: number | null }): Parcel {
  const country = checkCountry(input.country);
  const region = input.region?.trim() ? checkRegion(input.region, country) : null;
  if (!isCurrencyCode(input.currency)) throw badInput('currency must be an ISO 4217 code such as EUR', 'currency');
  const subtotal = checkAmount(input.subtotal, 'subtotal');
  const weightGrams = input.weightGrams === null || input.weightGrams === undefined ? null : checkAmount(input.weightGrams, 'weightGrams');
  return { country, region, currency: input.currency, subtotal, weightGrams };
}

/** A method's price for a parcel, or null when the method does not apply to it (other currency, no band, no weight). */
export function priceOf(
  method: { readonly kind: RateKind; readonly currency: string; readonly amount: number | null; readonly bands: readonly RateBand[]; readonly freeOver: number | null },
  parcel: Parcel,
): number | null {
  if (method.currency !== parcel.currency) return null;
  const measure = method.kind === RateKind.WEIGHT ? parcel.weightGrams : method.kind === RateKind.SUBTOTAL ? parcel.subtotal : null;
  let price: number | null;
  if (method.kind === RateKind.FLAT || method.kind === RateKind.PICKUP) price = method.amount;
  else if (measure === null) price = null;
  else price = method.bands.find((band) => measure >= band.from && (band.to === null || measure < band.to))?.amount ?? null;
  if (price === null) return null;
  return method.freeOver !== null && parcel.subtotal >= method.freeOver ? 0 : price;
}
