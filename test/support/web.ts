import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../platform/project';

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
