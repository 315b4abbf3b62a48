import { badInput } from './errors';

/** Country and region codes, as addresses, shipping zones, tax zones and warehouses name places. */

/** More than every country there is: a longer list is a mistake. */
export const MAX_ZONE_COUNTRIES = 250;
const COUNTRY = /^[A-Z]{2}$/;
const REGION = /^([A-Z]{2})-[A-Z0-9]{1,3}$/;

/** An ISO 3166-1 alpha-2 code, trimmed and upper-cased; anything else refused naming `field`. */
export function checkCountry(value: string, field = 'country'): string {
  const code = value.trim().toUpperCase();
  if (!COUNTRY.test(code)) throw badInput(`${field} must be an ISO 3166-1 alpha-2 code such as FR`, field);
  return code;
}

/** An ISO 3166-2 code (FR-75), trimmed and upper-cased, in `country` when one is given. */
export function checkRegion(value: string, country: string | null, field = 'region'): string {
  const code = value.trim().toUpperCase();
  const match = REGION.exec(code);
  if (!match) throw badInput(`${field} must be an ISO 3166-2 code such as FR-75`, field);
  if (country && match[1] !== country) throw badInput(`${field} ${code} is not in ${country}`, field);
  return code;
}

/**
 * Where a zone applies: 1 to MAX_ZONE_COUNTRIES countries, optionally narrowed to
 * regions of them; duplicates dropped. A region outside every listed country
 * is refused, since it could never match.
 */
export function checkArea(countries: readonly string[], regions: readonly string[] | null | undefined): { countries: string[]; regions: string[] } {
  if (countries.length === 0 || countries.length > MAX_ZONE_COUNTRIES) throw badInput(`countries must list 1 to ${MAX_ZONE_COUNTRIES} codes`, 'countries');
  const checkedCountries = [...new Set(countries.map((c, i) => checkCountry(c, `countries.${i}`)))];
  const checkedRegions = [...new Set((regions ?? []).map((r, i) => checkRegion(r, null, `regions.${i}`)))];
  const stray = checkedRegions.find((r) => !checkedCountries.includes(r.slice(0, 2)));
  if (stray) throw badInput(`region ${stray} is not in any of the zone's countries`, 'regions');
  return { countries: checkedCountries, regions: checkedRegions };
}

/** Where something goes or is sold: a country, and a region of it when known. */
export interface Place {
  readonly country: string;
  readonly region: string | null;
}

/**
 * The zone for a place (a parcel's destination, a buyer's address for tax):
 * one naming its region wins over one naming only its country, and regions
 * narrow only their own country; among equals the first in `zones`. Null:
 * the place is outside every zone.
 */
export function zoneFor<Z extends { readonly countries: readonly string[]; readonly regions: readonly string[] }>(zones: readonly Z[], place: Place): Z | null {
  const inCountry = zones.filter((zone) => zone.countries.includes(place.country));
  const byRegion = inCountry.find((zone) => place.region !== null && zone.regions.includes(place.region));
  return byRegion ?? inCountry.find((zone) => !zone.regions.some((r) => r.startsWith(`${place.country}-`))) ?? null;
}
