import type { GraphQLError } from 'graphql';
import { isCurrencyCode } from '../../platform/currencies';
import { appError, badInput, conflict, type RefusalReason } from '../../platform/errors';
import { checkArea } from '../../platform/places';
import type { PriceRuleInput, PromotionInput, TaxZoneInput } from './pricing.inputs';
import { PriceRuleKind } from './price-rule.entity';
import { PromotionKind, type PromotionEntity } from './promotion.entity';

const CODE = /^[A-Za-z0-9_-]{4,40}$/;
const MAX_GROUP = 40;

function whole(value: number, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) throw badInput(`${field} must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`, field);
  return value;
}

function name(value: string, field = 'name'): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > 100) throw badInput(`${field} must be 1 to 100 characters`, field);
  return trimmed;
}

function currency(value: string): string {
  const code = value.trim().toUpperCase();
  if (!isCurrencyCode(code)) throw badInput('currency must be an ISO 4217 code such as EUR', 'currency');
  return code;
}

function window(startsAt: Date | null | undefined, endsAt: Date | null | undefined): { startsAt: Date | null; endsAt: Date | null } {
  if (startsAt && endsAt && endsAt <= startsAt) throw badInput('endsAt must be after startsAt', 'endsAt');
  return { startsAt: startsAt ?? null, endsAt: endsAt ?? null };
}

/** A discount code as typed: case and surrounding spaces do not matter. */
export function codeKeyOf(code: string): string {
  return code.trim().toUpperCase();
}

export function checkCode(code: string, field = 'code'): string {
  const trimmed = code.trim();
  if (!CODE.test(trimmed)) throw badInput(`${field} must be 4 to 40 letters, digits, - or _`, field);
  return trimmed;
}

export function checkGroup(group: string, field = 'group'): string {
  const key = group.trim().toUpperCase();
  if (!key || key.length > MAX_GROUP || !/^[A-Z0-9_-]+$/.test(key)) throw badInput(`${field} must be 1 to ${MAX_GROUP} letters, digits, - or _`, field);
  return key;
}

/** A price rule sets a price (amount, 0 or more) or takes a percentage (1-100) off, never both. */
export function checkPriceRule(input: PriceRuleInput) {
  if ((input.amount === null || input.amount === undefined) === (input.percentOff === null || input.percentOff === undefined)) throw badInput('give either amount or percentOff', 'amount');
  const amount = input.amount === null || input.amount === undefined ? null : whole(input.amount, 'amount', 0);
  const percentOff = input.percentOff === null || input.percentOff === undefined ? null : whole(input.percentOff, 'percentOff', 1, 100);
  if (input.kind === PriceRuleKind.SALE && !input.variantId && !input.categoryId) throw badInput('a sale targets a variant (or product) or a category', 'variantId');
  const customerGroup = input.kind === PriceRuleKind.GROUP ? checkGroup(input.customerGroup ?? '', 'customerGroup') : null;
  const minQuantity = input.kind === PriceRuleKind.TIER ? whole(input.minQuantity ?? 0, 'minQuantity', 2, 10_000) : 1;
  return {
    kind: input.kind,
    variantId: input.variantId?.trim() || null,
    categoryId: input.categoryId?.trim() || null,
    currency: currency(input.currency),
    amount,
    percentOff,
    customerGroup,
    minQuantity,
    ...window(input.startsAt, input.endsAt),
  };
}

