import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { ConsoleSetStockDocument, StoreProductsDocument } from '../client/__generated__/graphql';
import { DEMO_ACCOUNTS, DEMO_PRODUCTS } from '../contracts/demo';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { MfaLogin } from './support/mfa';
import { ConfirmPayment, orderTools, SetStock, ShipOrder } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';
import { buildWebApps, clearScreenshots, contrastOf, launchChromium, orderOneOf, registerShopper, screenshot, statusOf, watchProblems } from './support/web';

const WebOrder = graphql(`
  query WebOrder($id: ID!) {
    order(id: $id) { payment { status } statusHistory { to } }
  }
`);

const WebProductBySku = graphql(`
  query WebProductBySku($sku: String!) {
    product(sku: $sku) { id name status }
  }
`);

const WebCreateProduct = graphql(`
  mutation WebCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) { id }
  }
`);

const WebSetOptions = graphql(`
  mutation WebSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {
    setProductOptions(productId: $productId, options: $options) { id }
  }
`);

const WebAddVariant = graphql(`
  mutation WebAddVariant($productId: ID!, $input: AddProductVariantInput!) {
    addProductVariant(productId: $productId, input: $input) { id }
  }
`);

/** The persisted-operation id codegen gave a document of client/operations, which the apps send instead of its text. */
const idOf = (document: unknown): string => (document as { __meta__: { hash: string } }).__meta__.hash;

const agent = DEMO_ACCOUNTS.find((account) => account.id === 'demo-user-agent')!;
const admin = DEMO_ACCOUNTS.find((account) => account.id === 'demo-user-admin')!;
const mug = DEMO_PRODUCTS[0];
const bottle = DEMO_PRODUCTS[3];

/**
 * The storefront and the agent console as people use them: Debian's Chromium
 * against the whole stack, a shopper and an agent in two browser contexts.
 * Screenshots of each page land in test/artifacts/web.
 */
