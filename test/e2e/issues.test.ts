import { beforeEach, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import type { IssueSummary } from '../../shared/issues.js';
import { focusedText, signInOn, browserSuite } from '../helpers/e2e.js';
import { watchProblems } from '../helpers/page-problems.js';
import { type RunningServer } from '../helpers/server.js';

const PASSWORD = 'frontline-demo';


describe('issues in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let watch: ReturnType<typeof watchProblems>;
  const suite = browserSuite();
  beforeEach(() => ({ server, browser, page, watch } = suite));

  const signIn = (email: string, path: string) => signInOn(page, server.url, email, path);

  /** Another person's session, as an integration would use the API: not the page's. */
  async function apiAs(email: string): Promise<APIRequestContext> {
    const other = await browser.newContext();
    const headers = { origin: server.url };
    const res = await other.request.post(`${server.url}/api/auth/login`, { data: { email, password: PASSWORD }, headers });
    expect(res.status()).toBe(200);
    return other.request;
  }

  it('shows the board by status, moves between cards with the arrow keys, and sorts the list by priority', async () => {
    await signIn('lead@example.com', '/issues');
    for (const name of ['Open', 'Claimed', 'In progress', 'Resolved', 'Won’t fix']) {
      await page.getByRole('heading', { name: new RegExp(`^${name} \\d+`) }).waitFor();
    }
    const columns = page.getByRole('region');
    const open = columns.filter({ has: page.getByRole('heading', { name: /^Open \d+/ }) });
    const resolved = columns.filter({ has: page.getByRole('heading', { name: /^Resolved \d+/ }) });
    expect(await open.getByRole('link').count()).toBeGreaterThan(3);
    expect(await resolved.getByRole('link').count()).toBeGreaterThan(3);

    // Cards are links; the arrow keys move down a column and across to the next.
    const first = open.getByRole('link').first();
    const second = open.getByRole('link').nth(1);
    const firstTitle = (await first.locator('.title').textContent()) ?? '';
    const secondTitle = (await second.locator('.title').textContent()) ?? '';
    await first.focus();
    expect(await focusedText(page)).toContain(firstTitle);
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toContain(secondTitle);
    await page.keyboard.press('ArrowRight');
    const claimed = columns.filter({ has: page.getByRole('heading', { name: /^Claimed \d+/ }) });
    expect(await focusedText(page)).toContain((await claimed.getByRole('link').nth(1).locator('.title').textContent()) ?? '');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/issues\/[^/?]+$/);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.goBack();
    await page.waitForURL(`${server.url}/issues`);

    // The list view, kept in the URL, sorted by priority: highest score first.
    await page.getByRole('tab', { name: 'List' }).click();
    await page.waitForURL(`${server.url}/issues?view=list`);
    await page.getByRole('table').waitFor();
    await page.getByRole('button', { name: /^Priority/ }).click();
    await page.waitForURL(`${server.url}/issues?view=list&sort=priority`);
    await page.getByRole('columnheader', { name: /Priority/ }).and(page.locator('[aria-sort="descending"]')).waitFor();
    await expect
      .poll(async () => {
        const scores = (await page.locator('tbody tr td:nth-child(6)').allTextContents()).map((s) => Number(s.trim()));
        return scores.length > 10 && scores.every((s, i) => i === 0 || (scores[i - 1] as number) >= s);
      }, { timeout: 5_000 })
      .toBe(true);
    // The API agrees on the order.
    const top = await page.evaluate(async () => ((await (await fetch('/api/issues?sort=priority&limit=1')).json()) as { items: { title: string }[] }).items[0]?.title);
    expect(await page.locator('tbody tr').first().getByRole('link').textContent()).toBe(top);

    // A status filter, also in the URL; the board keeps the filters it shares.
    await page.getByLabel('Status').selectOption({ label: 'Resolved' });
    await page.waitForURL(`${server.url}/issues?view=list&status=resolved&sort=priority`);
    await expect.poll(async () => new Set(await page.locator('tbody tr td:nth-child(2)').allTextContents()).size, { timeout: 5_000 }).toBe(1);
    expect((await page.locator('tbody tr td:nth-child(2)').first().textContent())?.trim()).toBe('Resolved');

    expect(watch.problems).toEqual([]);
  });

  it('shows what someone else changed when a move meets a stale version, then lets the person retry', async () => {
    // This page does not hear live events (its socket goes nowhere), like a tab whose update has not arrived yet.
    await page.routeWebSocket(/\/api\/live/, () => undefined);
    await signIn('lead@example.com', '/issues');
    const issue = await page.evaluate(async () => ((await (await fetch('/api/issues?status=open&sort=age&limit=1')).json()) as { items: IssueSummary[] }).items[0]);
    expect(issue).toBeTruthy();
    if (!issue) return;
    await page.goto(`${server.url}/issues/${issue.id}`);
    await page.getByRole('heading', { name: issue.title, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Claim', exact: true }).waitFor();

    // Behind the page's back, Omar claims it and starts work on it.
    const omar = await apiAs('product@example.com');
    const headers = { origin: server.url };
    let res = await omar.post(`${server.url}/api/issues/${issue.id}/transitions`, { data: { to: 'claimed', version: issue.version }, headers });
    expect(res.status()).toBe(200);
    res = await omar.post(`${server.url}/api/issues/${issue.id}/transitions`, { data: { to: 'in_progress', version: issue.version + 1 }, headers });
    expect(res.status()).toBe(200);

    // The page still offers Claim; pressing it meets the conflict, in words.
    watch.allow(`409 /api/issues/${issue.id}/transitions`);
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Someone else changed this issue' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('status Open → In progress');
    expect(await notice.textContent()).toContain('assignee nobody → Omar Haddad');
    // The page shows the fresh issue: its status and the moves allowed from there.
    await page.getByLabel('Status: In progress').waitFor();
    await page.getByRole('button', { name: 'Claim', exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Unclaim' }).waitFor();
    await page.getByRole('region', { name: 'History' }).getByText('started work on it').waitFor();

    // Retrying works with the fresh version: take it back to open.
    await page.getByRole('button', { name: 'Unclaim' }).click();
    await page.getByRole('status').filter({ hasText: 'The issue is open again.' }).waitFor();
    await notice.waitFor({ state: 'detached' });
    await page.getByLabel('Status: Open').waitFor();

    // An edit meets the same treatment: Omar renames it, the page saves a stale title.
    const fresh = (await (await omar.get(`${server.url}/api/issues/${issue.id}`)).json()) as IssueSummary;
    res = await omar.patch(`${server.url}/api/issues/${issue.id}`, { data: { version: fresh.version, title: 'Renamed by Omar' }, headers });
    expect(res.status()).toBe(200);
    watch.allow(`409 /api/issues/${issue.id}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Kind').selectOption({ label: 'Innovation' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await notice.waitFor();
    expect(await notice.textContent()).toContain('title “' + issue.title + '” → “Renamed by Omar”');
    // The form stays open; saving again goes through.
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Renamed by Omar', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Details' }).getByText('Innovation').waitFor();

    expect(watch.problems).toEqual([]);
  });

  it('lets a lead override the priority with a reason, shown to everyone, and clear it', async () => {
    await signIn('lead@example.com', '/issues');
    const issue = await page.evaluate(async () => ((await (await fetch('/api/issues?status=open&sort=priority&limit=1')).json()) as { items: IssueSummary[] }).items[0]);
    if (!issue) throw new Error('no open issue');
    await page.goto(`${server.url}/issues/${issue.id}`);
    const priority = page.getByRole('region', { name: 'Priority' });
    await priority.getByText(String(issue.priority.score), { exact: true }).waitFor();
    for (const reason of issue.priority.reasons) await priority.getByText(reason, { exact: true }).waitFor();

    await priority.getByRole('button', { name: 'Override priority' }).click();
    const dialog = page.getByRole('dialog', { name: 'Override priority' });
    await dialog.waitFor();
    // A reason is required.
    await page.getByLabel('Score').fill('950');
    await page.getByRole('button', { name: 'Set priority' }).click();
    await page.getByText('Say why the priority is overridden.').first().waitFor();
    await page.getByLabel('Reason').fill('Renewal of our largest account depends on it.');
    await page.getByRole('button', { name: 'Set priority' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await priority.getByText('Overridden to 950').waitFor();
    await priority.getByText('by Lee Lead', { exact: false }).waitFor();
    await priority.getByText('Renewal of our largest account depends on it.').waitFor();
    await priority.getByText('950', { exact: true }).waitFor();

    // A member sees the override and its reason, without the buttons.
    const member = await browser.newContext();
    const memberPage = await member.newPage();
    const memberWatch = watchProblems(memberPage);
    await memberPage.goto(`${server.url}/login?next=${encodeURIComponent(`/issues/${issue.id}`)}`);
    await memberPage.getByLabel('Email').fill('agent@example.com');
    await memberPage.getByLabel('Password').fill(PASSWORD);
    await memberPage.getByRole('button', { name: 'Sign in' }).click();
    const memberPriority = memberPage.getByRole('region', { name: 'Priority' });
    await memberPriority.getByText('Renewal of our largest account depends on it.').waitFor();
    expect(await memberPriority.getByRole('button').count()).toBe(0);
    expect(memberWatch.problems).toEqual([]);
    await member.close();

    // The lead clears it: back to the computed score.
    await priority.getByRole('button', { name: 'Clear override' }).click();
    await page.getByRole('status').filter({ hasText: 'The priority override was cleared.' }).waitFor();
    await priority.getByText('Overridden to').waitFor({ state: 'detached' });

    expect(watch.problems).toEqual([]);
  });
});
