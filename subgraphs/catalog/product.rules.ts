import { maxLength } from 'class-validator';
import type { AuditState } from '../../contracts/audit';
import { isCurrencyCode } from '../../platform/currencies';
import { appError, badInput } from '../../platform/errors';
import type { ProductAttribute, ProductEntity, ProductMedia, ProductStatus } from './product.entity';

/**
 * What makes product input valid, shared by createProduct, updateProduct and
 * the bulk upsert. Rules on one product's fields answer a FieldError (the
 * upsert reports it for that item and goes on); rules on a whole call throw
 * BAD_USER_INPUT. Field names are paths in the input: `priceAmount`, `media.2.url`.
 */

/** Items per upsertProducts call: a bigger call is refused whole. */
export const MAX_UPSERT_ITEMS = 500;

/** Capital letters, digits and hyphens; 2 to 64 characters; starts with a letter or digit. */
export const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,63}$/;
export const SKU_RULE = 'capital letters, digits and hyphens, 2 to 64 characters, starting with a letter or digit (e.g. "MUG-CLASSIC")';

export const LIMITS = {
  name: 200,
  description: 5_000,
  categories: 20,
  attributes: 50,
  attributeKey: 64,
  attributeValue: 1_000,
  media: 20,
  mediaUrl: 2_048,
  mediaAlt: 300,
  search: 100,
} as const;

export interface FieldError {
  readonly code: 'BAD_USER_INPUT';
  readonly message: string;
  readonly field: string;
}

const invalid = (field: string, message: string): FieldError => ({ code: 'BAD_USER_INPUT', field, message });

/** Product fields as a client sends them: undefined leaves a field as it is. */
export interface ProductFieldsInput {
  readonly name?: string | null;
  readonly description?: string | null;
  readonly priceAmount?: number | null;
  readonly currency?: string | null;
  readonly status?: ProductStatus | null;
  readonly categoryIds?: readonly string[] | null;
  readonly attributes?: ReadonlyArray<{ readonly key: string; readonly value: string }> | null;
  readonly media?: ReadonlyArray<{ readonly url: string; readonly alt: string; readonly position?: number | null }> | null;
  readonly weightGrams?: number | null;
  readonly lengthMm?: number | null;
  readonly widthMm?: number | null;
  readonly heightMm?: number | null;
}

/** Validated and normalised fields: names trimmed, media in position order. */
export interface ProductFields {
  name?: string;
  description?: string | null;
  priceAmount?: number;
  currency?: string;
  status?: ProductStatus;
  categoryIds?: string[];
  attributes?: ProductAttribute[];
  media?: ProductMedia[];
  weightGrams?: number | null;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
}

export function checkSku(sku: string): FieldError | null {
  return SKU_PATTERN.test(sku) ? null : invalid('sku', `sku "${sku}" is not valid: use ${SKU_RULE}`);
}

/** The SKUs of a bulk call: each may be given once; an error for every item whose SKU repeats. */
export function checkRepeatedSkus(skus: readonly string[]): Array<FieldError | null> {
  const occurrences = new Map<string, number>();
  for (const sku of skus) occurrences.set(sku, (occurrences.get(sku) ?? 0) + 1);
  return skus.map((sku) => {
    const times = occurrences.get(sku) ?? 0;
    return times > 1 ? invalid('sku', `sku ${sku} appears ${times} times in this call; send each SKU once`) : null;
  });
}

export function checkUpsertSize(count: number): void {
  if (count > MAX_UPSERT_ITEMS) throw badInput(`upsertProducts takes at most ${MAX_UPSERT_ITEMS} products per call, got ${count}: send smaller batches`, 'input');
}

/** The listing filter as a client sends it. */
export interface ProductFilterInput {
  readonly search?: string | null;
  readonly minPrice?: number | null;
  readonly maxPrice?: number | null;
  readonly currency?: string | null;
}

export function checkFilter(filter: ProductFilterInput): void {
  const { search, minPrice, maxPrice, currency } = filter;
  if (search && !maxLength(search, LIMITS.search)) {
    // Worded, named and listed as class-validator did when it checked this field: clients may match on it.
    const message = `search must be shorter than or equal to ${LIMITS.search} characters`;
    throw appError('BAD_USER_INPUT', message, { field: 'search', violations: [{ field: 'search', message }] });
  }
  for (const [field, value] of [['minPrice', minPrice], ['maxPrice', maxPrice]] as const) {
    if (value !== null && value !== undefined && value < 0) throw badInput(`${field} must be 0 or more`, `filter.${field}`);
  }
  if (typeof minPrice === 'number' && typeof maxPrice === 'number' && minPrice > maxPrice) {
    throw badInput('minPrice must not be above maxPrice', 'filter.minPrice');
  }
  if (currency && !isCurrencyCode(currency)) throw badInput(`currency "${currency}" is not an ISO 4217 code`, 'filter.currency');
}

/** Shipping measures: weight in grams, sides in millimetres; null clears one. */
const MEASURES = [
  ['weightGrams', 0, 1_000_000],
  ['lengthMm', 1, 10_000],
  ['widthMm', 1, 10_000],
  ['heightMm', 1, 10_000],
] as const;