describe('the web apps in a browser', () => {
  let t: TestStack;
  let browser: Browser;
  let origin: string;
  let agentToken: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await buildWebApps();
    await clearScreenshots();
    // The demo admin reads the audit log with a password alone here; the second factor has tests of its own.
    t = await startTestStack({ env: { MFA_REQUIRED_ROLES: 'none' } });
    origin = new URL(t.url).origin;
    browser = await launchChromium();
    agentToken = await t.token('demo-user-agent', 'CUSTOMER', 'AGENT');
  }, 120_000);
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await t?.stop();
  });

  async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(origin + path);
    return page;
  }
  const setStock = async (productId: string, onHand: number) =>
    expect((await execute(t.url, SetStock, { productId, onHand }, { token: agentToken })).errors).toBeUndefined();
  const text = (page: Page, selector: string) => page.locator(selector).first().textContent();

  const register = (page: Page, email: string) => registerShopper(page, origin, email);

  async function signInToConsole(page: Page, who = agent): Promise<void> {
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Console' }).waitFor();
  }

  const orderOne = (page: Page, productName: string) => orderOneOf(page, origin, productName);

  /**
   * The server's refusal of a wrong email or password, which it words alike for
   * any address: asked for one with no account, so nobody's failures are counted.
   */
  async function wrongCredentials(): Promise<string> {
    const refused = (await execute(t.url, MfaLogin, { input: { email: 'nobody@shop.test', password: 'not-the-password' } })).errors?.[0];
    expect(refused?.extensions?.code).toBe('UNAUTHENTICATED');
    return refused!.message;
  }

  /** Issue 19 asks for accessible contrast: every text and button as rendered, 4.5:1 or better against what is behind it. */
  async function expectContrast(page: Page): Promise<void> {
    const { texts, buttons, low } = await contrastOf(page);
    expect(low).toEqual([]);
    // It measured the page: a check that found no text would pass whatever the colours.
    expect(texts).toBeGreaterThan(0);
    expect(buttons).toBeGreaterThan(0);
  }

  it('serves both apps with their caching and security headers, and answers non-browsers as an API', async () => {
    const storefront = await fetch(origin + '/', { headers: { accept: 'text/html' } });
    expect(storefront.status).toBe(200);
    expect(storefront.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(storefront.headers.get('cache-control')).toBe('no-cache');
    expect(storefront.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(storefront.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(storefront.headers.get('x-content-type-options')).toBe('nosniff');
    // Without a publishable key: no Stripe origin in the policy, and the app is told to use the test cards.
    expect(storefront.headers.get('content-security-policy')).not.toMatch(/stripe|frame-src/);
    const appConfig = await fetch(origin + '/app-config.json');
    expect(appConfig.headers.get('cache-control')).toBe('no-cache');
    expect(await appConfig.json()).toEqual({ stripe: null });
    const html = await storefront.text();
    expect(html).toContain('<title>Shop</title>');

    // A deep link is the app's own route: the console's page answers it.
    const deep = await fetch(origin + '/admin/orders', { headers: { accept: 'text/html' } });
    expect(await deep.text()).toContain('Agent console');
    expect((await (await fetch(origin + '/orders/any-id', { headers: { accept: 'text/html' } })).text())).toContain('<title>Shop</title>');

    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const asset = await fetch(origin + script, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    // The first load within its budget, gzipped as sent (bench:web itemises it), and React's production build.
    const firstLoad = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]);
    let gzipped = 0;
    for (const url of firstLoad) {
      const response = await fetch(origin + url, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers.get('content-encoding')).toBe('gzip');
      gzipped += Number(response.headers.get('content-length'));
      expect(await response.text()).not.toContain('Download the React DevTools');
    }
    expect(gzipped).toBeLessThan(200 * 1024);

    expect((await fetch(origin + '/assets/missing-abc123.js')).status).toBe(404);
    expect((await fetch(origin + '/assets/..%2F..%2Fpackage.json')).status).toBe(404);
    // Not a browser: no page for an unknown path.
    const api = await fetch(origin + '/no-such-path', { headers: { accept: 'application/json' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
    // The API itself is where it was.
    const graphqlAnswer = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await graphqlAnswer.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('shows the server field errors when registering, and registers nothing', async () => {
    const page = await open('/register');
    const problems = watchProblems(page, [/Failed to load resource/]);
    const email = 'too-short@shop.test';
    await page.getByLabel('Name').fill('Sam');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const passwordError = page.locator('.field', { has: page.getByLabel('Password') }).locator('.field-error');
    await passwordError.waitFor();
    expect(await passwordError.textContent()).toMatch(/password/i);
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Email').fill(DEMO_ACCOUNTS[0].email);
    await page.getByLabel('Password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    const emailError = page.locator('.field', { has: page.getByLabel('Email') }).locator('.field-error');
    await emailError.waitFor();
    await screenshot(page, 'storefront-register-errors');
    await expectContrast(page);

    // Nothing was written: neither address can sign in.
    const login = await execute(t.url, MfaLogin, { input: { email, password: 'short' } });
    expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(problems).toEqual([]);
  }, 60_000);

  it('can be used with the keyboard alone: skip link, search, a product', async () => {
    const shop = await open('/');
    await shop.getByRole('list', { name: 'Products' }).getByRole('listitem').first().waitFor();
    await shop.keyboard.press('Tab');
    expect(await shop.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await shop.keyboard.press('Enter');
    // A filter the server refuses: its message beside the field it names (filter.minPrice).
    await shop.getByLabel('Min price').fill('50');
    await shop.getByLabel('Max price').fill('10');
    await shop.getByLabel('Max price').press('Enter');
    await shop.locator('.field', { has: shop.getByLabel('Min price') }).getByText('minPrice must not be above maxPrice').waitFor();
    await shop.getByLabel('Min price').fill('');
    await shop.getByLabel('Max price').fill('');
    await shop.getByLabel('Search').focus();
    await shop.keyboard.type('cap');
    await shop.keyboard.press('Enter');
    await waitFor(async () => (await shop.getByRole('list', { name: 'Products' }).getByRole('listitem').count()) === 1, { timeout: 10_000 });
    await shop.getByRole('link', { name: DEMO_PRODUCTS[2].name }).focus();
    await shop.keyboard.press('Enter');
    await shop.getByRole('heading', { name: DEMO_PRODUCTS[2].name }).waitFor();
    // Every control on the page has a name a screen reader announces.
    const unnamed = await shop.evaluate(() =>
      [...document.querySelectorAll('input, select, button, a')].filter((element) => {
        const labelled = element instanceof HTMLInputElement || element instanceof HTMLSelectElement ? (element.labels?.length ?? 0) > 0 : (element.textContent ?? '').trim() !== '' || element.hasAttribute('aria-label');
        return !labelled;
      }).length,
    );
    expect(unnamed).toBe(0);
  }, 60_000);

  it('measures contrast on the colours the page renders, and reports a button and a text too pale to read', async () => {
    const shop = await open('/');
    await shop.getByRole('link', { name: mug.name }).waitFor();
    await expectContrast(shop);
    // Paler colours set on the page itself (CSSOM, which the CSP allows): white on #5b9be0 is 2.9:1, #8a929c on white 3.1:1.
    await shop.evaluate(() => {
      for (const button of document.querySelectorAll<HTMLElement>('button')) button.style.background = '#5b9be0';
      for (const muted of document.querySelectorAll<HTMLElement>('.muted')) muted.style.color = '#8a929c';
    });
    const { low } = await contrastOf(shop);
    expect(low).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'Search' }), expect.objectContaining({ text: mug.description })]));
  }, 60_000);

  it('takes a shopper from registering to a paid order that an agent ships, the status changing live', async () => {
    const shop = await open('/');
    const problems = watchProblems(shop);
    await shop.getByRole('list', { name: 'Products' }).getByRole('listitem').first().waitFor();
    await screenshot(shop, 'storefront-catalog');
    await expectContrast(shop);
    await register(shop, 'sam@shop.test');

    // Finds the mug and watches its stock change live.
    await shop.getByLabel('Search').fill('mug');
    await shop.getByRole('button', { name: 'Search' }).click();
    await shop.getByRole('link', { name: mug.name }).click();
    await shop.getByText(`${mug.onHand} in stock`).waitFor();
    expect(await text(shop, '.price')).toContain('12.00');
    await setStock(mug.id, 30);
    await shop.getByText('30 in stock').waitFor();
    await screenshot(shop, 'storefront-product');
    await expectContrast(shop);

    await shop.getByRole('button', { name: 'Save to wishlist' }).click();
    await shop.getByText('Saved to your wishlist.').waitFor();
    await shop.getByLabel('Quantity').fill('2');
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await shop.getByText('Added to your cart.').waitFor();
    await shop.getByRole('link', { name: 'Go to cart' }).click();
    await shop.getByRole('button', { name: 'Check out' }).waitFor();
    expect(await text(shop, '.price')).toContain('24.00');
    await screenshot(shop, 'storefront-cart');
    await expectContrast(shop);
    // An agent has the orders board open in a second browser context: the order appears and moves on it live.
    const console_ = await open('/admin/orders');
    const consoleProblems = watchProblems(console_);
    await signInToConsole(console_);
    await console_.getByText(/^\d+ orders?$/).waitFor();
    await waitFor(async () => (await console_.locator('.live').getAttribute('data-status')) === 'live', { timeout: 15_000 });

    await shop.getByRole('button', { name: 'Check out' }).click();
    await shop.waitForURL(/\/orders\/[^/]+$/);
    const orderId = decodeURIComponent(new URL(shop.url()).pathname.split('/').pop()!);
    await waitFor(async () => (await statusOf(shop)) === 'AWAITING_PAYMENT', { timeout: 15_000 });
    await screenshot(shop, 'storefront-checkout');
    const row = console_.locator(`tr[data-order="${orderId}"]`);
    await row.locator('[data-status="AWAITING_PAYMENT"]').waitFor();

    await shop.getByLabel('Card (test payments)').selectOption('pm_card_visa');
    await shop.getByRole('button', { name: /^Pay / }).click();
    await waitFor(async () => (await statusOf(shop)) === 'PAID', { timeout: 15_000 });
    await row.locator('[data-status="PAID"]').waitFor();
    await screenshot(console_, 'console-orders');
    await expectContrast(console_);
    await row.getByRole('button', { name: `Ship order ${orderId}` }).click();
    await row.locator('[data-status="SHIPPED"]').waitFor();

    await waitFor(async () => (await statusOf(shop)) === 'SHIPPED', { timeout: 15_000 });
    await screenshot(shop, 'storefront-order-shipped');
    await expectContrast(shop);

    await shop.getByRole('link', { name: 'Orders', exact: true }).click();
    await shop.getByRole('list', { name: 'Orders' }).getByText('Shipped').waitFor();
    await screenshot(shop, 'storefront-order-history');
    await shop.getByRole('link', { name: 'Wishlist' }).click();
    await shop.getByRole('link', { name: mug.name }).waitFor();

    // Signs out, and back in to the same account; a wrong password first shows the server's words and signs nothing in.
    await shop.getByRole('button', { name: 'Sign out' }).click();
    await shop.getByRole('link', { name: 'Sign in' }).click();
    await shop.getByLabel('Email').fill('sam@shop.test');
    await shop.getByLabel('Password').fill('not-the-password');
    await shop.getByRole('button', { name: 'Sign in' }).click();
    await shop.locator('form').getByRole('alert').getByText(await wrongCredentials()).waitFor();
    await screenshot(shop, 'storefront-signin-refused');
    await expectContrast(shop);
    expect(new URL(shop.url()).pathname).toBe('/signin');
    expect(await shop.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await shop.evaluate(() => localStorage.getItem('shop.storefront.session'))).toBeNull();

    await shop.getByLabel('Password').fill('a-long-enough-password');
    await shop.getByRole('button', { name: 'Sign in' }).click();
    await shop.getByRole('button', { name: 'Sign out' }).waitFor();
    await shop.getByRole('link', { name: 'Orders', exact: true }).click();
    await shop.locator(`a[href="/orders/${encodeURIComponent(orderId)}"]`).waitFor();
    expect(problems).toEqual([]);
    expect(consoleProblems).toEqual([]);
  }, 120_000);

  it('sells a chosen size: its own price, SKU and live stock, a sold-out size disabled, the size on the cart, order and history', async () => {
    // A jacket in S (its default variant), M (dearer) and L (sold out).
    const run = async <R,>(result: Promise<{ data?: R | null; errors?: unknown }>) => {
      const { data, errors } = await result;
      expect(errors).toBeUndefined();
      return data!;
    };
    const { createProduct: jacket } = await run(
      execute(t.url, WebCreateProduct, { input: { sku: 'WEB-JACKET', name: 'Field Jacket', priceAmount: 4900, currency: 'EUR' } }, { token: agentToken }),
    );
    await run(execute(t.url, WebSetOptions, { productId: jacket.id, options: [{ name: 'Size', values: ['S', 'M', 'L'] }] }, { token: agentToken }));
    const size = (value: string) => [{ option: 'Size', value }];
    await run(execute(t.url, WebAddVariant, { productId: jacket.id, input: { sku: 'WEB-JACKET-M', optionValues: size('M'), priceAmount: 5400 } }, { token: agentToken }));
    const { addProductVariant: large } = await run(
      execute(t.url, WebAddVariant, { productId: jacket.id, input: { sku: 'WEB-JACKET-L', optionValues: size('L') } }, { token: agentToken }),
    );
    await setStock(jacket.id, 4);
    await setStock(large.id, 0);

    // The console counts the variants and sets the M's stock by its SKU.
    const console_ = await open('/admin/stock');
    await signInToConsole(console_);
    const set = console_.locator('form', { has: console_.getByRole('heading', { name: 'Set the count' }) });
    await set.getByLabel('SKU').fill('WEB-JACKET-M');
    await set.getByLabel('On hand').fill('7');
    await set.getByRole('button', { name: 'Set stock' }).click();
    await console_.getByText('Now 7 on hand').waitFor();
    await console_.goto(`${origin}/admin/products`);
    await console_.getByLabel('Search products').fill('WEB-JACKET');
    await console_.getByRole('button', { name: 'Search' }).click();
    expect(await console_.locator('tr[data-sku="WEB-JACKET"] [data-testid="variant-count"]').textContent()).toBe('3');
    await console_.getByRole('button', { name: '3 variants of WEB-JACKET' }).click();
    const variants = console_.getByRole('table', { name: 'Variants of WEB-JACKET' });
    expect(await variants.locator('tr[data-sku="WEB-JACKET-M"]').textContent()).toContain('7 / 7');
    expect(await variants.locator('tr[data-sku="WEB-JACKET-L"]').textContent()).toContain('0 / 0');
    await screenshot(console_, 'console-variants');

    const shop = await open('/');
    const problems = watchProblems(shop);
    await register(shop, 'vera@shop.test');
    await shop.getByLabel('Search').fill('Field Jacket');
    await shop.getByRole('button', { name: 'Search' }).click();
    await shop.getByRole('link', { name: 'Field Jacket' }).click();
    const sizes = shop.getByRole('group', { name: 'Size' });
    await shop.getByText('4 in stock').waitFor();
    expect(await sizes.getByRole('radio', { name: 'S', exact: true }).isChecked()).toBe(true);
    expect(await sizes.getByRole('radio', { name: 'L (sold out)' }).isDisabled()).toBe(true);
    expect(await text(shop, '.price')).toContain('49.00');
    const box = async () => (await shop.getByRole('button', { name: 'Add to cart' }).boundingBox())!.y;
    const before = await box();

    await sizes.getByRole('radio', { name: 'M', exact: true }).check();
    await shop.getByText('7 in stock').waitFor();
    expect(await text(shop, '.price')).toContain('54.00');
    expect(await text(shop, '[data-testid="sku"]')).toBe('SKU WEB-JACKET-M');
    // Switching sizes moves nothing on the page.
    expect(await box()).toBe(before);
    // The M's own level arrives live (the page subscribes by the variant's id).
    await console_.goto(`${origin}/admin/stock`);
    await set.getByLabel('SKU').fill('WEB-JACKET-M');
    await set.getByLabel('On hand').fill('6');
    await set.getByRole('button', { name: 'Set stock' }).click();
    await shop.getByText('6 in stock').waitFor();
    await screenshot(shop, 'storefront-variants');
    await expectContrast(shop);
    // The default size's id is the product's, whose notices carry the sum (3 + 6 + 0): the page shows the S's own 3.
    await setStock(jacket.id, 3);
    await sizes.getByRole('radio', { name: 'S', exact: true }).check();
    await shop.getByText('3 in stock').waitFor();
    await sizes.getByRole('radio', { name: 'M', exact: true }).check();
    await shop.getByText('6 in stock').waitFor();

    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await shop.getByText('Added to your cart.').waitFor();
    await shop.getByRole('link', { name: 'Go to cart' }).click();
    await shop.getByRole('spinbutton', { name: 'Quantity of Field Jacket (M)' }).waitFor();
    expect(await text(shop, '.price')).toContain('54.00');
    await shop.getByRole('button', { name: 'Check out' }).click();
    await shop.waitForURL(/\/orders\/[^/]+$/);
    await shop.getByText('1 × Field Jacket (Size: M)').waitFor();
    await shop.getByLabel('Card (test payments)').selectOption('pm_card_visa');
    await shop.getByRole('button', { name: /^Pay / }).click();
    await waitFor(async () => (await statusOf(shop)) === 'PAID', { timeout: 15_000 });
    await shop.getByRole('link', { name: 'Orders', exact: true }).click();
    await shop.getByRole('list', { name: 'Orders' }).getByText('1 × Field Jacket (Size: M)').waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  it("shows the demo hoodie's sizes and colours out of the box: own prices and stock, a sold-out and a missing combination disabled", async () => {
    const hoodie = DEMO_PRODUCTS.find((product) => product.variants)!;
    const variant = (sku: string) => hoodie.variants!.find((v) => v.sku === sku)!;
    const shop = await open('/');
    const problems = watchProblems(shop);
    await shop.getByRole('link', { name: hoodie.name }).click();
    const sizes = shop.getByRole('group', { name: 'Size' });
    const colours = shop.getByRole('group', { name: 'Colour' });
    // The default variant, S in grey.
    await shop.getByText(`${variant('HOODIE').onHand} in stock`).waitFor();
    expect(await sizes.getByRole('radio', { name: 'S', exact: true }).isChecked()).toBe(true);
    expect(await colours.getByRole('radio', { name: 'Grey', exact: true }).isChecked()).toBe(true);
    expect(await sizes.getByRole('radio', { name: 'L (sold out)' }).isDisabled()).toBe(true);
    // No navy S was made.
    expect(await colours.getByRole('radio', { name: 'Navy', exact: true }).isDisabled()).toBe(true);

    await sizes.getByRole('radio', { name: 'M', exact: true }).check();
    await shop.getByText(`${variant('HOODIE-M-GREY').onHand} in stock`).waitFor();
    await colours.getByRole('radio', { name: 'Navy', exact: true }).check();
    await shop.getByText(`${variant('HOODIE-M-NAVY').onHand} in stock`).waitFor();
    expect(await text(shop, '.price')).toContain('64.00');
    expect(await text(shop, '[data-testid="sku"]')).toBe('SKU HOODIE-M-NAVY');
    // In navy, L is in stock.
    expect(await sizes.getByRole('radio', { name: 'L', exact: true }).isDisabled()).toBe(false);
    await screenshot(shop, 'storefront-demo-variants');
    expect(problems).toEqual([]);
  }, 60_000);

  it('shows why a card was declined and lets the shopper pay the same order again with another card', async () => {
    const shop = await open('/');
    await register(shop, 'declined@shop.test');
    const orderId = await orderOne(shop, bottle.name);
    await shop.getByLabel('Card (test payments)').selectOption('pm_card_chargeDeclined');
    await shop.getByRole('button', { name: /^Pay / }).click();
    await shop.getByTestId('payment-failure').getByText('Your card was declined.').waitFor();
    await waitFor(async () => (await statusOf(shop)) === 'PAYMENT_FAILED', { timeout: 15_000 });
    await shop.getByRole('heading', { name: 'Pay again with another card' }).waitFor();
    await screenshot(shop, 'storefront-payment-declined');
    await expectContrast(shop);

    await shop.getByLabel('Card (test payments)').selectOption('pm_card_visa');
    await shop.getByRole('button', { name: /^Pay / }).click();
    await waitFor(async () => (await statusOf(shop)) === 'PAID', { timeout: 15_000 });
    expect(new URL(shop.url()).pathname).toBe(`/orders/${encodeURIComponent(orderId)}`);
    await shop.getByTestId('payment-failure').waitFor({ state: 'detached' });
    const order = (await execute(t.url, WebOrder, { id: orderId }, { token: agentToken })).data?.order;
    expect(order?.payment?.status).toBe('SUCCEEDED');
    expect(order?.statusHistory.map((c) => c.to)).toEqual(['PENDING', 'AWAITING_PAYMENT', 'PAYMENT_FAILED', 'PAID']);
  }, 90_000);

  it('filters the orders board by status: only that status, every order again with Any; one shipped from a filtered board leaves it', async () => {
    const console_ = await open('/admin/orders');
    const problems = watchProblems(console_);
    await signInToConsole(console_);
    const rows = console_.locator('tr[data-order]');
    const board = () => rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-order')!, tr.querySelector('[data-status]')!.getAttribute('data-status')!] as [string, string]));
    const count = async () => Number(/^(\d+) orders?$/.exec((await console_.getByText(/^\d+ orders?$/).textContent())!)![1]);
    const filterBy = async (status: string) => {
      await console_.getByLabel('Status').selectOption(status);
      await console_.getByRole('button', { name: 'Filter' }).click();
    };
    const showing = (expected: Array<[string, string]>) =>
      waitFor(
        async () => {
          expect((await board()).sort()).toEqual([...expected].sort());
          expect(await count()).toBe(expected.length);
          return true;
        },
        { timeout: 10_000 },
      );
    await rows.first().waitFor();
    const all = await board();
    // The orders the tests above placed: the first shopper's shipped, the jacket's and the re-paid declined one paid. One page holds them all.
    expect(await count()).toBe(all.length);
    expect(all.filter(([, status]) => status === 'SHIPPED').length).toBeGreaterThan(0);
    expect(all.filter(([, status]) => status === 'PAID').length).toBeGreaterThan(1);

    await filterBy('SHIPPED');
    await showing(all.filter(([, status]) => status === 'SHIPPED'));
    await filterBy('PAID');
    const paid = all.filter(([, status]) => status === 'PAID');
    await showing(paid);
    await screenshot(console_, 'console-orders-paid');
    await expectContrast(console_);

    const [shipped] = paid[0];
    await console_.locator(`tr[data-order="${shipped}"]`).getByRole('button', { name: `Ship order ${shipped}` }).click();
    await showing(paid.slice(1));
    await filterBy('SHIPPED');
    await showing([...all.filter(([, status]) => status === 'SHIPPED'), [shipped, 'SHIPPED']]);
    await filterBy('');
    await showing(all.map(([id, status]) => [id, id === shipped ? 'SHIPPED' : status]));
    expect(problems).toEqual([]);
  }, 60_000);

  it('pages the catalogue forward with Next and back with Previous (after and before cursors), Previous off on the first page', async () => {
    const tools = orderTools(() => t);
    // Newest first: these fill the first page and push older products onto the second.
    for (let i = 0; i < 13; i += 1) await tools.product({ onHand: 1 });
    const shop = await open('/');
    const asked: Array<Record<string, unknown>> = [];
    shop.on('request', (request) => {
      // The app sends its operations by persisted id.
      const body = request.postDataJSON() as { documentId?: string; variables?: Record<string, unknown> } | null;
      if (body?.documentId === idOf(StoreProductsDocument)) asked.push(body.variables ?? {});
    });
    const list = shop.getByRole('list', { name: 'Products' });
    const shown = () => list.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    const pages = shop.getByRole('navigation', { name: 'Pages' });
    await list.getByRole('listitem').nth(11).waitFor();
    const first = await shown();
    expect(first).toHaveLength(12);
    expect(await pages.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);

    await pages.getByRole('button', { name: 'Next' }).click();
    await waitFor(async () => !(await shown()).includes(first[0]));
    expect((await shown()).filter((href) => first.includes(href))).toEqual([]);

    await pages.getByRole('button', { name: 'Previous' }).click();
    await waitFor(async () => JSON.stringify(await shown()) === JSON.stringify(first));
    // Asked as the 12 before the second page's first product, not from remembered cursors.
    expect(asked.at(-1)).toMatchObject({ last: 12, before: expect.any(String) });
    expect(await pages.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);
    expect(await pages.getByRole('button', { name: 'Next' }).isDisabled()).toBe(false);
  }, 60_000);

  it('lets an agent create a product that appears in an open storefront without a reload, and refuses a bad SKU beside its field', async () => {
    const shop = await open('/');
    await shop.getByRole('list', { name: 'Products' }).getByRole('listitem').first().waitFor();
    const console_ = await open('/admin');
    await signInToConsole(console_);
    await console_.getByRole('table').getByText(mug.sku).waitFor();

    await console_.getByLabel('SKU').fill('not a sku!');
    await console_.getByLabel('Name', { exact: true }).fill('Broken');
    await console_.getByLabel('Price').fill('5');
    await console_.getByRole('button', { name: 'Create product' }).click();
    const skuError = console_.locator('.field', { has: console_.getByLabel('SKU') }).locator('.field-error');
    await skuError.waitFor();
    await screenshot(console_, 'console-product-error');
    await expectContrast(console_);
    expect((await execute(t.url, WebProductBySku, { sku: 'not a sku!' }, { token: agentToken })).data?.product ?? null).toBeNull();

    await console_.getByLabel('SKU').fill('LAMP-DESK');
    await console_.getByLabel('Name', { exact: true }).fill('Desk lamp');
    await console_.getByLabel('Price').fill('45.50');
    await console_.getByLabel('Description').fill('Warm light, brass finish.');
    await console_.getByRole('button', { name: 'Create product' }).click();
    await console_.getByText('Desk lamp (LAMP-DESK) was created.').waitFor();
    await console_.locator('tr[data-sku="LAMP-DESK"]').waitFor();
    await screenshot(console_, 'console-products');
    await expectContrast(console_);

    // A search narrows the table to the products matching it (the new one alone); an empty one brings the rest back.
    const skus = () => console_.locator('tr[data-sku]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-sku')));
    const everything = await skus();
    expect(everything).toEqual(expect.arrayContaining(['LAMP-DESK', mug.sku]));
    const search = async (term: string) => {
      await console_.getByLabel('Search products').fill(term);
      await console_.getByRole('button', { name: 'Search', exact: true }).click();
    };
    await search('lamp');
    await waitFor(async () => (await skus()).join() === 'LAMP-DESK', { timeout: 10_000 });
    await console_.getByText('1 product', { exact: true }).waitFor();
    await search('');
    await waitFor(async () => (await skus()).join() === everything.join(), { timeout: 10_000 });

    // The storefront tab, untouched since it loaded, shows the new product.
    await shop.getByRole('link', { name: 'Desk lamp' }).waitFor({ timeout: 20_000 });
    await screenshot(shop, 'storefront-new-product');

    // Inline edit, then archive: the storefront drops it.
    const row = console_.locator('tr[data-sku="LAMP-DESK"]');
    await row.getByRole('button', { name: 'Edit LAMP-DESK' }).click();
    await row.getByLabel('Price of LAMP-DESK').fill('39.90');
    await row.getByRole('button', { name: 'Save' }).click();
    await row.getByText('39.90').waitFor();
    await row.getByRole('button', { name: 'Archive LAMP-DESK' }).click();
    await row.getByText('ARCHIVED').waitFor();
    await shop.getByRole('link', { name: 'Desk lamp' }).waitFor({ state: 'detached', timeout: 20_000 });
  }, 90_000);

  it('sets and adjusts stock with a reason in the console, lists low stock, and shows an unknown SKU beside its field', async () => {
    const console_ = await open('/admin/stock');
    await signInToConsole(console_);
    const adjust = console_.locator('form', { has: console_.getByRole('heading', { name: 'Adjust, with a reason' }) });
    await adjust.getByLabel('SKU').fill('NO-SUCH-SKU');
    await adjust.getByLabel('Change (+/−)').fill('5');
    await adjust.getByLabel('Reason').fill('delivery note 1');
    await adjust.getByRole('button', { name: 'Adjust stock' }).click();
    const skuError = adjust.locator('.field', { has: console_.getByLabel('SKU') }).locator('.field-error');
    await skuError.waitFor();
    expect(await skuError.textContent()).toContain('NO-SUCH-SKU');

    await adjust.getByLabel('SKU').fill(DEMO_PRODUCTS[2].sku);
    await adjust.getByRole('button', { name: 'Adjust stock' }).click();
    await console_.getByText(`Now ${DEMO_PRODUCTS[2].onHand + 5} on hand`).waitFor();

    const set = console_.locator('form', { has: console_.getByRole('heading', { name: 'Set the count' }) });
    await set.getByLabel('SKU').fill(DEMO_PRODUCTS[1].sku);
    await set.getByLabel('On hand').fill('1');
    await set.getByRole('button', { name: 'Set stock' }).click();
    await console_.getByRole('table', { name: 'Low stock' }).getByText(DEMO_PRODUCTS[1].sku).waitFor();
    await screenshot(console_, 'console-stock');
    await expectContrast(console_);

    await console_.getByRole('link', { name: 'Audit log' }).click();
    await console_.getByRole('heading', { name: 'Audit log' }).waitFor();
    // The demo agent is not an admin: the page says so rather than failing.
    await console_.getByText('The audit log is for admins').waitFor();

    await console_.getByRole('button', { name: 'Sign out' }).click();
    // A wrong password: the server's words on the form, and nothing signed in.
    await console_.getByLabel('Email').fill(admin.email);
    await console_.getByLabel('Password').fill('not-the-password');
    await console_.getByRole('button', { name: 'Sign in' }).click();
    await console_.locator('form').getByRole('alert').getByText(await wrongCredentials()).waitFor();
    expect(await console_.getByRole('navigation', { name: 'Console' }).count()).toBe(0);
    await signInToConsole(console_, admin);
    await console_.getByRole('link', { name: 'Audit log' }).click();
    await console_.getByLabel('Action').fill('stock.adjusted');
    await console_.getByRole('button', { name: 'Filter' }).click();
    await console_.getByRole('cell', { name: 'delivery note 1' }).waitFor();
    await screenshot(console_, 'console-audit');
    await expectContrast(console_);
  }, 60_000);

  it('reconnects a lost live connection, shows it, and resubscribes', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    contexts.push(context);
    const sockets: WebSocketRoute[] = [];
    await context.routeWebSocket(/\/graphql$/, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    const shop = await context.newPage();
    await shop.goto(`${origin}/products/${mug.id}`);
    await shop.getByText('in stock').waitFor();
    const indicator = shop.locator('.live');
    await waitFor(async () => (await indicator.getAttribute('data-status')) === 'live', { timeout: 15_000 });
    await screenshot(shop, 'storefront-product-phone');
    await expectContrast(shop);

    // Live changes replace text in boxes of fixed width: nothing on the page moves (Chromium's layout-shift entries).
    await shop.evaluate(() => {
      const shifts: number[] = [];
      (window as unknown as { shifts: number[] }).shifts = shifts;
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => shifts.push((entry as unknown as { value: number }).value))).observe({ type: 'layout-shift' });
    });
    // As a gateway going down closes them (a network loss is 1006, which a page cannot send).
    await Promise.all(sockets.map((socket) => socket.close({ code: 1001, reason: 'Going away' })));
    await waitFor(async () => (await indicator.getAttribute('data-status')) === 'reconnecting', { timeout: 5_000, interval: 10 });
    await waitFor(async () => (await indicator.getAttribute('data-status')) === 'live', { timeout: 15_000 });
    expect(sockets.length).toBeGreaterThan(1);
    await setStock(mug.id, 21);
    await shop.getByText('21 in stock').waitFor();
    expect(await shop.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
  }, 60_000);

  it('reopens a lost live connection with a refreshed token when the gateway refuses the old one', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const sockets: WebSocketRoute[] = [];
    await context.routeWebSocket(/\/graphql$/, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    const shop = await context.newPage();
    await register(shop, 'live-refresh@shop.test');
    const orderId = await orderOne(shop, DEMO_PRODUCTS[2].name);
    const indicator = shop.locator('.live');
    await waitFor(async () => (await indicator.getAttribute('data-status')) === 'live', { timeout: 15_000 });

    const key = 'shop.storefront.session';
    const stored = JSON.parse((await shop.evaluate((k) => localStorage.getItem(k), key))!) as { accessToken: string };
    const customerToken = stored.accessToken;
    await shop.evaluate(([k, value]) => localStorage.setItem(k, value), [key, JSON.stringify({ ...stored, accessToken: 'not.a.token' })] as const);
    const dropped = sockets.length;
    await Promise.all(sockets.map((socket) => socket.close({ code: 1001, reason: 'Going away' })));
    // Refused with 4403 once, then opened with the refreshed token.
    await waitFor(() => sockets.length >= dropped + 2, { timeout: 15_000 });
    await waitFor(async () => (await indicator.getAttribute('data-status')) === 'live', { timeout: 15_000 });
    expect(JSON.parse((await shop.evaluate((k) => localStorage.getItem(k), key))!).accessToken).not.toBe('not.a.token');

    expect((await execute(t.url, ConfirmPayment, { orderId, paymentMethod: 'pm_card_visa' }, { token: customerToken })).errors).toBeUndefined();
    await waitFor(async () => (await statusOf(shop)) === 'PAID', { timeout: 15_000 });
    expect((await execute(t.url, ShipOrder, { id: orderId }, { token: agentToken })).errors).toBeUndefined();
    await waitFor(async () => (await statusOf(shop)) === 'SHIPPED', { timeout: 15_000 });
  }, 60_000);

  it('refreshes an access token rejected mid-session once, then asks to sign in', async () => {
    const shop = await open('/');
    await register(shop, 'refresh@shop.test');
    const key = 'shop.storefront.session';
    const before = JSON.parse((await shop.evaluate((k) => localStorage.getItem(k), key))!) as { accessToken: string; refreshToken: string };
    await shop.evaluate(([k, value]) => localStorage.setItem(k, value), [key, JSON.stringify({ ...before, accessToken: 'not.a.token' })] as const);
    await shop.getByRole('link', { name: 'Orders', exact: true }).click();
    await shop.getByText('No orders yet.').waitFor();
    const after = JSON.parse((await shop.evaluate((k) => localStorage.getItem(k), key))!) as { accessToken: string; refreshToken: string };
    expect(after.accessToken).not.toBe('not.a.token');
    expect(after.refreshToken).not.toBe(before.refreshToken);

    await shop.evaluate(([k, value]) => localStorage.setItem(k, value), [key, JSON.stringify({ ...after, accessToken: 'not.a.token', refreshToken: 'spent' })] as const);
    await shop.getByRole('link', { name: 'Cart' }).click();
    await shop.getByText('Your session has ended. Please sign in again.').waitFor();
    await waitFor(() => new URL(shop.url()).pathname + new URL(shop.url()).search === '/signin?next=%2Fcart', { timeout: 5_000 }).catch((error: Error) => {
      throw new Error(`${error.message}: ${shop.url()}`);
    });
    expect(await shop.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
    await screenshot(shop, 'storefront-signin-again');
    await expectContrast(shop);
  }, 60_000);
});

describe('without the web apps', () => {
  it('serves no page with WEB_APPS=false: a browser gets the plain 404', async () => {
    const t = await startTestStack({ env: { WEB_APPS: 'false' } });
    try {
      const origin = new URL(t.url).origin;
      const page = await fetch(origin + '/', { headers: { accept: 'text/html' } });
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toContain('application/json');
      expect((await fetch(origin + '/admin', { headers: { accept: 'text/html' } })).status).toBe(404);
    } finally {
      await t.stop();
    }
  });
});

describe('the storefront with SAFELIST=true', () => {
  it('browses and watches stock live, since it sends only the persisted operations of @shop/client', async () => {
    await buildWebApps();
    const t = await startTestStack({ env: { SAFELIST: 'true' } });
    const browser = await launchChromium();
    try {
      const origin = new URL(t.url).origin;
      const page = await (await browser.newContext()).newPage();
      const problems = watchProblems(page);
      await page.goto(`${origin}/products/${mug.id}`);
      await page.getByText(`${mug.onHand} in stock`).waitFor();
      await waitFor(async () => (await page.locator('.live').getAttribute('data-status')) === 'live', { timeout: 15_000 });
      // A document outside the manifest is refused here: the page's were all in it.
      const text = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(((await text.json()) as { errors?: unknown[] }).errors).toBeDefined();
      const agentToken = await t.token('demo-user-agent', 'CUSTOMER', 'AGENT');
      // The console's own operation, by its id as the console sends it.
      const set = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${agentToken}` },
        body: JSON.stringify({ documentId: idOf(ConsoleSetStockDocument), variables: { sku: mug.sku, onHand: 17 } }),
      });
      expect(((await set.json()) as { errors?: unknown[] }).errors).toBeUndefined();
      await page.getByText('17 in stock').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await t.stop();
    }
  }, 90_000);
});
