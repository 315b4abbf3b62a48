import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { loadConfig } from '../platform/config';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const IdeSetStock = graphql(`
  mutation IdeSetStock($productId: ID!, $onHand: Int!) {
    setStock(productId: $productId, onHand: $onHand) { available }
  }
`);

/**
 * The IDE as a person uses it: Debian's Chromium, headless, opens /graphql,
 * reads the schema docs, runs a query and a live subscription. Nothing is
 * fetched from outside this machine (the test has no network anyway).
 */
describe('the offline IDE at GET /graphql', () => {
  let t: TestStack;
  let browser: Browser;
  let page: Page;
  const mug = DEMO_PRODUCTS[0];

  beforeAll(async () => {
    t = await startTestStack({ env: { IDE: 'true' } });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    page = await browser.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t.stop();
  });

  async function run(document: string): Promise<void> {
    await page.click('.graphiql-query-editor .monaco-editor');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(document);
    // The editor closed brackets as they were typed; drop what it added after the cursor.
    await page.keyboard.press('Shift+Control+End');
    await page.keyboard.press('Delete');
    // GraphiQL parses the editor 100 ms after the last keystroke and picks HTTP or WebSocket from that parse; it has
    // run once it has saved the tab, so a click before then would send a subscription as the previous query was sent.
    const saved = JSON.stringify(document);
    await waitFor(async () => ((await page.evaluate(() => localStorage.getItem('graphiql:tabState'))) ?? '').includes(saved), { timeout: 10_000, interval: 20 });
    await page.click('.graphiql-execute-button');
  }
  // Monaco lays the JSON out with non-breaking spaces: compare with whitespace collapsed.
  const shown = async () => ((await page.textContent('.graphiql-response .result-window')) ?? '').replace(/\s+/g, ' ');
  const responseIncludes = (text: string) => waitFor(async () => (await shown()).includes(text), { timeout: 20_000, interval: 100 });

  it('loads only from the gateway itself, with the schema documented', async () => {
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(new URL(t.url).origin) && !request.url().startsWith('ws://') && !request.url().startsWith('blob:')) outside.push(request.url());
    });
    await page.goto(t.url);
    await page.waitForSelector('.graphiql-query-editor .monaco-editor', { timeout: 30_000 });
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer-content >> text=Subscription', { timeout: 20_000 });
    expect(await page.textContent('.graphiql-doc-explorer-content')).toContain('Query');
    expect(outside).toEqual([]);
  }, 60_000);

  it('runs a query', async () => {
    await run(`{ product(id: "${mug.id}") { name } }`);
    await responseIncludes(`"data": { "product": { "name": "${mug.name}" } }`);
    expect(await shown()).not.toContain('errors');
  }, 60_000);

  it('runs a live subscription and shows each change, and a screenshot shows it', async () => {
    await run(`subscription { stockLevelChanged(productIds: ["${mug.id}"]) { productId available } }`);
    await responseIncludes(`"available": ${mug.onHand}`);
    const agent = await t.token('demo-user-agent', 'AGENT');
    expect((await execute(t.url, IdeSetStock, { productId: mug.id, onHand: 77 }, { token: agent })).errors).toBeUndefined();
    await responseIncludes('"available": 77');
    const shot = path.join(await mkdtemp(path.join(tmpdir(), 'ide-')), 'subscription.png');
    await page.screenshot({ path: shot });
    expect((await stat(shot)).size).toBeGreaterThan(10_000);
  }, 60_000);

  it('still answers GraphQL GET requests and non-browser clients as an API', async () => {
    const api = await fetch(`${t.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' } });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
    const bundle = await fetch(new URL('/ide/ruru.js', t.url));
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(new URL('/ide/..%2Fpackage.json', t.url))).status).toBe(404);
  });
});

describe('without the IDE', () => {
  it('cannot be turned on in production', () => {
    const secret = 'i'.repeat(40);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, INTERNAL_SECRET: secret, IDE: 'true' })).toThrow('IDE=true is not allowed when NODE_ENV=production');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, INTERNAL_SECRET: secret }).gateway.ide).toBe(false);
    expect(loadConfig({}).gateway.ide).toBe(true);
  });

  it('is off by default outside development, and GET /graphql from a browser gets no page', async () => {
    const t = await startTestStack();
    try {
      const page = await fetch(t.url, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).not.toContain('text/html');
      expect((await fetch(new URL('/ide/ruru.js', t.url))).status).toBe(404);
    } finally {
      await t.stop();
    }
  });
});
