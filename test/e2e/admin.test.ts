import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/server.js';

const PASSWORD = 'frontline-demo';

describe('admin page in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh, signed-out tab that records console errors and uncaught exceptions (CSP violations among them). */
  beforeEach(async () => {
    problems = [];
    context = await browser.newContext();
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  });

  afterEach(async () => {
    await context?.close();
  });

  it('signs in, creates a team, adds a member and signs out, with no console errors', async () => {
    await page.goto(`${server.url}/login`);
    await expect.poll(() => page.title()).toBe('Sign in · Frontline');

    // Sign in with the keyboard only.
    await page.getByLabel('Email').focus();
    await page.keyboard.type('admin@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    expect(await page.getByLabel('Password').inputValue()).toBe(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Ada Admin').isVisible()).toBe(true);

    // Admin, then its Teams tab.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL(`${server.url}/admin`);
    await expect.poll(() => page.title()).toBe('Admin · Frontline');
    await expect.poll(() => page.getByText('agent@example.com').isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'Teams' }).click();
    await page.waitForURL(`${server.url}/admin?tab=teams`);
    await expect.poll(() => page.getByRole('heading', { name: 'Support', exact: true }).isVisible()).toBe(true);

    // Create a team; the slug is suggested from the name.
    await page.getByRole('button', { name: 'New team' }).click();
    await page.getByLabel('Team name').fill('Customer Success');
    expect(await page.getByLabel('Slug').inputValue()).toBe('customer-success');
    await page.getByLabel('Description').fill('Keeps key accounts happy after the sale.');
    expect(await page.getByLabel('Target days').inputValue()).toBe('14');
    await page.getByRole('button', { name: 'Create team' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Team Customer Success was created.' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Customer Success', exact: true }).isVisible()).toBe(true);

    // Add Alex Agent as a member.
    await page.getByRole('button', { name: 'Manage Customer Success' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage Customer Success' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => dialog.getByLabel('Add member').isEnabled()).toBe(true);
    await dialog.getByLabel('Add member').selectOption({ label: 'Alex Agent (@agent)' });
    await dialog.getByRole('button', { name: 'Add to team' }).click();
    const members = dialog.getByRole('list', { name: 'Members of Customer Success' });
    await expect.poll(() => members.getByText('Alex Agent').isVisible()).toBe(true);
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'Alex Agent was added to Customer Success.' }).isVisible()).toBe(true);

    // The server agrees: fetched through the page, with its session.
    const team = await page.evaluate(async () => {
      const res = await fetch('/api/teams/customer-success', { credentials: 'include' });
      return (await res.json()) as { slug: string; targetDays: number; members: { displayName: string; email: string }[] };
    });
    expect(team.slug).toBe('customer-success');
    expect(team.targetDays).toBe(14);
    expect(team.members.map((m) => m.email)).toEqual(['agent@example.com']);

    // Esc closes the dialog; the card shows the member.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Customer Success', exact: true }) });
    await expect.poll(() => card.getByText('Alex Agent').isVisible()).toBe(true);
    await expect.poll(() => card.getByText('1 member', { exact: false }).isVisible()).toBe(true);

    // Sign out.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/login`);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);

    expect(problems).toEqual([]);
  });

  it('invites a person and shows the one-time link, with field errors in words', async () => {
    await page.goto(`${server.url}/login?next=${encodeURIComponent('/admin?tab=users')}`);
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/admin?tab=users`);

    await page.getByRole('button', { name: 'Invite person' }).click();
    // A taken email is refused in words, next to the field.
    await page.getByLabel('Email').fill('agent@example.com');
    await page.getByLabel('Display name').fill('Second Alex');
    await page.getByLabel('Handle').fill('alex2');
    await page.getByRole('button', { name: 'Send invite' }).click();
    await expect.poll(() => page.getByText('Another account already uses this email.').first().isVisible()).toBe(true);
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Email').fill('new.person@example.com');
    await page.getByLabel('Support').check();
    await page.getByRole('button', { name: 'Send invite' }).click();
    const link = page.getByLabel('Invite link');
    await expect.poll(() => link.isVisible()).toBe(true);
    expect(await link.inputValue()).toMatch(new RegExp(`^${server.url}/accept-invite\\?token=`));
    await expect.poll(() => page.getByText('expires on', { exact: false }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: /Second Alex/ }).isVisible()).toBe(true);

    // The link works: the person sets a password and lands on the feed, signed in.
    const url = await link.inputValue();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/login`);
    await page.goto(url);
    await page.getByLabel('New password').fill('a-good-password');
    await page.getByLabel('Repeat the password').fill('a-good-password');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.getByText('Second Alex').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('What customers told us, newest first.', { exact: false }).isVisible()).toBe(true);

    expect(problems).toEqual([]);
  });
});
