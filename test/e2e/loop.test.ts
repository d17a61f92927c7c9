import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { callApi, focusedText, signIn, unreadCount, type SignedIn } from '../helpers/e2e.js';
import { startServer, type RunningServer } from '../helpers/server.js';


describe('closing the loop, two people in two browsers', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function signedIn(email: string, path: string): Promise<SignedIn> {
    const session = await signIn(browser, server.url, email, path);
    contexts.push(session.context);
    return session;
  }

  it('an agent posts, product raises, claims and resolves with the keyboard, and the agent hears the loop close', async () => {
    // The agent, signed in; the bell has counted what was already there.
    const agent = await signedIn('agent@example.com', '/issues');
    await agent.page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).waitFor();
    await expect.poll(() => unreadCount(agent.page), { timeout: 5_000 }).not.toBeNaN();
    const before = await unreadCount(agent.page);

    // The agent posts what a customer said (the composer is another screen: the API, with the page's session).
    const insight = await callApi<{ id: string }>(agent.page, 'POST', '/api/insights', {
      body: 'Loop Customer says the **CSV export** cuts off at 1,000 rows.',
      channel: 'call',
      sentiment: 'negative',
      tags: ['export'],
      customer: { name: 'Loop Customer', company: 'Loop Co' },
    });

    // A product member raises an issue from it.
    const product = await signedIn('product@example.com', '/issues');
    const teams = await callApi<{ items: { id: string; slug: string }[] }>(product.page, 'GET', '/api/teams?limit=100');
    const teamId = teams.items.find((t) => t.slug === 'product')?.id;
    expect(teamId).toBeTruthy();
    const issue = await callApi<{ id: string; version: number }>(product.page, 'POST', '/api/issues', {
      title: 'Export cuts off',
      description: 'Exports stop at **1,000 rows**.',
      kind: 'problem',
      teamId,
      insightIds: [insight.id],
    });

    // On the issue page: the evidence is there, with its customer.
    const page = product.page;
    await page.goto(`${server.url}/issues/${issue.id}`);
    await page.getByRole('heading', { name: 'Export cuts off', level: 1 }).waitFor();
    await page.getByText('Loop Customer', { exact: true }).waitFor();
    await page.getByText('Open', { exact: true }).first().waitFor();

    // Claim, with the keyboard.
    await page.getByRole('button', { name: 'Claim', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'You claimed this issue' }).waitFor();
    await page.getByRole('button', { name: 'Unclaim' }).waitFor();
    expect(await focusedText(page)).toContain('You claimed this issue');

    // Tab to Resolve…, open the note dialog with Enter; an empty note is refused in words.
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Start');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Resolve…');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Resolve this issue' });
    await dialog.waitFor();
    const note = page.getByLabel('What was done?');
    await expect.poll(() => note.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el), { timeout: 5_000 }).toBe(true);
    await page.keyboard.press('Control+Enter');
    await page.getByText('Write what was done', { exact: false }).first().waitFor();
    expect(await note.getAttribute('aria-invalid')).toBe('true');

    const resolution = 'Exports now stream every row; fixed in 4.2.';
    await page.keyboard.type(resolution);
    // Tab to the dialog's "Resolve issue" button and press it.
    for (let i = 0; i < 4 && (await focusedText(page)) !== 'Resolve issue'; i++) await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Resolve issue');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: 'Resolved.' }).waitFor();
    await page.getByRole('heading', { name: 'How it was resolved' }).waitFor();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    // The history has every step, newest first, with the note.
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('resolved it').waitFor();
    await history.getByText(resolution).waitFor();
    await history.getByText('claimed it').waitFor();

    // The agent's bell counts the claim and the closed loop.
    await agent.page.reload();
    await agent.page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).waitFor();
    await expect.poll(() => unreadCount(agent.page), { timeout: 5_000 }).toBe(before + 2);

    // The panel says it in words: newest first, the loop closed with the note and the customer to tell.
    await agent.page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    const panel = agent.page.getByRole('dialog', { name: 'Notifications' });
    await panel.waitFor();
    const items = panel.getByRole('listitem');
    const loopClosed = items.first();
    await loopClosed.getByText(`Loop closed: “Export cuts off” was resolved — tell Loop Customer (Loop Co)`).waitFor();
    await loopClosed.getByText(resolution).waitFor();
    await items.nth(1).getByText('Omar Haddad claimed “Export cuts off”').waitFor();

    // Esc closes the panel and gives the focus back to the bell.
    await agent.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    const bellFocused = await agent.page
      .getByRole('button', { name: /^Notifications, \d+ unread$/ })
      .evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el);
    expect(bellFocused).toBe(true);

    // Opening the loop-closed notification goes to the issue and marks it read.
    await agent.page.keyboard.press('Enter');
    await panel.waitFor();
    await panel.getByRole('link', { name: /Loop closed: “Export cuts off”/ }).click();
    await agent.page.waitForURL(`${server.url}/issues/${issue.id}`);
    await agent.page.getByRole('heading', { name: 'How it was resolved' }).waitFor();
    await expect.poll(() => unreadCount(agent.page), { timeout: 5_000 }).toBe(before + 1);

    expect(agent.watch.problems).toEqual([]);
    expect(product.watch.problems).toEqual([]);
  });
});
