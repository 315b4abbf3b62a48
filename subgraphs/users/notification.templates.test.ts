import { lowStockAlert, money, orderConfirmation, securityAlert } from './notification.templates';

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

  it('tells the owner what changed, when, from where and what it ended, escaping the client-supplied user agent', () => {
    const mail = securityAlert(
      { name: 'Ada', locale: 'en' },
      { userId: 'u-1', alert: 'RECOVERY_CODE_USED', at: '2031-01-01T10:00:00.000Z', endedSessions: 2, recoveryCodesLeft: 9, clientAddress: '203.0.113.7', userAgent: '<script>x</script>' },
    );
    expect(mail.subject).toBe('A recovery code was used');
    expect(mail.kind).toBe('security-alert-recovery-code-used');
    expect(mail.text).toContain('From address: 203.0.113.7');
    expect(mail.text).toContain('Other sessions signed out: 2');
    expect(mail.text).toContain('Recovery codes left: 9');
    expect(mail.text).toContain('If this was not you, change your password now');
    expect(mail.html).not.toContain('<script>');
  });

  it('leaves out what it does not know, and the counts that say nothing', () => {
    const mail = securityAlert(
      { name: 'Ada', locale: 'en' },
      { userId: 'u-1', alert: 'MFA_DISABLED', at: '2031-01-01T10:00:00.000Z', endedSessions: 0, recoveryCodesLeft: null, clientAddress: null, userAgent: null },
    );
    expect(mail.subject).toBe('Two-step sign-in was turned off');
    expect(mail.text).not.toMatch(/From address|Device|signed out|Recovery codes/);
  });
});
