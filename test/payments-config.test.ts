import { loadConfig } from '../platform/config';
import { configErrorFor } from './support/config';

const STRIPE = { STRIPE_SECRET_KEY: 'sk_test_51abcDEF', STRIPE_WEBHOOK_SECRET: 'whsec_abc123' };
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), INTERNAL_SECRET: 'y'.repeat(32) };

describe('payments configuration', () => {
  it('uses the simulated provider when no Stripe key is set', () => {
    expect(loadConfig({}, '/srv/shop').payments).toEqual({ provider: 'simulated', stripe: null });
  });

  it('uses Stripe when STRIPE_SECRET_KEY is set, with the webhook secret and Stripe itself as the API', () => {
    expect(loadConfig(STRIPE, '/srv/shop').payments).toEqual({
      provider: 'stripe',
      stripe: { secretKey: 'sk_test_51abcDEF', webhookSecret: 'whsec_abc123', api: null },
    });
    expect(loadConfig({ ...PRODUCTION, ...STRIPE, STRIPE_SECRET_KEY: 'rk_live_42xyz' }, '/srv/shop').payments.stripe?.secretKey).toBe('rk_live_42xyz');
  });

  it('points the SDK at STRIPE_API_BASE (tests, local mocks)', () => {
    expect(loadConfig({ ...STRIPE, STRIPE_API_BASE: 'http://127.0.0.1:12111' }, '/srv/shop').payments.stripe?.api).toEqual({ protocol: 'http', host: '127.0.0.1', port: 12111 });
    expect(loadConfig({ ...STRIPE, STRIPE_API_BASE: 'https://stripe-mock.internal' }, '/srv/shop').payments.stripe?.api).toEqual({ protocol: 'https', host: 'stripe-mock.internal', port: 443 });
  });

  it('chooses no provider in production without Stripe, unless PAYMENT_PROVIDER=simulated asks for the simulator', () => {
    expect(loadConfig(PRODUCTION, '/srv/shop').payments).toEqual({ provider: null, stripe: null });
    expect(loadConfig({ ...PRODUCTION, PAYMENT_PROVIDER: 'simulated' }, '/srv/shop').payments).toEqual({ provider: 'simulated', stripe: null });
    expect(loadConfig({ ...PRODUCTION, ...STRIPE }, '/srv/shop').payments.provider).toBe('stripe');
  });

  it('keeps the simulator when PAYMENT_PROVIDER=simulated, even with keys set', () => {
    expect(loadConfig({ ...STRIPE, PAYMENT_PROVIDER: 'simulated' }, '/srv/shop').payments).toEqual({ provider: 'simulated', stripe: null });
  });

  it.each([
    ['an unknown provider', { PAYMENT_PROVIDER: 'paypal' }, 'PAYMENT_PROVIDER="paypal" is not allowed; use one of: simulated, stripe'],
    ['Stripe without a key', { PAYMENT_PROVIDER: 'stripe' }, 'PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY (sk_test_... or sk_live_...)'],
    ['a publishable key', { STRIPE_SECRET_KEY: 'pk_test_publishable' }, 'STRIPE_SECRET_KEY is not a Stripe secret key; expected sk_test_..., sk_live_... or a restricted rk_... key'],
    ['a key without the webhook secret', { STRIPE_SECRET_KEY: 'sk_test_51abc' }, "STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY (the endpoint's signing secret, whsec_...)"],
    ['a malformed webhook secret', { ...STRIPE, STRIPE_WEBHOOK_SECRET: 'secret' }, 'STRIPE_WEBHOOK_SECRET is not a webhook signing secret; expected whsec_...'],
    ['an API base that is not http(s)', { ...STRIPE, STRIPE_API_BASE: 'ftp://mock' }, 'STRIPE_API_BASE="ftp://mock" must use http: or https:'],
    ['an API base with a path', { ...STRIPE, STRIPE_API_BASE: 'http://mock:12111/v1' }, 'STRIPE_API_BASE="http://mock:12111/v1" must be a bare origin such as http://127.0.0.1:12111'],
    ['a stand-in API in production', { ...PRODUCTION, ...STRIPE, STRIPE_API_BASE: 'http://mock:12111' }, 'STRIPE_API_BASE is for tests and local mocks; it is not allowed when NODE_ENV=production'],
  ])('refuses %s in one line', (_label, env, message) => {
    expect(configErrorFor(env as Record<string, string>)).toBe(message);
  });

  it('never echoes a secret key in an error', () => {
    expect(configErrorFor({ STRIPE_SECRET_KEY: 'sk_test_not valid' })).not.toContain('not valid');
  });
});
