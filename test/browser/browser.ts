/**
 * Browser tests: Debian's Chromium driven by playwright-core against a real Merit server (the
 * harness's API plus the built client, as `npm run serve` mounts them). `startBrowserApp` gives
 * one server and one browser per test file; `open` signs a persona in the way a host site does
 * (`/?token=`), in a fresh browser context so sessions never mix. Screenshots go to
 * test-artifacts/browser/ (ignored by git) for a person to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { clientRoutes, ensureClientBuilt } from '../../server/client';
import { startTestApi, type TestApi } from '../support/harness';
import type { TokenClaims } from '../support/tokens';

export const chromiumPath = '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
export const artifactsDir = resolve(__dirname, '../../test-artifacts/browser');

export const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: install it with 'apt-get install -y chromium'`);
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

export interface OpenOptions {
  path?: string;
  viewport?: keyof typeof viewports;
  /** The browser's language on first visit (the app follows it until a choice is made). */
  locale?: string;
}

export interface BrowserApp {
  api: TestApi;
  browser: Browser;
  /** A signed-in page for `claims`, opened at `path` with `?token=` as a host site links it. */
  open(claims: TokenClaims, options?: OpenOptions): Promise<Page>;
  /** A page without a token. */
  openAnonymous(options?: OpenOptions): Promise<Page>;
  /** Uncaught errors thrown in any page of this app (a test expects none). */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function startBrowserApp(
  name: string,
  env: Record<string, string> = {},
): Promise<BrowserApp> {
  await ensureClientBuilt();
  const api = await startTestApi(env, name, { extraRoutes: (config) => clientRoutes(config) });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await api.close();
    throw error;
  });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  const newPage = async ({ viewport = 'desktop', locale = 'en-GB' }: OpenOptions) => {
    const context = await browser.newContext({ viewport: viewports[viewport], locale });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  };
  return {
    api,
    browser,
    pageErrors,
    async open(claims, options = {}) {
      const page = await newPage(options);
      const token = await api.token(claims);
      await page.goto(`${api.url}${options.path ?? '/'}?token=${encodeURIComponent(token)}`);
      return page;
    },
    async openAnonymous(options = {}) {
      const page = await newPage(options);
      await page.goto(`${api.url}${options.path ?? '/'}`);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await api.close();
    },
  };
}

/** Waits until no part of the page says it is loading (language-independent: `data-loading`). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('main') && !document.querySelector('[data-loading]'),
  );
}

/** Saves a full-page screenshot once the page has settled. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await settled(page);
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}
