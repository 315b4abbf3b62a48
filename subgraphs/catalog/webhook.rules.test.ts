import Stripe from 'stripe';
import { badInputOf } from '../../test/support/refusals';
import { checkEndpointUrl, checkEventTypes, retryDelayMs, signatureHeader } from './webhook.rules';

describe('webhook rules', () => {
  it('accepts https URLs and, where allowed, loopback ones', () => {
    expect(checkEndpointUrl(' https://erp.example/hooks ', false)).toBe('https://erp.example/hooks');
    expect(checkEndpointUrl('http://127.0.0.1:9000/in', true)).toBe('http://127.0.0.1:9000/in');
  });

  it('refuses plain http, private addresses, credentials and non-URLs', () => {
    expect(badInputOf(() => checkEndpointUrl('http://erp.example/hooks', false))).toEqual({ field: 'url', message: 'url must use https' });
    for (const url of ['https://127.0.0.1/x', 'https://localhost/x', 'https://10.1.2.3/', 'https://192.168.0.1/', 'https://169.254.169.254/latest', 'https://[::1]/', 'https://[fd00::1]/']) {
      expect(badInputOf(() => checkEndpointUrl(url, false)).message).toBe('url must not point to a loopback, private or link-local address');
    }
    expect(badInputOf(() => checkEndpointUrl('https://user:pw@erp.example/', false)).message).toBe('url must not carry credentials');
    expect(badInputOf(() => checkEndpointUrl('ftp://erp.example/', true)).field).toBe('url');
    expect(badInputOf(() => checkEndpointUrl('not a url', true)).field).toBe('url');
  });

  it('accepts known event types once each and names an unknown one', () => {
    expect(checkEventTypes(['order.paid', 'stock.low', 'order.paid'])).toEqual(['order.paid', 'stock.low']);
    expect(badInputOf(() => checkEventTypes([])).field).toBe('eventTypes');
    expect(badInputOf(() => checkEventTypes(['order.paid', 'order.teleported'])).message).toContain('"order.teleported"');
  });

  it('doubles the pause between retries up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, 1_000, 10_000))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
    expect(retryDelayMs(200, 1_000, 3_600_000)).toBe(3_600_000);
  });

  it("signs as Stripe does: Stripe's own SDK verifies the signature", () => {
    const body = JSON.stringify({ id: 'evt_1', type: 'order.paid', data: { orderId: 'o1' } });
    const secret = 'whsec_test';
    const header = signatureHeader(body, secret, new Date());
    const stripe = new Stripe('sk_test_unused');
    expect(stripe.webhooks.constructEvent(body, header, secret)).toMatchObject({ id: 'evt_1', type: 'order.paid' });
    expect(() => stripe.webhooks.constructEvent(body, header, 'whsec_other')).toThrow();
    expect(() => stripe.webhooks.constructEvent(body.replace('o1', 'o2'), header, secret)).toThrow();
  });
});