export function checkFields(input: ProductFieldsInput): { fields: ProductFields } | { error: FieldError } {
  const fields: ProductFields = {};
  const required = (field: string) => invalid(field, `${field} cannot be null`);

  if (input.name !== undefined) {
    if (input.name === null) return { error: required('name') };
    const name = input.name.trim();
    if (!name) return { error: invalid('name', 'name must not be empty') };
    if (name.length > LIMITS.name) return { error: invalid('name', `name must be at most ${LIMITS.name} characters`) };
    fields.name = name;
  }
  if (input.description !== undefined) {
    const description = input.description?.trim() || null;
    if (description && description.length > LIMITS.description) {
      return { error: invalid('description', `description must be at most ${LIMITS.description} characters`) };
    }
    fields.description = description;
  }
  if (input.priceAmount !== undefined) {
    if (input.priceAmount === null) return { error: required('priceAmount') };
    if (!Number.isSafeInteger(input.priceAmount) || input.priceAmount < 0) {
      return { error: invalid('priceAmount', 'priceAmount must be a whole number of minor units (cents), 0 or more') };
    }
    fields.priceAmount = input.priceAmount;
  }
  if (input.currency !== undefined) {
    if (input.currency === null) return { error: required('currency') };
    if (!isCurrencyCode(input.currency)) {
      return { error: invalid('currency', `currency "${input.currency}" is not an ISO 4217 code; use capitals, e.g. "EUR"`) };
    }
    fields.currency = input.currency;
  }
  if (input.status !== undefined) {
    if (input.status === null) return { error: required('status') };
    fields.status = input.status;
  }
  if (input.categoryIds !== undefined) {
    const ids = [...new Set(input.categoryIds ?? [])];
    if (ids.length > LIMITS.categories) return { error: invalid('categoryIds', `a product can be in at most ${LIMITS.categories} categories`) };
    fields.categoryIds = ids.sort();
  }
  if (input.attributes !== undefined) {
    const checked = checkAttributes(input.attributes ?? []);
    if ('error' in checked) return checked;
    fields.attributes = checked.attributes;
  }
  if (input.media !== undefined) {
    const checked = checkMedia(input.media ?? []);
    if ('error' in checked) return checked;
    fields.media = checked.media;
  }
  for (const [field, min, max] of MEASURES) {
    const value = input[field];
    if (value === undefined) continue;
    if (value !== null && (!Number.isSafeInteger(value) || value < min || value > max)) return { error: invalid(field, `${field} must be a whole number from ${min} to ${max}`) };
    fields[field] = value;
  }
  return { fields };
}

function checkAttributes(input: NonNullable<ProductFieldsInput['attributes']>): { attributes: ProductAttribute[] } | { error: FieldError } {
  if (input.length > LIMITS.attributes) return { error: invalid('attributes', `a product has at most ${LIMITS.attributes} attributes`) };
  const seen = new Set<string>();
  const attributes: ProductAttribute[] = [];
  for (const [i, attribute] of input.entries()) {
    const key = attribute.key.trim();
    if (!key || key.length > LIMITS.attributeKey) {
      return { error: invalid(`attributes.${i}.key`, `attribute keys must be 1 to ${LIMITS.attributeKey} characters`) };
    }
    if (seen.has(key.toLowerCase())) return { error: invalid(`attributes.${i}.key`, `attribute "${key}" is given more than once`) };
    seen.add(key.toLowerCase());
    if (attribute.value.length > LIMITS.attributeValue) {
      return { error: invalid(`attributes.${i}.value`, `attribute values must be at most ${LIMITS.attributeValue} characters`) };
    }
    attributes.push({ key, value: attribute.value });
  }
  return { attributes };
}

function checkMedia(input: NonNullable<ProductFieldsInput['media']>): { media: ProductMedia[] } | { error: FieldError } {
  if (input.length > LIMITS.media) return { error: invalid('media', `a product has at most ${LIMITS.media} media`) };
  const media: ProductMedia[] = [];
  for (const [i, item] of input.entries()) {
    if (!isWebUrl(item.url) || item.url.length > LIMITS.mediaUrl) {
      return { error: invalid(`media.${i}.url`, `media urls must be absolute http(s) URLs of at most ${LIMITS.mediaUrl} characters`) };
    }
    if (item.alt.length > LIMITS.mediaAlt) return { error: invalid(`media.${i}.alt`, `alt text must be at most ${LIMITS.mediaAlt} characters`) };
    const position = item.position ?? i;
    if (!Number.isSafeInteger(position) || position < 0) return { error: invalid(`media.${i}.position`, 'position must be 0 or more') };
    media.push({ url: item.url, alt: item.alt, position });
  }
  // Stable: equal positions keep the order they were given in.
  return { media: media.sort((a, b) => a.position - b.position) };
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** What the audit log records of a product; categories must be loaded. */
export function productState(product: ProductEntity): AuditState {
  return {
    sku: product.sku,
    name: product.name,
    description: product.description,
    priceAmount: product.priceAmount,
    currency: product.currency,
    status: product.status,
    categoryIds: product.categories
      .getItems()
      .map((category) => category.id)
      .sort(),
    attributes: product.attributes,
    media: product.media,
    weightGrams: product.weightGrams,
    lengthMm: product.lengthMm,
    widthMm: product.widthMm,
    heightMm: product.heightMm,
  };
}
