import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSuite } from '../helpers/e2e.js';
import type { watchProblems } from '../helpers/page-problems.js';
import { type RunningServer } from '../helpers/server.js';

const PASSWORD = 'frontline-demo';

describe('admin page in a real browser', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let watch: ReturnType<typeof watchProblems>;
  const suite = browserSuite();
  beforeEach(() => ({ server, context, page, watch } = suite));

  it('signs in, creates a team, adds a member and signs out, with no console errors', async () => {
    await page.goto(`${server.url}/login`);
    await expect.poll(() => page.title(), { timeout: 5_000 }).toBe('Sign in · Frontline');

    // Sign in with the keyboard only.
    await page.getByLabel('Email').focus();
    await page.keyboard.type('admin@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    expect(await page.getByLabel('Password').inputValue()).toBe(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByText('Ada Admin').waitFor();

    // Admin, then its Teams tab.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL(`${server.url}/admin`);
    await expect.poll(() => page.title(), { timeout: 5_000 }).toBe('Admin · Frontline');
    await page.getByText('agent@example.com').waitFor();
    await page.getByRole('tab', { name: 'Teams' }).click();
    await page.waitForURL(`${server.url}/admin?tab=teams`);
    await page.getByRole('heading', { name: 'Support', exact: true }).waitFor();

    // Create a team; the slug is suggested from the name.
    await page.getByRole('button', { name: 'New team' }).click();
    await page.getByLabel('Team name').fill('Customer Success');
    expect(await page.getByLabel('Slug').inputValue()).toBe('customer-success');
    await page.getByLabel('Description').fill('Keeps key accounts happy after the sale.');
    expect(await page.getByLabel('Target days').inputValue()).toBe('14');
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('status').filter({ hasText: 'Team Customer Success was created.' }).waitFor();
    await page.getByRole('heading', { name: 'Customer Success', exact: true }).waitFor();

    // Add Alex Agent as a member.
    await page.getByRole('button', { name: 'Manage Customer Success' }).click();
    await page.getByRole('dialog', { name: 'Manage Customer Success' }).waitFor();
    // The dialog's content is slotted: it lives in the light DOM of the open <fl-dialog>.
    const dialog = page.locator('fl-dialog[open]');
    await expect.poll(() => dialog.getByLabel('Add member').isEnabled(), { timeout: 5_000 }).toBe(true);
    await dialog.getByLabel('Add member').selectOption({ label: 'Alex Agent (@agent)' });
    await dialog.getByRole('button', { name: 'Add to team' }).click();
    const members = dialog.getByRole('list', { name: 'Members of Customer Success' });
    await members.getByText('Alex Agent').waitFor();
    await dialog.getByRole('status').filter({ hasText: 'Alex Agent was added to Customer Success.' }).waitFor();

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
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Customer Success', exact: true }) });
    await card.getByText('Alex Agent').waitFor();
    await card.getByText('1 member', { exact: false }).waitFor();

    // Sign out.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/login`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const cookies = await context.cookies(server.url);
    expect(cookies.find((c) => c.name === 'frontline_session')).toBeUndefined();

    expect(watch.problems).toEqual([]);
  });

  it('invites a person and shows the one-time link, with field errors in words', async () => {
    await page.goto(`${server.url}/login?next=${encodeURIComponent('/admin?tab=users')}`);
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/admin?tab=users`);

    // The list searches as you type.
    await page.getByRole('button', { name: 'Edit Alex Agent' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search people' }).fill('priya');
    await page.getByRole('button', { name: 'Edit Alex Agent' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search people' }).fill('');
    await page.getByRole('button', { name: 'Edit Alex Agent' }).waitFor();

    await page.getByRole('button', { name: 'Invite person' }).click();
    // The server's field errors (`details.fields`) appear next to their fields.
    watch.allow('400 /api/users');
    watch.allow('409 /api/users');
    await page.getByLabel('Email').fill('agent@example.com');
    await page.getByLabel('Display name').fill('Second Alex');
    await page.getByLabel('Handle').fill('x');
    await page.getByRole('button', { name: 'Send invite' }).click();
    await page.getByText('A handle needs at least 2 characters.').first().waitFor();
    expect(await page.getByLabel('Handle').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('false');
    // A taken email is refused in words, next to the field.
    await page.getByLabel('Handle').fill('alex2');
    await page.getByRole('button', { name: 'Send invite' }).click();
    await page.getByText('Another account already uses this email.').first().waitFor();
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Email').fill('new.person@example.com');
    await page.getByLabel('Support').check();
    await page.getByRole('button', { name: 'Send invite' }).click();
    const link = page.getByRole('textbox', { name: 'Invite link', exact: true });
    await link.waitFor();
    expect(await link.inputValue()).toMatch(new RegExp(`^${server.url}/accept-invite\\?token=`));
    await page.getByText('expires on', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Edit Second Alex' }).waitFor();

    // The link works: the person sets a password and lands on the feed, signed in.
    const url = await link.inputValue();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/login`);
    await page.goto(url);
    await page.getByLabel('New password').fill('a-good-password');
    await page.getByLabel('Repeat the password').fill('a-good-password');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByText('Second Alex').waitFor();
    await page.getByText('What customers told us, newest first.', { exact: false }).waitFor();

    expect(watch.problems).toEqual([]);
  });
});
