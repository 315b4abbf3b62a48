import { closeSync, openSync, rmSync, statSync, type Stats } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../platform/project';
import { waitFor } from './wait-for';

const { buildWebIfStale } = require('../../scripts/build-if-stale.cjs') as { buildWebIfStale: (options?: { quiet?: boolean }) => boolean };

// Outside web/, whose own mtime would make the build look stale.
const BUILD_LOCK = path.join(projectRoot(), 'test', 'artifacts', 'web-build.lock');
/** A lock older than this was left by a run that died mid-build. */
const STALE_LOCK_MS = 5 * 60_000;

/**
 * Builds web/dist when a source changed since the last build, as `npm start`
 * does. The browser suites run in parallel workers: one builds while the
 * others wait for its lock to go, so no page is served from a half-written dist.
 */
export async function buildWebApps(): Promise<void> {
  const take = () => {
    try {
      closeSync(openSync(BUILD_LOCK, 'wx'));
      return true;
    } catch {
      if (Date.now() - (statIfAny(BUILD_LOCK)?.mtimeMs ?? Date.now()) > STALE_LOCK_MS) rmSync(BUILD_LOCK, { force: true });
      return false;
    }
  };
  await mkdir(path.dirname(BUILD_LOCK), { recursive: true });
  await waitFor(take, { timeout: 180_000, interval: 100 });
  try {
    if (!buildWebIfStale({ quiet: true })) throw new Error('npm run build:web failed (see above)');
  } finally {
    rmSync(BUILD_LOCK, { force: true });
  }
}

function statIfAny(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** Debian's Chromium, headless; `.ci/run` installs it when absent. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
}

/** Test artifacts (ignored by git): one screenshot per page the browser tests visit. */
export const ARTIFACTS = path.join(projectRoot(), 'test', 'artifacts', 'web');

/** Empties the folder, so it holds this run's pages only. */
export async function clearScreenshots(): Promise<void> {
  await rm(ARTIFACTS, { recursive: true, force: true });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Collects what the browser reports as going wrong: console errors (a CSP
 * violation is one) and uncaught exceptions, for an expectation at the end.
 */
export function watchProblems(page: Page, ignore: RegExp[] = []): string[] {
  const problems: string[] = [];
  const keep = (text: string) => {
    if (!ignore.some((pattern) => pattern.test(text))) problems.push(text);
  };
  page.on('console', (message) => {
    if (message.type() === 'error') keep(message.text());
  });
  page.on('pageerror', (error) => keep(error.message));
  return problems;
}

/** The status an order page shows. */
export const statusOf = (page: Page) => page.getAttribute('[data-testid="order-status"]', 'data-status');

/** A new shopper registers on the storefront at `origin` and is signed in. */
export async function registerShopper(page: Page, origin: string, email: string): Promise<void> {
  await page.goto(`${origin}/register`);
  await page.getByLabel('Name').fill('Sam Shopper');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a-long-enough-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** From the product page to an order awaiting payment, through the cart; the order's id. */
export async function orderOneOf(page: Page, origin: string, productName: string): Promise<string> {
  await page.goto(origin);
  await page.getByLabel('Search').fill(productName);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: productName }).click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByText('Added to your cart.').waitFor();
  await page.getByRole('link', { name: 'Go to cart' }).click();
  await page.getByRole('button', { name: 'Check out' }).click();
  await page.waitForURL(/\/orders\/[^/]+$/);
  // Placing reserves stock and makes the payment (with Stripe, a PaymentIntent over HTTP): slow on a loaded machine.
  await waitFor(async () => (await statusOf(page)) === 'AWAITING_PAYMENT', { timeout: 30_000 });
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
}

/** Text whose colour is below WCAG's 4.5:1 against what is rendered behind it. */
export interface LowContrast {
  readonly text: string;
  readonly color: string;
  readonly background: string;
  readonly ratio: number;
}

/**
 * Measures the contrast of the colours the page actually renders
 * (getComputedStyle, so a stylesheet or a state class that changes a colour
 * counts): every visible element with text of its own, buttons and form fields
 * included, against its own background composited over its ancestors'. Reports
 * how many texts and buttons it measured, so a caller can tell it saw some.
 * Disabled controls are left out, as WCAG 1.4.3 exempts inactive components.
 */
export function contrastOf(page: Page): Promise<{ texts: number; buttons: number; low: LowContrast[] }> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (css: string): Rgba => {
      const parts = /^rgba?\(([^)]*)\)$/.exec(css)?.[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      if (!parts || parts.length < 3 || parts.some(Number.isNaN)) throw new Error(`A colour this check cannot read: ${css}`);
      return [parts[0], parts[1], parts[2], parts[3] ?? 1];
    };
    // Source-over compositing of `top` on `bottom`.
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const alpha = top[3] + bottom[3] * (1 - top[3]);
      if (alpha === 0) return [0, 0, 0, 0];
      const mix = (i: number) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / alpha;
      return [mix(0), mix(1), mix(2), alpha];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light + 0.05) / (dark + 0.05);
    };
    const opacity = (element: Element) => {
      let product = 1;
      for (let at: Element | null = element; at; at = at.parentElement) product *= Number(getComputedStyle(at).opacity);
      return product;
    };
    // The element's background over its ancestors', down to the white canvas.
    const backdrop = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let at: Element | null = element; at; at = at.parentElement) {
        const layer = parse(getComputedStyle(at).backgroundColor);
        layer[3] *= opacity(at);
        layers.push(layer);
        if (layer[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
    };
    const css = ([r, g, b]: Rgba) => `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
    const fields = 'input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, textarea';
    let texts = 0;
    let buttons = 0;
    const low: Array<{ text: string; color: string; background: string; ratio: number }> = [];
    for (const element of document.body.querySelectorAll('*')) {
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
      if (!ownText && !element.matches(fields)) continue;
      if (element.closest('script, style, option') || element.matches(':disabled') || element.closest('button:disabled')) continue;
      const style = getComputedStyle(element);
      if (style.visibility !== 'visible' || element.getClientRects().length === 0) continue;
      const background = backdrop(element);
      const color = parse(style.color);
      color[3] *= opacity(element);
      const measured = ratio(over(color, background), background);
      texts += 1;
      if (element.closest('button')) buttons += 1;
      if (measured < 4.5) {
        const text = (element instanceof HTMLInputElement || element instanceof HTMLSelectElement ? element.value : element.textContent ?? '').trim().slice(0, 40);
        low.push({ text, color: css(color), background: css(background), ratio: Math.round(measured * 100) / 100 });
      }
    }
    return { texts, buttons, low };
  });
}
