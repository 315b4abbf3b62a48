import { checkId, requiredText } from '../../platform/checks';
import { appError, badInput } from '../../platform/errors';
import type { GraphQLError } from 'graphql';
import { ShippingAddressEntity } from './shipping.entity';

/** The shipping address rules and the refusals of a shipping choice at placement; order.rules.test.ts style spec beside. */

interface AddressShape {
  readonly recipient: string;
  readonly line1: string;
  readonly line2?: string | null;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
  readonly region?: string | null;
}

const text = (value: string, max: number, field: string): string => requiredText(value, field, max);

/** A checked address: text fields trimmed, country and region in capitals, the region inside the country. */
export function checkAddress(input: AddressShape, field = 'address'): ShippingAddressEntity {
  const country = input.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw badInput(`${field}.country must be an ISO 3166-1 alpha-2 code such as FR`, `${field}.country`);
  const region = input.region?.trim().toUpperCase() || null;
  if (region !== null && !new RegExp(`^${country}-[A-Z0-9]{1,3}$`).test(region)) {
    throw badInput(`${field}.region must be an ISO 3166-2 code in ${country}, such as ${country}-75`, `${field}.region`);
  }
  const line2 = input.line2?.trim() || null;
  return Object.assign(new ShippingAddressEntity(), {
    recipient: text(input.recipient, 100, `${field}.recipient`),
    line1: text(input.line1, 200, `${field}.line1`),
    line2: line2 === null ? null : text(line2, 200, `${field}.line2`),
    city: text(input.city, 100, `${field}.city`),
    postalCode: text(input.postalCode, 20, `${field}.postalCode`),
    country,
    region,
  });
}

export function checkMethodId(methodId: string, field = 'methodId'): string {
  return checkId(methodId, field);
}

/** The parcel's weight: the sum over the lines, or null when a product's weight is unknown. */
export function parcelWeight(lines: ReadonlyArray<{ readonly quantity: number; readonly weightGrams: number | null }>): number | null {
  let grams = 0;
  for (const line of lines) {
    if (line.weightGrams === null) return null;
    grams += line.weightGrams * line.quantity;
  }
  return grams;
}

export const noShippingToAddress = (country: string, field: string): GraphQLError =>
  appError('BAD_USER_INPUT', `The shop does not ship to ${country}: no shipping zone covers this address`, { field, reason: 'NO_SHIPPING_TO_ADDRESS', country });

export const shippingMethodUnavailable = (methodId: string, field: string): GraphQLError =>
  appError('BAD_USER_INPUT', `Shipping method ${methodId} is not offered for this address and these products: choose one of the shipping options`, {
    field,
    reason: 'SHIPPING_METHOD_UNAVAILABLE',
    methodId,
  });
