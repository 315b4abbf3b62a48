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
