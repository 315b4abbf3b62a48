import { lowStockAlert, money, orderConfirmation } from './notification.templates';

/** ICU separates amount and symbol with no-break spaces; compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('notification templates', () => {
  it('formats minor units with the currency’s own decimals, in the recipient’s locale', () => {
    expect(plain(money(123_456, 'EUR', 'en'))).toBe('€1,234.56');
    expect(plain(money(123_456, 'EUR', 'de-DE'))).toBe('1.234,56 €');
    expect(plain(money(1_234, 'JPY', 'en'))).toBe('¥1,234');
    expect(plain(money(1_234, 'KWD', 'en'))).toBe('KWD 1.234');
  });

  it('falls back to English for a locale it cannot use', () => {
    expect(money(1_000, 'EUR', 'not a locale!')).toBe('€10.00');
  });

  it('escapes names in the HTML part and keeps them as written in the text part', () => {
    const mail = orderConfirmation(
      { name: '<img src=x onerror=alert(1)> & Co', locale: 'en' },
      { orderId: 'o-1', customerId: 'u-1', status: 'AWAITING_PAYMENT', total: 500, currency: 'EUR', lines: [{ productId: 'p-1', quantity: 1, unitPrice: 500 }] },
      new Map([['p-1', { name: 'Mug "Deluxe" <b>', sku: 'MUG' }]]),
    );
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; Co');
    expect(mail.html).toContain('Mug &#34;Deluxe&#34; &#60;b&#62;');
    expect(mail.text).toContain('Hello <img src=x onerror=alert(1)> & Co,');
  });

  it('names a product catalog could not name by its id', () => {
    const mail = lowStockAlert({ name: 'Ada', locale: 'en' }, { productId: 'p-9', onHand: 1, reserved: 0, available: 1, threshold: 2 }, undefined);
    expect(mail.subject).toBe('Low stock: product p-9');
    expect(mail.text).toContain('Available: 1');
  });
});
