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

/**
 * Letters, digits, hyphens, underscores and dots; 2 to 64 characters; starts
 * with a letter or digit. Supplier feeds use all of these ("acme-123", "AB_12.3").
 */
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/;
export const SKU_RULE = 'letters, digits, "-", "_" and ".", 2 to 64 characters, starting with a letter or digit (e.g. "MUG-CLASSIC", "acme-123"); surrounding spaces are trimmed';

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

/** Expects a trimmed SKU (normalizeSku). */
export function checkSku(sku: string): FieldError | null {
  return SKU_PATTERN.test(sku) ? null : invalid('sku', `sku "${sku}" is not valid: use ${SKU_RULE}`);
}

/** A SKU as stored: trimmed, case kept. */
export function normalizeSku(sku: string): string {
  return sku.trim();
}

/** What SKUs are unique by and looked up by: "acme-123" and "ACME-123" are one product. */
export function skuKeyOf(sku: string): string {
  return normalizeSku(sku).toLowerCase();
}

/** The SKUs of a bulk call: each may be given once (ignoring case); an error for every item whose SKU repeats. */
export function checkRepeatedSkus(skus: readonly string[]): Array<FieldError | null> {
  const occurrences = new Map<string, number>();
  for (const sku of skus) occurrences.set(skuKeyOf(sku), (occurrences.get(skuKeyOf(sku)) ?? 0) + 1);
  return skus.map((sku) => {
    const times = occurrences.get(skuKeyOf(sku)) ?? 0;
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
  if (currency && !normalizeCurrency(currency)) throw badInput(`currency "${currency}" is not an ISO 4217 code`, 'filter.currency');
}

/** Shipping measures: weight in grams, sides in millimetres; null clears one. */
const MEASURES = [
  ['weightGrams', 0, 1_000_000],
  ['lengthMm', 1, 10_000],
  ['widthMm', 1, 10_000],
  ['heightMm', 1, 10_000],
] as const;

/** The first violation, for the single-product mutations; the bulk upsert reports all of them (checkAllFields). */
export function checkFields(input: ProductFieldsInput): { fields: ProductFields } | { error: FieldError } {
  const { fields, errors } = checkAllFields(input);
  return errors.length > 0 ? { error: errors[0] } : { fields };
}

/** Every violation of one product's fields, in field order, and the fields that passed. */
export function checkAllFields(input: ProductFieldsInput): { fields: ProductFields; errors: FieldError[] } {
  const fields: ProductFields = {};
  const errors: FieldError[] = [];
  const required = (field: string) => invalid(field, `${field} cannot be null`);

  if (input.name !== undefined) {
    const name = input.name?.trim();
    if (input.name === null) errors.push(required('name'));
    else if (!name) errors.push(invalid('name', 'name must not be empty'));
    else if (name.length > LIMITS.name) errors.push(invalid('name', `name must be at most ${LIMITS.name} characters`));
    else fields.name = name;
  }
  if (input.description !== undefined) {
    const description = input.description?.trim() || null;
    if (description && description.length > LIMITS.description) {
      errors.push(invalid('description', `description must be at most ${LIMITS.description} characters`));
    } else fields.description = description;
  }
  if (input.priceAmount !== undefined) {
    if (input.priceAmount === null) errors.push(required('priceAmount'));
    else if (!Number.isSafeInteger(input.priceAmount) || input.priceAmount < 0) {
      errors.push(invalid('priceAmount', 'priceAmount must be a whole number of minor units (cents), 0 or more'));
    } else fields.priceAmount = input.priceAmount;
  }
  if (input.currency !== undefined) {
    const currency = normalizeCurrency(input.currency);
    if (input.currency === null) errors.push(required('currency'));
    else if (!currency) errors.push(invalid('currency', `currency "${input.currency}" is not an ISO 4217 code, e.g. "EUR"`));
    else fields.currency = currency;
  }
  if (input.status !== undefined) {
    if (input.status === null) errors.push(required('status'));
    else fields.status = input.status;
  }
  if (input.categoryIds !== undefined) {
    const ids = [...new Set(input.categoryIds ?? [])];
    if (ids.length > LIMITS.categories) errors.push(invalid('categoryIds', `a product can be in at most ${LIMITS.categories} categories`));
    else fields.categoryIds = ids.sort();
  }
  if (input.attributes !== undefined) {
    const checked = checkAttributes(input.attributes ?? []);
    if (checked.errors.length > 0) errors.push(...checked.errors);
    else fields.attributes = checked.attributes;
  }
  if (input.media !== undefined) {
    const checked = checkMedia(input.media ?? []);
    if (checked.errors.length > 0) errors.push(...checked.errors);
    else fields.media = checked.media;
  }
  for (const [field, min, max] of MEASURES) {
    const value = input[field];
    if (value === undefined) continue;
    if (value !== null && (!Number.isSafeInteger(value) || value < min || value > max)) errors.push(invalid(field, `${field} must be a whole number from ${min} to ${max}`));
    else fields[field] = value;
  }
  return { fields, errors };
}

/** The fields a new product cannot do without; an upsert of an existing SKU may leave them out. */
export function checkCreatable(fields: ProductFields, errors: readonly FieldError[]): FieldError[] {
  const missing: FieldError[] = [];
  for (const field of ['name', 'priceAmount', 'currency'] as const) {
    if (fields[field] === undefined && !errors.some((error) => error.field === field)) {
      missing.push(invalid(field, `${field} is required to create a product (the SKU is new)`));
    }
  }
  return missing;
}

/** A currency code in any case, as stored (upper case); null when it is not ISO 4217. */
export function normalizeCurrency(value: string | null): string | null {
  const code = value?.trim().toUpperCase() ?? '';
  return isCurrencyCode(code) ? code : null;
}

function checkAttributes(input: NonNullable<ProductFieldsInput['attributes']>): { attributes: ProductAttribute[]; errors: FieldError[] } {
  if (input.length > LIMITS.attributes) return { attributes: [], errors: [invalid('attributes', `a product has at most ${LIMITS.attributes} attributes`)] };
  const seen = new Set<string>();
  const attributes: ProductAttribute[] = [];
  const errors: FieldError[] = [];
  for (const [i, attribute] of input.entries()) {
    const key = attribute.key.trim();
    if (!key || key.length > LIMITS.attributeKey) {
      errors.push(invalid(`attributes.${i}.key`, `attribute keys must be 1 to ${LIMITS.attributeKey} characters`));
    } else if (seen.has(key.toLowerCase())) errors.push(invalid(`attributes.${i}.key`, `attribute "${key}" is given more than once`));
    seen.add(key.toLowerCase());
    if (attribute.value.length > LIMITS.attributeValue) {
      errors.push(invalid(`attributes.${i}.value`, `attribute values must be at most ${LIMITS.attributeValue} characters`));
    }
    attributes.push({ key, value: attribute.value });
  }
  return { attributes, errors };
}

function checkMedia(input: NonNullable<ProductFieldsInput['media']>): { media: ProductMedia[]; errors: FieldError[] } {
  if (input.length > LIMITS.media) return { media: [], errors: [invalid('media', `a product has at most ${LIMITS.media} media`)] };
  const media: ProductMedia[] = [];
  const errors: FieldError[] = [];
  for (const [i, item] of input.entries()) {
    if (!isWebUrl(item.url) || item.url.length > LIMITS.mediaUrl) {
      errors.push(invalid(`media.${i}.url`, `media urls must be absolute http(s) URLs of at most ${LIMITS.mediaUrl} characters`));
    }
    if (item.alt.length > LIMITS.mediaAlt) errors.push(invalid(`media.${i}.alt`, `alt text must be at most ${LIMITS.mediaAlt} characters`));
    const position = item.position ?? i;
    if (!Number.isSafeInteger(position) || position < 0) errors.push(invalid(`media.${i}.position`, 'position must be 0 or more'));
    media.push({ url: item.url, alt: item.alt, position });
  }
  // Stable: equal positions keep the order they were given in.
  return { media: media.sort((a, b) => a.position - b.position), errors };
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
