import type { PaymentLineVariables } from '../../contracts/payments-api';
import { checkId } from '../../platform/checks';
import { isCurrencyCode } from '../../platform/currencies';
import { badInput } from '../../platform/errors';

/** What makes payments' input valid: createPayment's terms, refund amounts, payment methods. */

const MAX_LINES = 100;
/** What payment providers take in one payment (Stripe: eight digits). */
const MAX_AMOUNT = 99_999_999;
/** A payment-method id (pm_...), never card data: anything else is refused without being echoed. */
const PAYMENT_METHOD = /^pm_[A-Za-z0-9_]{1,100}$/;

/** createPayment's input as orders sends it. */
export interface TermsInput {
  readonly orderId: string;
  readonly customerId: string;
  readonly amount: number;
  readonly currency: string;
  readonly lines?: readonly PaymentLineVariables[] | null;
}

/** What a payment is for, checked: the same terms again answer the same payment. */
export interface Terms {
  readonly orderId: string;
  readonly customerId: string;
  readonly amount: number;
  readonly currency: string;
  readonly lines: PaymentLineVariables[];
}

export function checkTerms(input: TermsInput): Terms {
  checkId(input.orderId, 'orderId');
  checkId(input.customerId, 'customerId');
  if (!Number.isSafeInteger(input.amount) || input.amount < 1 || input.amount > MAX_AMOUNT) {
    throw badInput(`amount must be a whole number of minor units from 1 to ${MAX_AMOUNT}`, 'amount');
  }
  if (!isCurrencyCode(input.currency)) throw badInput('currency must be an ISO 4217 code in capitals, such as EUR', 'currency');
  const lines = checkLines(input.lines ?? []);
  const sum = lines.reduce((total, line) => total + line.quantity * line.unitPrice, 0);
  if (lines.length > 0 && sum !== input.amount) throw badInput(`lines add up to ${sum}, not to the amount ${input.amount}`, 'lines');
  return { orderId: input.orderId, customerId: input.customerId, amount: input.amount, currency: input.currency, lines };
}

/** The receipt's lines: each product, a positive quantity and a unit price of 0 or more. */
function checkLines(lines: readonly PaymentLineVariables[]): PaymentLineVariables[] {
  if (lines.length > MAX_LINES) throw badInput(`at most ${MAX_LINES} lines`, 'lines');
  return lines.map((line, i) => {
    checkId(line.productId, `lines.${i}.productId`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) throw badInput('quantity must be a positive whole number', `lines.${i}.quantity`);
    if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0) throw badInput('unitPrice must be a whole number of minor units, 0 or more', `lines.${i}.unitPrice`);
    const variantId = line.variantId == null ? null : checkId(line.variantId, `lines.${i}.variantId`);
    const variant = variantId ? { variantId, sku: line.sku ?? null, optionValues: (line.optionValues ?? []).map(({ option, value }) => ({ option, value })) } : {};
    return { productId: line.productId, ...variant, quantity: line.quantity, unitPrice: line.unitPrice };
  });
}

/** A refund's amount: null for "the rest", otherwise a positive whole number of minor units. */
export function checkRefundAmount(amount: number | null): void {
  if (amount !== null && (!Number.isSafeInteger(amount) || amount < 1)) throw badInput('amount must be a positive whole number of minor units', 'amount');
}

export function checkPaymentMethod(paymentMethod: string): void {
  if (!PAYMENT_METHOD.test(paymentMethod)) {
    throw badInput('paymentMethod must be a payment method id such as pm_card_visa; card numbers are never accepted', 'paymentMethod');
  }
}
