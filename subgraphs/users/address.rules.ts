import { isISO31661Alpha2 } from 'class-validator';
import { assertValid, atMost, notBlank, PHONE_RULES, violationsOf } from './user.rules';

/** Enough for home, work and family; keeps a page of addresses one small query. */
export const MAX_ADDRESSES = 20;

/** A whole address as a client sends it (see user.rules.ts for how violations are reported). */
export interface AddressFieldsInput {
  readonly label?: string | null;
  readonly recipient: string;
  readonly line1: string;
  readonly line2?: string | null;
  readonly postalCode: string;
  readonly city: string;
  readonly region?: string | null;
  readonly country: string;
  readonly phone?: string | null;
}

/** A valid address as stored: trimmed, blank optional fields null, the country in capitals. */
export interface AddressFields {
  readonly label: string | null;
  readonly recipient: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly postalCode: string;
  readonly city: string;
  readonly region: string | null;
  readonly country: string;
  readonly phone: string | null;
}

export function checkAddress(input: AddressFieldsInput): AddressFields {
  assertValid([
    ...violationsOf('label', input.label, [atMost('label', 50)]),
    ...violationsOf('recipient', input.recipient, [atMost('recipient', 100), notBlank('recipient')]),
    ...violationsOf('line1', input.line1, [atMost('line1', 200), notBlank('line1')]),
    ...violationsOf('line2', input.line2, [atMost('line2', 200)]),
    ...violationsOf('postalCode', input.postalCode, [atMost('postalCode', 20), notBlank('postalCode')]),
    ...violationsOf('city', input.city, [atMost('city', 100), notBlank('city')]),
    ...violationsOf('region', input.region, [atMost('region', 100)]),
    ...violationsOf('country', input.country, [[(value) => isISO31661Alpha2(value), 'country must be an ISO 3166-1 alpha-2 code such as "DE"']]),
    ...violationsOf('phone', input.phone, PHONE_RULES),
  ]);
  const optional = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
  return {
    label: optional(input.label),
    recipient: input.recipient.trim(),
    line1: input.line1.trim(),
    line2: optional(input.line2),
    postalCode: input.postalCode.trim(),
    city: input.city.trim(),
    region: optional(input.region),
    country: input.country.toUpperCase(),
    phone: input.phone ?? null,
  };
}