/** Refused at creation: a percentage over 100, a negative or zero amount, limits below one, a buy-get without quantities. */
export function checkPromotion(input: PromotionInput) {
  const kind = input.kind;
  const value =
    kind === PromotionKind.PERCENTAGE ? whole(input.value ?? -1, 'value', 1, 100) : kind === PromotionKind.FIXED ? whole(input.value ?? -1, 'value', 1) : 0;
  const buy = kind === PromotionKind.BUY_X_GET_Y ? whole(input.buyQuantity ?? 0, 'buyQuantity', 1, 100) : 0;
  const get = kind === PromotionKind.BUY_X_GET_Y ? whole(input.getQuantity ?? 0, 'getQuantity', 1, 100) : 0;
  if ((kind === PromotionKind.BUY_X_GET_Y || kind === PromotionKind.FREE_ITEM_OVER) && !input.variantId) throw badInput(`${kind} needs the item (variantId)`, 'variantId');
  const code = input.code === null || input.code === undefined ? null : checkCode(input.code);
  return {
    name: name(input.name),
    code,
    kind,
    value,
    currency: currency(input.currency),
    variantId: input.variantId?.trim() || null,
    categoryId: input.categoryId?.trim() || null,
    buyQuantity: buy,
    getQuantity: get,
    minSubtotal: whole(input.minSubtotal ?? 0, 'minSubtotal', 0),
    ...window(input.startsAt, input.endsAt),
    usageLimit: input.usageLimit === null || input.usageLimit === undefined ? null : whole(input.usageLimit, 'usageLimit', 1),
    perCustomerLimit: input.perCustomerLimit === null || input.perCustomerLimit === undefined ? null : whole(input.perCustomerLimit, 'perCustomerLimit', 1),
    stackable: input.stackable ?? true,
    priority: whole(input.priority ?? 0, 'priority', -1000, 1000),
  };
}

export function checkTaxZone(input: TaxZoneInput) {
  const { countries, regions } = checkArea(input.countries, input.regions);
  return {
    name: name(input.name),
    countries,
    regions,
    standardRate: whole(input.standardRate, 'standardRate', 0, 10_000),
    reducedRate: whole(input.reducedRate, 'reducedRate', 0, 10_000),
    zeroRate: whole(input.zeroRate ?? 0, 'zeroRate', 0, 10_000),
  };
}


/** What a cart (or an order being placed) offers a code to be checked against. */
export interface CodeUse {
  readonly at: Date;
  readonly currency: string | null;
  readonly subtotal: number;
  /** The other codes already on the cart. */
  readonly others: readonly PromotionEntity[];
  /** Uses the customer has made of it (reserved or committed), this order excluded. */
  readonly customerUses: number;
}

const refusal = (reason: RefusalReason, message: string, code: string): GraphQLError => conflict(message, { reason, code, field: 'code' });

/** Why a code cannot be used now, or null: each refusal with its own reason (README "Refusal reasons"). */
export function codeRefusal(promotion: PromotionEntity | null, typed: string, use: CodeUse): GraphQLError | null {
  if (!promotion || !promotion.code || !promotion.active) return appError('NOT_FOUND', `There is no discount code ${typed}`, { reason: 'DISCOUNT_UNKNOWN', field: 'code', id: typed });
  const code = promotion.code.toUpperCase();
  if (promotion.startsAt && use.at < promotion.startsAt) return refusal('DISCOUNT_NOT_YET_VALID', `The code ${code} is valid from ${promotion.startsAt.toISOString()}`, code);
  if (promotion.endsAt && use.at >= promotion.endsAt) return refusal('DISCOUNT_EXPIRED', `The code ${code} expired on ${promotion.endsAt.toISOString()}`, code);
  if (use.currency && use.currency !== promotion.currency) return refusal('DISCOUNT_WRONG_CURRENCY', `The code ${code} is for carts in ${promotion.currency}, not ${use.currency}`, code);
  if (use.subtotal < promotion.minSubtotal) return refusal('DISCOUNT_BELOW_MINIMUM', `The code ${code} needs a subtotal of at least ${promotion.minSubtotal} minor units`, code);
  if (use.others.length > 0 && (!promotion.stackable || use.others.some((o) => !o.stackable)))
    return refusal('DISCOUNT_NOT_STACKABLE', `The code ${code} cannot be combined with ${use.others.map((o) => o.code?.toUpperCase()).join(', ')}`, code);
  if (promotion.perCustomerLimit !== null && use.customerUses >= promotion.perCustomerLimit) return refusal('DISCOUNT_EXHAUSTED', `You have used the code ${code} as often as it allows`, code);
  if (promotion.usageLimit !== null && promotion.used >= promotion.usageLimit) return refusal('DISCOUNT_EXHAUSTED', `The code ${code} has been used up`, code);
  return null;
}
