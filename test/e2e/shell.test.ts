import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isFocused, browserSuite } from '../helpers/e2e.js';
import { watchProblems } from '../helpers/page-problems.js';
import { type RunningServer } from '../helpers/server.js';

const PASSWORD = 'frontline-demo';


describe('app shell in a real browser', () => {
  let server: RunningServer;
  let page: Page;
  let watch: ReturnType<typeof watchProblems>;
  const suite = browserSuite();
  beforeEach(() => ({ server, page, watch } = suite));

  async function signIn(email: string): Promise<void> {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('sends a signed-out visitor to /login, explains a wrong password, and returns to `next` after signing in', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(`${server.url}/login`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await isFocused(page.getByLabel('Email'))).toBe(true);

    watch.allow('401 /api/auth/login');
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That email and password do not match an account.' }).waitFor();
    expect(page.url()).toBe(`${server.url}/login`);

    // A deep link survives the detour through sign-in.
    await page.goto(`${server.url}/admin?tab=teams`);
    await page.waitForURL(`${server.url}/login?next=${encodeURIComponent('/admin?tab=teams')}`);
    await signIn('admin@example.com');
    await page.waitForURL(`${server.url}/admin?tab=teams`);
    await page.getByRole('tab', { name: 'Teams', selected: true }).waitFor();

    // Signed in, /login goes to the feed.
    await page.goto(`${server.url}/login`);
    await page.waitForURL(`${server.url}/`);
    await page.getByText('What customers told us, newest first.', { exact: false }).waitFor();
    expect(await page.title()).toBe('Feed · Frontline');

    expect(watch.problems).toEqual([]);
  });

  it('has keyboard shortcuts: ? lists them, c composes, / and Ctrl+K search, Esc closes', async () => {
    await page.goto(`${server.url}/login`);
    await signIn('lead@example.com');
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    // After signing in, reading starts at the content; on a fresh load, the first Tab reaches the skip link.
    expect(await isFocused(page.getByRole('main'))).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await isFocused(skip)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await isFocused(page.getByRole('main'))).toBe(true);

    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await shortcuts.waitFor();
    await page.getByRole('definition').filter({ hasText: 'Compose an insight' }).waitFor();
    await page.keyboard.press('Escape');
    await shortcuts.waitFor({ state: 'hidden' });

    // Right after a dialog closes, focus is handed back; the shortcut then opens the composer.
    const compose = page.getByRole('dialog', { name: 'Post an insight' });
    await expect
      .poll(async () => {
        if (!(await compose.isVisible())) await page.keyboard.press('c');
        return compose.isVisible();
      })
      .toBe(true);
    await page.getByRole('textbox', { name: 'What did the customer say?' }).waitFor();
    await page.keyboard.press('Escape');
    await compose.waitFor({ state: 'hidden' });

    // `/` opens quick search; typing there is typing, not a shortcut.
    const palette = page.getByRole('dialog', { name: 'Search Frontline' });
    const quick = palette.getByRole('combobox', { name: 'Search Frontline' });
    await page.keyboard.press('/');
    await palette.waitFor();
    expect(await isFocused(quick)).toBe(true);
    expect(await quick.inputValue()).toBe('');
    await page.keyboard.type('refund ?c');
    expect(await page.getByRole('dialog').count()).toBe(1);
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'hidden' });
    // The header's search box still goes to the results page.
    const search = page.getByRole('searchbox', { name: 'Search Frontline' });
    await search.fill('refund');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/search?q=refund`);
    await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
    expect(await page.title()).toBe('Search: refund · Frontline');

    await page.getByRole('main').focus();
    await page.keyboard.press('Control+k');
    await palette.waitFor();
    expect(await isFocused(quick)).toBe(true);
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'hidden' });

    // Leads see Admin, with the Teams part only.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL(`${server.url}/admin`);
    await page.getByRole('heading', { name: 'Teams', exact: true }).waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Users', exact: true }).count()).toBe(0);

    expect(watch.problems).toEqual([]);
  });

  it('tells a member that the admin page is not for them', async () => {
    await page.goto(`${server.url}/admin`);
    await page.waitForURL(/\/login\?next=%2Fadmin$/);
    await signIn('agent@example.com');
    await page.waitForURL(`${server.url}/admin`);
    await page.getByText('Only admins and leads can manage the workspace.').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feed' }).count()).toBe(1);

    // Members work on issues too.
    await page.getByRole('link', { name: 'Issues' }).click();
    await page.waitForURL(`${server.url}/issues`);
    await page.getByRole('heading', { name: 'Issues', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Board', selected: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Issues' }).getAttribute('aria-current')).toBe('page');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/login`);
    expect(watch.problems).toEqual([]);
  });
});
