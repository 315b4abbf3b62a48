import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';
import { StripeJsStandIn } from './support/stripe-js-stand-in';
import { StripeStandIn } from './support/stripe-stand-in';
import { waitFor } from './support/wait-for';
import { buildWebApps, launchChromium, orderOneOf, registerShopper, screenshot, statusOf, watchProblems } from './support/web';

const WebStripeOrder = graphql(`
  query WebStripeOrder($id: ID!) {
    order(id: $id) { status payment { status provider } statusHistory { to } }
  }
`);

const WEBHOOK_SECRET = 'whsec_webStripeElements';
const PUBLISHABLE_KEY = 'pk_test_standIn4242';
const bottle = DEMO_PRODUCTS[3];

/**
 * The storefront's payment step with Stripe Elements, in Chromium, offline:
 * the real Stripe SDK in payments against the API stand-in, a stand-in
 * Stripe.js served from its own origin (so the page's Content-Security-Policy
 * is put to the test), and Stripe's webhooks signed by the SDK's helper.
 */
describe('the storefront paying with Stripe Elements', () => {
  let api: StripeStandIn;
  let stripeJs: StripeJsStandIn;
  let t: TestStack;
  let browser: Browser;
  let origin: string;
  let context: BrowserContext;

  beforeAll(async () => {
    await buildWebApps();
    api = await StripeStandIn.start();
    stripeJs = await StripeJsStandIn.start(api, PUBLISHABLE_KEY);
    t = await startTestStack({
      env: {
        STRIPE_SECRET_KEY: api.apiKey,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_BASE: api.url,
        STRIPE_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
        STRIPE_JS_URL: stripeJs.url,
      },
    });
    origin = new URL(t.url).origin;
    stripeJs.deliverTo(t.url.replace(/\/graphql$/, '/webhooks/stripe'), WEBHOOK_SECRET);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stripeJs?.stop();
    await t?.stop();
    await api?.stop();
  });

  it("widens the page's Content-Security-Policy to Stripe.js's origin and gives the key at run time", async () => {
    const page = await fetch(origin + '/', { headers: { accept: 'text/html' } });
    const policy = page.headers.get('content-security-policy')!;
    const stripeOrigin = new URL(stripeJs.url).origin;
    expect(policy).toContain(`script-src 'self' ${stripeOrigin}`);
    expect(policy).toContain(`frame-src ${stripeOrigin}`);
    expect(policy).toMatch(new RegExp(`connect-src 'self' [^;]* ${stripeOrigin}`));
    // The key is not in the build: the same files serve a deployment without Stripe.
    expect(await page.text()).not.toContain(PUBLISHABLE_KEY);
    expect(await (await fetch(origin + '/app-config.json')).json()).toEqual({ stripe: { publishableKey: PUBLISHABLE_KEY, jsUrl: stripeJs.url } });
  });

  it('shows why a card was declined, keeps the order payable, and turns it PAID live when another card pays', async () => {
    const shop: Page = await context.newPage();
    // Stripe answers a declined confirmation with 402, which Chromium logs as a failed resource.
    const problems = watchProblems(shop, [/status of 402 \(Payment Required\)/]);
    await registerShopper(shop, origin, 'elements@shop.test');
    const orderId = await orderOneOf(shop, origin, bottle.name);

    // Stripe's element in the payment step, not the simulated provider's card list.
    const form = shop.getByRole('form', { name: 'Card payment' });
    await form.getByLabel('Card number').waitFor();
    expect(await shop.getByLabel('Card (test payments)').count()).toBe(0);
    await form.getByLabel('Card number').fill('4000 0000 0000 0002');
    await form.getByRole('button', { name: /^Pay / }).click();
    await shop.getByTestId('payment-failure').getByText('Your card was declined.').waitFor();
    // Stripe's signed webhook moved the order; the page heard it on its subscription.
    await waitFor(async () => (await statusOf(shop)) === 'PAYMENT_FAILED', { timeout: 30_000 });
    await form.getByRole('heading', { name: 'Pay again with another card' }).waitFor();
    await screenshot(shop, 'storefront-stripe-declined');

    await form.getByLabel('Card number').fill('4242 4242 4242 4242');
    await form.getByRole('button', { name: /^Pay / }).click();
    await waitFor(async () => (await statusOf(shop)) === 'PAID', { timeout: 30_000 });
    await shop.getByTestId('payment-failure').waitFor({ state: 'detached' });
    await form.waitFor({ state: 'detached' });
    await screenshot(shop, 'storefront-stripe-paid');

    const order = await execute(t.url, WebStripeOrder, { id: orderId }, { token: await t.token('demo-user-agent', 'CUSTOMER', 'AGENT') });
    expect(order.data?.order).toMatchObject({ status: 'PAID', payment: { status: 'SUCCEEDED', provider: 'stripe' } });
    expect(order.data?.order?.statusHistory.map((change) => change.to)).toEqual(['PENDING', 'AWAITING_PAYMENT', 'PAYMENT_FAILED', 'PAID']);
    // Every event reached the shop with a signature it accepted.
    expect(stripeJs.deliveries.length).toBeGreaterThanOrEqual(3);
    expect(stripeJs.deliveries.filter((delivery) => delivery.status !== 200)).toEqual([]);
    // No CSP violation or script error on the way.
    expect(problems).toEqual([]);
  }, 120_000);
});
