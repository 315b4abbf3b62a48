import { badInputOf } from '../../test/support/refusals';
import { checkPaymentMethod, checkRefundAmount, checkTerms, type TermsInput } from './payment.rules';

const TERMS: TermsInput = { orderId: 'order-1', customerId: 'user-1', amount: 4200, currency: 'EUR' };

describe('checkTerms', () => {
  it('accepts terms without lines, and lines that add up to the amount', () => {
    expect(checkTerms(TERMS)).toEqual({ ...TERMS, lines: [] });
    const lines = [
      { productId: 'p1', quantity: 2, unitPrice: 1200 },
      { productId: 'p2', quantity: 1, unitPrice: 1800 },
      { productId: 'p3', quantity: 1, unitPrice: 0 },
    ];
    expect(checkTerms({ ...TERMS, lines }).lines).toEqual(lines);
    expect(checkTerms({ ...TERMS, amount: 99_999_999 }).amount).toBe(99_999_999);
  });

  it('keeps the variant a line names for the receipt (its SKU and option values as placed)', () => {
    const lines = [
      { productId: 'p1', variantId: 'v1', sku: 'TEE-M', optionValues: [{ option: 'Size', value: 'M' }], quantity: 2, unitPrice: 1200 },
      { productId: 'shipping:express', quantity: 1, unitPrice: 1800 },
    ];
    expect(checkTerms({ ...TERMS, lines }).lines).toEqual(lines);
  });

  it.each([
    ['a blank order id', { orderId: ' ' }, 'orderId', 'orderId must be 1 to 100 characters'],
    ['a blank customer id', { customerId: '' }, 'customerId', 'customerId must be 1 to 100 characters'],
    ['an amount of 0', { amount: 0 }, 'amount', 'amount must be a whole number of minor units from 1 to 99999999'],
    ['a fractional amount', { amount: 10.5 }, 'amount', 'amount must be a whole number of minor units from 1 to 99999999'],
    ['an amount over what providers take', { amount: 100_000_000 }, 'amount', 'amount must be a whole number of minor units from 1 to 99999999'],
    ['a lower-case currency', { currency: 'eur' }, 'currency', 'currency must be an ISO 4217 code in capitals, such as EUR'],
    ['too many lines', { lines: Array.from({ length: 101 }, () => ({ productId: 'p', quantity: 1, unitPrice: 1 })) }, 'lines', 'at most 100 lines'],
    ['a line without a product', { lines: [{ productId: '', quantity: 1, unitPrice: 4200 }] }, 'lines.0.productId', 'lines.0.productId must be 1 to 100 characters'],
    ['a line with a blank variant', { lines: [{ productId: 'p', variantId: ' ', quantity: 1, unitPrice: 4200 }] }, 'lines.0.variantId', 'lines.0.variantId must be 1 to 100 characters'],
    ['a line of 0 units', { lines: [{ productId: 'p', quantity: 0, unitPrice: 4200 }] }, 'lines.0.quantity', 'quantity must be a positive whole number'],
    ['a negative unit price', { lines: [{ productId: 'p', quantity: 1, unitPrice: -1 }] }, 'lines.0.unitPrice', 'unitPrice must be a whole number of minor units, 0 or more'],
    ['lines that do not add up', { lines: [{ productId: 'p', quantity: 2, unitPrice: 2000 }] }, 'lines', 'lines add up to 4000, not to the amount 4200'],
  ])('refuses %s', (_case, change, field, message) => {
    expect(badInputOf(() => checkTerms({ ...TERMS, ...change }))).toEqual({ field, message });
  });
});

describe('checkRefundAmount', () => {
  it('accepts no amount (the rest) and a positive one', () => {
    expect(() => checkRefundAmount(null)).not.toThrow();
    expect(() => checkRefundAmount(1)).not.toThrow();
  });

  it.each([0, -5, 1.5])('refuses %d', (amount) => {
    expect(badInputOf(() => checkRefundAmount(amount))).toEqual({ field: 'amount', message: 'amount must be a positive whole number of minor units' });
  });
});

describe('checkPaymentMethod', () => {
  it('accepts a payment method id', () => {
    expect(() => checkPaymentMethod('pm_card_visa')).not.toThrow();
  });

  it.each(['4242424242424242', 'pm_', 'pm_card visa', `pm_${'a'.repeat(101)}`])('refuses %s without echoing it', (method) => {
    const refusal = badInputOf(() => checkPaymentMethod(method));
    expect(refusal).toEqual({ field: 'paymentMethod', message: 'paymentMethod must be a payment method id such as pm_card_visa; card numbers are never accepted' });
  });
});
