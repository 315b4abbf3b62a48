import type { GraphQLError } from 'graphql';
import { appError, badInput, conflict } from '../../platform/errors';
import type { ProductOption, VariantOptionValue } from './product.entity';

/**
 * What makes options and variants valid (README "Variants"). A product's
 * options name the ways it varies; each of its variants takes exactly one
 * value of every option, and no two live (not ARCHIVED) variants share a
 * combination. Names and values match ignoring case and surrounding spaces
 * and are stored as the options spell them.
 */

export const OPTION_LIMITS = { options: 3, values: 50, name: 64, value: 64, title: 200 } as const;

/** The title of a variant without options (the default variant of a product sold as one). */
export const DEFAULT_TITLE = 'Default';

export interface OptionInput {
  readonly name: string;
  readonly values: readonly string[];
}

export interface OptionValueInput {
  readonly option: string;
  readonly value: string;
}

const keyOf = (text: string): string => text.trim().toLowerCase();

/** The options as stored: trimmed, each name and each of its values once; BAD_USER_INPUT naming the first fault. */
export function checkOptions(input: readonly OptionInput[], field = 'options'): ProductOption[] {
  if (input.length > OPTION_LIMITS.options) throw badInput(`a product has at most ${OPTION_LIMITS.options} options`, field);
  const names = new Set<string>();
  return input.map((option, i) => {
    const name = option.name.trim();
    if (!name || name.length > OPTION_LIMITS.name) throw badInput(`option names must be 1 to ${OPTION_LIMITS.name} characters`, `${field}.${i}.name`);
    if (names.has(keyOf(name))) throw badInput(`option "${name}" is given more than once`, `${field}.${i}.name`);
    names.add(keyOf(name));
    if (option.values.length === 0 || option.values.length > OPTION_LIMITS.values) {
      throw badInput(`option "${name}" needs 1 to ${OPTION_LIMITS.values} values`, `${field}.${i}.values`);
    }
    const seen = new Set<string>();
    const values = option.values.map((raw, j) => {
      const value = raw.trim();
      if (!value || value.length > OPTION_LIMITS.value) throw badInput(`option values must be 1 to ${OPTION_LIMITS.value} characters`, `${field}.${i}.values.${j}`);
      if (seen.has(keyOf(value))) throw badInput(`value "${value}" of option "${name}" is given more than once`, `${field}.${i}.values.${j}`);
      seen.add(keyOf(value));
      return value;
    });
    return { name, values };
  });
}

/**
 * A variant's option values in the order of the product's options, spelt as
 * they are: one value of every option, none of another. BAD_USER_INPUT with
 * reason OPTION_VALUES_MISMATCH otherwise (also for a product without options).
 */
export function matchOptionValues(options: readonly ProductOption[], input: readonly OptionValueInput[], field = 'optionValues'): VariantOptionValue[] {
  if (options.length === 0) throw mismatch('the product has no options, so it is sold as its one default variant: define its options first (setProductOptions)', field);
  const given = new Map<string, OptionValueInput>();
  for (const [i, pair] of input.entries()) {
    const known = options.find((option) => keyOf(option.name) === keyOf(pair.option));
    if (!known) throw mismatch(`the product has no option "${pair.option.trim()}" (its options: ${options.map((o) => o.name).join(', ')})`, `${field}.${i}.option`);
    if (given.has(keyOf(known.name))) throw mismatch(`option "${known.name}" is given more than once`, `${field}.${i}.option`);
    given.set(keyOf(known.name), pair);
  }
  return options.map((option) => {
    const pair = given.get(keyOf(option.name));
    if (!pair) throw mismatch(`a value of option "${option.name}" is required (one of ${option.values.join(', ')})`, field);
    const value = option.values.find((v) => keyOf(v) === keyOf(pair.value));
    if (value === undefined) throw mismatch(`"${pair.value.trim()}" is not a value of option "${option.name}" (one of ${option.values.join(', ')})`, `${field}.${input.indexOf(pair)}.value`);
    return { option: option.name, value };
  });
}

/** The default variant's values when options are first defined: those given, or the first value of each option. */
export function defaultValues(options: readonly ProductOption[], input: readonly OptionValueInput[] | null | undefined, field = 'defaultVariantValues'): VariantOptionValue[] {
  if (input && input.length > 0) return matchOptionValues(options, input, field);
  return options.map((option) => ({ option: option.name, value: option.values[0] }));
}

/** Existing values re-read against new options: null when they no longer fit (a value or option removed, one added). */
export function refit(options: readonly ProductOption[], values: readonly VariantOptionValue[]): VariantOptionValue[] | null {
  try {
    return matchOptionValues(options, values);
  } catch {
    return null;
  }
}

/** What two variants with the same option values share. */
export const combinationKey = (values: readonly VariantOptionValue[]): string => values.map((v) => `${keyOf(v.option)}=${keyOf(v.value)}`).join('\u0000');

/** CONFLICT with reason VARIANT_COMBINATION_EXISTS when `values` are those of another live variant. */
export function checkNewCombination(values: readonly VariantOptionValue[], others: ReadonlyArray<{ readonly id: string; readonly optionValues: readonly VariantOptionValue[] }>, field = 'optionValues'): void {
  const taken = others.find((other) => combinationKey(other.optionValues) === combinationKey(values));
  if (taken) {
    throw conflict(`Variant ${taken.id} already has ${describe(values)}: change or archive it, or choose other values`, { reason: 'VARIANT_COMBINATION_EXISTS', field, variantId: taken.id });
  }
}

/** "M / Blue"; the default title for a variant without option values. */
export function variantTitle(values: readonly VariantOptionValue[], given?: string | null, field = 'title'): string {
  if (given !== undefined && given !== null) {
    const title = given.trim();
    if (!title || title.length > OPTION_LIMITS.title) throw badInput(`title must be 1 to ${OPTION_LIMITS.title} characters`, field);
    return title;
  }
  return values.length > 0 ? values.map((v) => v.value).join(' / ') : DEFAULT_TITLE;
}

const describe = (values: readonly VariantOptionValue[]): string => values.map((v) => `${v.option}: ${v.value}`).join(', ');

const mismatch = (message: string, field: string): GraphQLError => appError('BAD_USER_INPUT', message, { field, reason: 'OPTION_VALUES_MISMATCH' });

/** CONFLICT with reason SKU_TAKEN: every product's and variant's SKU is unique (ignoring case). */
export const skuTaken = (sku: string, field = 'sku'): GraphQLError => conflict(`A product or variant with SKU ${sku} already exists`, { field, reason: 'SKU_TAKEN' });
