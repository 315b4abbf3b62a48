import { badInputOf } from '../../test/support/refusals';
import { PriceRuleKind } from './price-rule.entity';
import { PromotionEntity, PromotionKind } from './promotion.entity';
import { checkPriceRule, checkPromotion, checkTaxZone, codeKeyOf, codeRefusal, type CodeUse } from './promotion.rules';

const at = new Date('2026-06-01T12:00:00Z');
const code = (fields: Partial<PromotionEntity> = {}): PromotionEntity =>
  Object.assign(new PromotionEntity(), { name: 'Save', code: 'Save10', codeKey: 'SAVE10', kind: PromotionKind.PERCENTAGE, value: 10, currency: 'EUR', ...fields });
const use = (fields: Partial<CodeUse> = {}): CodeUse => ({ at, currency: 'EUR', subtotal: 5000, others: [], customerUses: 0, ...fields });
const reason = (p: PromotionEntity | null, u: CodeUse = use()) => codeRefusal(p, 'SAVE10', u)?.extensions.reason ?? null;

describe('promotion rules', () => {
  it('refuses a percentage over 100, a negative or zero amount and limits below one at creation', () => {
    const base = { name: 'Promo', currency: 'EUR' };
    expect(badInputOf(() => checkPromotion({ ...base, kind: PromotionKind.PERCENTAGE, value: 101 })).field).toBe('value');
    expect(badInputOf(() => checkPromotion({ ...base, kind: PromotionKind.FIXED, value: -1 })).field).toBe('value');
    expect(badInputOf(() => checkPromotion({ ...base, kind: PromotionKind.FIXED, value: 0 })).field).toBe('value');
    expect(badInputOf(() => checkPromotion({ ...base, kind: PromotionKind.PERCENTAGE, value: 5, usageLimit: 0 })).field).toBe('usageLimit');
    expect(badInputOf(() => checkPromotion({ ...base, kind: PromotionKind.BUY_X_GET_Y, buyQuantity: 2, getQuantity: 1 })).field).toBe('variantId');
    expect(badInputOf(() => checkPromotion({ ...base, kind: PromotionKind.PERCENTAGE, value: 5, code: 'a b' })).field).toBe('code');
    expect(badInputOf(() => checkPromotion({ ...base, kind: PromotionKind.PERCENTAGE, value: 5, startsAt: at, endsAt: at })).field).toBe('endsAt');
    expect(checkPromotion({ ...base, kind: PromotionKind.FREE_SHIPPING, code: ' ship-free ' })).toMatchObject({ code: 'ship-free', value: 0, stackable: true, priority: 0 });
  });

  it('matches codes whatever their case and surrounding spaces', () => {
    expect(codeKeyOf('  save10 ')).toBe('SAVE10');
  });

  it('refuses a price rule with both or neither of amount and percentOff, a sale without a target, a tier from one unit', () => {
    const base = { currency: 'EUR', variantId: 'p1' };
    expect(badInputOf(() => checkPriceRule({ ...base, kind: PriceRuleKind.SALE })).field).toBe('amount');
    expect(badInputOf(() => checkPriceRule({ ...base, kind: PriceRuleKind.SALE, amount: 1, percentOff: 1 })).field).toBe('amount');
    expect(badInputOf(() => checkPriceRule({ kind: PriceRuleKind.SALE, currency: 'EUR', amount: 1 })).field).toBe('variantId');
    expect(badInputOf(() => checkPriceRule({ ...base, kind: PriceRuleKind.TIER, percentOff: 5, minQuantity: 1 })).field).toBe('minQuantity');
    expect(badInputOf(() => checkPriceRule({ ...base, kind: PriceRuleKind.GROUP, percentOff: 5 })).field).toBe('customerGroup');
    expect(checkPriceRule({ ...base, kind: PriceRuleKind.GROUP, percentOff: 30, customerGroup: 'wholesale' })).toMatchObject({ customerGroup: 'WHOLESALE', minQuantity: 1 });
  });

  it('refuses a tax zone with a bad country, a stray region or a rate over 100%', () => {
    const base = { name: 'EU', countries: ['fr'], standardRate: 2000, reducedRate: 550 };
    expect(checkTaxZone(base)).toMatchObject({ countries: ['FR'], regions: [], zeroRate: 0 });
    expect(badInputOf(() => checkTaxZone({ ...base, countries: ['France'] })).field).toBe('countries.0');
    expect(badInputOf(() => checkTaxZone({ ...base, regions: ['DE-BY'] })).field).toBe('regions');
    expect(badInputOf(() => checkTaxZone({ ...base, standardRate: 10_001 })).field).toBe('standardRate');
  });

  it('gives each reason a code cannot be used its own refusal, and none to a usable code', () => {
    expect(reason(code())).toBeNull();
    expect(reason(null)).toBe('DISCOUNT_UNKNOWN');
    expect(reason(code({ active: false }))).toBe('DISCOUNT_UNKNOWN');
    expect(reason(code({ startsAt: new Date(at.getTime() + 1) }))).toBe('DISCOUNT_NOT_YET_VALID');
    expect(reason(code({ endsAt: at }))).toBe('DISCOUNT_EXPIRED');
    expect(reason(code({ currency: 'USD' }))).toBe('DISCOUNT_WRONG_CURRENCY');
    expect(reason(code({ minSubtotal: 5001 }))).toBe('DISCOUNT_BELOW_MINIMUM');
    expect(reason(code({ stackable: false }), use({ others: [code({ id: 'other' })] }))).toBe('DISCOUNT_NOT_STACKABLE');
    expect(reason(code(), use({ others: [code({ id: 'other', stackable: false })] }))).toBe('DISCOUNT_NOT_STACKABLE');
    expect(reason(code({ usageLimit: 10, used: 10 }))).toBe('DISCOUNT_EXHAUSTED');
    expect(reason(code({ perCustomerLimit: 1 }), use({ customerUses: 1 }))).toBe('DISCOUNT_EXHAUSTED');
    expect(codeRefusal(null, 'NOPE', use())?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
  });
});
