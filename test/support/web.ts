import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../platform/project';
import { waitFor } from './wait-for';

const { buildWebIfStale } = require('../../scripts/build-if-stale.cjs') as { buildWebIfStale: (options?: { quiet?: boolean }) => boolean };

/** Builds web/dist when a source changed since the last build, as `npm start` does. */
export function buildWebApps(): void {
  if (!buildWebIfStale({ quiet: true })) throw new Error('npm run build:web failed (see above)');
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
  await waitFor(async () => (await statusOf(page)) === 'AWAITING_PAYMENT', { timeout: 15_000 });
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
}
