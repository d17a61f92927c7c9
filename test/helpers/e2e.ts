import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './server.js';
import { watchProblems } from './page-problems.js';

export const DEMO_PASSWORD = 'frontline-demo';

/** A same-origin JSON call from inside the page, with its session cookie (and its Origin, as the server wants). */
export async function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        credentials: 'include',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: res.status === 204 ? null : ((await res.json()) as unknown) };
    },
    { method, path, body },
  );
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json as T;
}

export interface SignedIn {
  context: BrowserContext;
  page: Page;
  watch: ReturnType<typeof watchProblems>;
}

/** Signs in through the login form on `page`, as a person would, and waits to land on `path`. */
export async function signInOn(page: Page, baseUrl: string, email: string, path = '/'): Promise<void> {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(path)}`);
  await page.getByLabel('Email', { exact: true }).first().fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}${path}`);
}

/** A fresh browser context signed in through the login form, landing on `path`. */
export async function signIn(browser: Browser, baseUrl: string, email: string, path = '/'): Promise<SignedIn> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(5_000);
  const page = await context.newPage();
  const watch = watchProblems(page);
  await signInOn(page, baseUrl, email, path);
  return { context, page, watch };
}

/** The focused element's text, looking through shadow roots. */
export const focusedText = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  });

/** Whether the element has focus inside its own (shadow) root. */
export const isFocused = (locator: Locator) => locator.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el);

/** The unread count the notification bell announces. */
export async function unreadCount(page: Page): Promise<number> {
  const label = (await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).getAttribute('aria-label')) ?? '';
  return Number(/(\d+) unread/.exec(label)?.[1] ?? NaN);
}

export interface BrowserSuite {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  watch: ReturnType<typeof watchProblems>;
}

/**
 * The hooks every browser test file needs: one server (full demo workspace)
 * and one Chromium per file, and a fresh tab per test that records console
 * errors (CSP violations among them) and uncaught exceptions.
 */
export function browserSuite(): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  beforeEach(async () => {
    suite.context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    suite.context.setDefaultTimeout(5_000);
    suite.page = await suite.context.newPage();
    suite.watch = watchProblems(suite.page);
  });
  afterEach(async () => {
    await suite.context?.close();
  });
  return suite;
}
