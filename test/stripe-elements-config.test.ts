import type { IncomingMessage } from 'node:http';
import { securityHeaders } from '../gateway/web';
import { loadConfig } from '../platform/config';
import { configErrorFor } from './support/config';

const STRIPE = { STRIPE_SECRET_KEY: 'sk_test_51abcDEF', STRIPE_WEBHOOK_SECRET: 'whsec_abc123' };
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), INTERNAL_SECRET: 'y'.repeat(32) };
const page = { headers: { host: 'shop.example' } } as unknown as IncomingMessage;
const policyOf = (headers: Record<string, string>) => headers['content-security-policy'];

describe('Stripe Elements settings (STRIPE_PUBLISHABLE_KEY, STRIPE_JS_URL)', () => {
  it('is off without a publishable key, with or without Stripe', () => {
    expect(loadConfig({}, '/srv/shop').gateway.stripeElements).toBeNull();
    expect(loadConfig(STRIPE, '/srv/shop').gateway.stripeElements).toBeNull();
  });

  it("takes a publishable key of the secret key's mode, with Stripe's own Stripe.js unless a stand-in is named", () => {
    expect(loadConfig({ ...STRIPE, STRIPE_PUBLISHABLE_KEY: 'pk_test_51abc' }, '/srv/shop').gateway.stripeElements).toEqual({
      publishableKey: 'pk_test_51abc',
      jsUrl: 'https://js.stripe.com/v3/',
    });
    const live = { ...PRODUCTION, ...STRIPE, STRIPE_SECRET_KEY: 'rk_live_42xyz', STRIPE_PUBLISHABLE_KEY: 'pk_live_42xyz' };
    expect(loadConfig(live, '/srv/shop').gateway.stripeElements?.publishableKey).toBe('pk_live_42xyz');
    // A production gateway of a split deployment holds no secret key (payments does): the key is taken as given.
    expect(loadConfig({ ...PRODUCTION, STRIPE_PUBLISHABLE_KEY: 'pk_live_42xyz' }, '/srv/shop').gateway.stripeElements?.publishableKey).toBe('pk_live_42xyz');
    const standIn = { ...STRIPE, STRIPE_PUBLISHABLE_KEY: 'pk_test_51abc', STRIPE_JS_URL: 'http://127.0.0.1:12112/v3/' };
    expect(loadConfig(standIn, '/srv/shop').gateway.stripeElements?.jsUrl).toBe('http://127.0.0.1:12112/v3/');
  });

  it.each([
    ['a secret key given as publishable', { ...STRIPE, STRIPE_PUBLISHABLE_KEY: 'sk_test_51abcDEF' }, 'STRIPE_PUBLISHABLE_KEY is not a Stripe publishable key; expected pk_test_... or pk_live_...'],
    ['a malformed key', { ...STRIPE, STRIPE_PUBLISHABLE_KEY: 'pk_test_not valid' }, 'STRIPE_PUBLISHABLE_KEY is not a Stripe publishable key; expected pk_test_... or pk_live_...'],
    ['a live key with a test secret key', { ...STRIPE, STRIPE_PUBLISHABLE_KEY: 'pk_live_51abc' }, 'STRIPE_PUBLISHABLE_KEY is a live key but STRIPE_SECRET_KEY is a test key; use the same mode for both'],
    [
      'a test key with a live secret key',
      { ...PRODUCTION, ...STRIPE, STRIPE_SECRET_KEY: 'sk_live_51abc', STRIPE_PUBLISHABLE_KEY: 'pk_test_51abc' },
      'STRIPE_PUBLISHABLE_KEY is a test key but STRIPE_SECRET_KEY is a live key; use the same mode for both',
    ],
    ['a key beside the simulated provider', { STRIPE_PUBLISHABLE_KEY: 'pk_test_51abc' }, 'STRIPE_PUBLISHABLE_KEY needs payments through Stripe (STRIPE_SECRET_KEY, and PAYMENT_PROVIDER not simulated)'],
    [
      'a key with the simulator chosen',
      { ...STRIPE, PAYMENT_PROVIDER: 'simulated', STRIPE_PUBLISHABLE_KEY: 'pk_test_51abc' },
      'STRIPE_PUBLISHABLE_KEY needs payments through Stripe (STRIPE_SECRET_KEY, and PAYMENT_PROVIDER not simulated)',
    ],
    ['a Stripe.js address that is not http(s)', { ...STRIPE, STRIPE_PUBLISHABLE_KEY: 'pk_test_51abc', STRIPE_JS_URL: 'file:///stripe.js' }, 'STRIPE_JS_URL="file:///stripe.js" must use http: or https:'],
    [
      'a stand-in Stripe.js in production',
      { ...PRODUCTION, ...STRIPE, STRIPE_PUBLISHABLE_KEY: 'pk_test_51abc', STRIPE_JS_URL: 'http://mock:12112/v3/' },
      'STRIPE_JS_URL is for tests and local mocks; it is not allowed when NODE_ENV=production',
    ],
  ])('refuses %s in one line', (_label, env, message) => {
    expect(configErrorFor(env as Record<string, string>)).toBe(message);
  });

  it("widens the pages' Content-Security-Policy to Stripe's origins only when the key is set", () => {
    const without = policyOf(securityHeaders(page, null));
    expect(without).not.toMatch(/stripe|frame-src/);
    expect(without).toContain("script-src 'self';");

    const stripe = loadConfig({ ...STRIPE, STRIPE_PUBLISHABLE_KEY: 'pk_test_51abc' }, '/srv/shop').gateway.stripeElements;
    const directives = Object.fromEntries(
      policyOf(securityHeaders(page, stripe))
        .split('; ')
        .map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]),
    );
    expect(directives['script-src']).toEqual(["'self'", 'https://js.stripe.com', 'https://*.js.stripe.com']);
    expect(directives['frame-src']).toEqual(['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com']);
    expect(directives['connect-src']).toEqual(["'self'", 'ws://shop.example', 'wss://shop.example', 'https://api.stripe.com']);
    // Everything else as strict as without Stripe.
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });
});
