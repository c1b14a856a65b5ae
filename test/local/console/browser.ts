/**
 * The console's browser tests run in Debian's headless Chromium, driven by playwright-core (no
 * browser download). Without /usr/bin/chromium they are skipped, saying why; CI installs it.
 * Screenshots go to test-artifacts/console/ (not committed).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { packagePath } from '../../../generator/paths';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = packagePath('test-artifacts', 'console');

const available = existsSync(CHROMIUM);
if (!available) {
  console.warn(`console browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
}

/** `describe`, or `describe.skip` when there is no Chromium to run in. */
export const describeInBrowser = available ? describe : describe.skip;

export async function openBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

export async function openConsole(browser: Browser, url: string, view: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
  page.setDefaultTimeout(10_000); // a clear failure before jest's own timeout
  await page.goto(`${url}#${view}`);
  await page.locator('.live.on').waitFor();
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Goes to a view through the sidebar, as a user would. */
export async function show(page: Page, label: string): Promise<void> {
  await page.locator('nav a', { hasText: label }).first().click();
}
