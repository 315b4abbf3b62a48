import { isISO4217CurrencyCode } from 'class-validator';

/**
 * The one place that decides what a currency code is: ISO 4217, written in
 * capitals ("EUR"). The list is validator.js's, the same one class-validator's
 * `@IsISO4217CurrencyCode` uses, so every subgraph accepts the same codes.
 */
export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && isISO4217CurrencyCode(value);
}
