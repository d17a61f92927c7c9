import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Dashboard } from '../../shared/dashboard.js';
import { DEMO_PASSWORD, signInOn, browserSuite } from '../helpers/e2e.js';
import { watchProblems } from '../helpers/page-problems.js';
import { type RunningServer } from '../helpers/server.js';


describe('the dashboard in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let watch: ReturnType<typeof watchProblems>;
  const suite = browserSuite();
  beforeEach(() => ({ server, browser, page, watch } = suite));

  const signIn = (email: string, path: string) => signInOn(page, server.url, email, path);

  /** The API's answer, with the page's session. */
  const apiDashboard = (query: string) => page.evaluate(async (q) => (await (await fetch(`/api/dashboard?${q}`)).json()) as Dashboard, query);

  /** A status figure's link ("Resolved 6 issues") and its number. */
  const figure = (status: string) => page.locator('.figures a').filter({ has: page.locator('.figure-label', { hasText: new RegExp(`^${status}$`) }) });
  const figureValue = async (status: string) => Number((await figure(status).locator('.figure-value').textContent())?.trim());

  it('shows the headline figures, the charts with their tables, the team network, and follows the period and a figure', async () => {
    await signIn('lead@example.com', '/dashboard');
    await page.getByRole('heading', { name: 'At a glance' }).waitFor();
    await page.getByText('Showing Last 30 days').waitFor();
    const d30 = await apiDashboard('period=30d');
    for (const [status, label] of [
      ['open', 'Open'],
      ['claimed', 'Claimed'],
      ['in_progress', 'In progress'],
      ['resolved', 'Resolved'],
      ['wont_fix', 'Won’t fix'],
    ] as const) {
      expect(await figureValue(label)).toBe(d30.issuesByStatus[status]);
    }
    await page.getByRole('heading', { name: 'Time to claim' }).waitFor();
    await page.getByRole('heading', { name: 'Silo index', exact: true }).waitFor();
    expect(await page.locator('.glance').textContent()).toContain(`${Math.round((d30.silo.index ?? 0) * 100)}%`);

    // Every chart is a canvas (ECharts, loaded with this page only) with a table of the same figures beside it.
    const network = page.locator('fl-dashboard-panel.network');
    await network.locator('fl-chart canvas').first().waitFor();
    expect(await page.locator('fl-chart canvas').count()).toBeGreaterThanOrEqual(9);
    const teamsTable = page.getByRole('table', { name: /^Teams, their activity/ });
    for (const team of d30.teams) await expect.poll(() => teamsTable.getByRole('rowheader', { name: team.name, exact: true }).count()).toBe(1);
    const interactions = page.getByRole('table', { name: /^Interactions/ });
    expect(d30.interactions.length).toBeGreaterThan(0);
    expect(await interactions.locator('tbody tr').count()).toBe(d30.interactions.length);
    const first = d30.interactions[0] as Dashboard['interactions'][number];
    const name = (id: string) => d30.teams.find((t) => t.id === id)?.name ?? id;
    const firstRow = (await interactions.locator('tbody tr').first().locator('th, td').allTextContents()).map((c) => c.trim());
    expect(firstRow).toEqual([name(first.from), name(first.to), String(first.count)]);
    // The tables are out of sight until asked for; then they show.
    const tableBox = network.locator('div.table');
    expect((await tableBox.boundingBox())?.width ?? 0).toBeLessThan(5);
    await network.getByRole('button', { name: /^Show table/ }).click();
    await expect.poll(async () => (await tableBox.boundingBox())?.width ?? 0).toBeGreaterThan(300);
    await network.getByRole('button', { name: /^Hide table/ }).waitFor();
    // Each table has its CSV export.
    const csv = network.getByRole('link', { name: /^Interactions as CSV/ });
    expect(await csv.getAttribute('href')).toBe('/api/dashboard?period=30d&format=csv&table=interactions');
    expect(await csv.getAttribute('download')).not.toBeNull();
    const csvText = await page.evaluate(async (href) => (await fetch(href)).text(), '/api/dashboard?period=30d&format=csv&table=interactions');
    expect(csvText.split('\n').length).toBeGreaterThan(d30.interactions.length);

    // 90 days: the URL keeps it, and the figures are the API's for 90 days.
    await page.getByRole('radio', { name: '90 days' }).check();
    await page.waitForURL(`${server.url}/dashboard?period=90d`);
    await page.getByText('Showing Last 90 days').waitFor();
    const d90 = await apiDashboard('period=90d');
    expect(d90.issuesByStatus.resolved).toBeGreaterThanOrEqual(d30.issuesByStatus.resolved);
    await expect.poll(() => figureValue('Resolved')).toBe(d90.issuesByStatus.resolved);
    const statusTable = page.getByRole('table', { name: /^Issues raised in this period, by status/ });
    const resolvedRow = (await statusTable.getByRole('row', { name: /^Resolved/ }).locator('th, td').allTextContents()).map((c) => c.trim());
    expect(resolvedRow).toEqual(['Resolved', String(d90.issuesByStatus.resolved)]);
    expect(await page.getByRole('link', { name: 'Export CSV: By status' }).getAttribute('href')).toBe('/api/dashboard?period=90d&format=csv&table=issuesByStatus');

    // A team: kept in the URL beside the period; the figures follow.
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Engineering' });
    await page.waitForURL(`${server.url}/dashboard?period=90d&team=team-engineering`);
    await page.getByText('Showing Last 90 days').filter({ hasText: 'Engineering' }).waitFor();
    const dEng = await apiDashboard('period=90d&teamId=team-engineering');
    await expect.poll(() => figureValue('Open')).toBe(dEng.issuesByStatus.open);
    // The period's bounds travel with the link (each answer has its own "now", so only their shape is compared).
    expect(await figure('Open').getAttribute('href')).toMatch(/^\/issues\?view=list&team=team-engineering&raisedFrom=[^&]+Z&raisedTo=[^&]+Z&status=open$/);
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'All teams' });
    await page.waitForURL(`${server.url}/dashboard?period=90d`);
    await expect.poll(() => figureValue('Open')).toBe(d90.issuesByStatus.open);

    // The "Open" figure opens the list behind it: exactly the open issues raised in the period.
    const openCount = await figureValue('Open');
    await figure('Open').click();
    await page.waitForURL(/\/issues\?view=list&raisedFrom=.*&raisedTo=.*&status=open$/);
    await page.getByRole('table').waitFor();
    await expect
      .poll(async () => {
        const statuses = (await page.locator('tbody tr td:nth-child(2)').allTextContents()).map((s) => s.trim());
        return statuses.length === openCount && statuses.every((s) => s === 'Open');
      })
      .toBe(true);

    expect(watch.problems).toEqual([]);
  });

  it('opens a list from a click on a chart, takes custom dates, and reloads when an issue is raised elsewhere', async () => {
    await signIn('lead@example.com', '/dashboard?period=90d');
    const chart = page.locator('fl-dashboard-panel').filter({ has: page.getByRole('heading', { name: 'By sentiment' }) }).locator('fl-chart canvas').first();
    await chart.scrollIntoViewIfNeeded();
    // The first of three bars (Negative) is the tallest, near the left of the plot.
    const box = await chart.boundingBox();
    if (!box) throw new Error('no canvas');
    await page.waitForTimeout(600); // the bars' entry animation
    await page.mouse.click(box.x + box.width * 0.22, box.y + box.height * 0.8);
    await page.waitForURL(`${server.url}/?sentiment=negative`);
    await page.goBack();
    await page.waitForURL(`${server.url}/dashboard?period=90d`);

    // Custom dates: both needed, "from" not after "to"; applied into the URL.
    await page.getByRole('radio', { name: 'Custom dates' }).check();
    const today = new Date().toISOString().slice(0, 10);
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('From', { exact: true }).fill(today);
    await page.getByLabel('To', { exact: true }).fill(weekAgo);
    await page.getByRole('button', { name: 'Show these dates' }).click();
    await page.getByText('“From” must not be after “To”.').waitFor();
    await page.getByLabel('From', { exact: true }).fill(weekAgo);
    await page.getByLabel('To', { exact: true }).fill(today);
    await page.getByRole('button', { name: 'Show these dates' }).click();
    await page.waitForURL(`${server.url}/dashboard?from=${weekAgo}&to=${today}`);
    await expect.poll(async () => (await page.locator('.scope').textContent())?.includes('Last 90 days')).toBe(false);
    expect(await page.getByRole('radio', { name: 'Custom dates' }).isChecked()).toBe(true);
    const range = await apiDashboard(`from=${weekAgo}&to=${today}`);
    await expect.poll(() => figureValue('Open')).toBe(range.issuesByStatus.open);

    // Someone raises an issue: the dashboard hears it live and reloads.
    const before = await figureValue('Open');
    const other = await browser.newContext();
    const headers = { origin: server.url };
    expect((await other.request.post(`${server.url}/api/auth/login`, { data: { email: 'admin@example.com', password: DEMO_PASSWORD }, headers })).status()).toBe(200);
    const created = await other.request.post(`${server.url}/api/issues`, {
      data: { title: 'Raised while the dashboard is open', kind: 'problem', teamId: 'team-engineering' },
      headers,
    });
    expect(created.status()).toBe(201);
    await other.close();
    await expect.poll(() => figureValue('Open'), { timeout: 8_000 }).toBe(before + 1);

    expect(watch.problems).toEqual([]);
  });

  it('tells a member the dashboard is for leads and admins', async () => {
    await signIn('agent@example.com', '/dashboard');
    await page.getByText('The dashboard is for leads and admins.').waitFor();
    expect(await page.getByRole('heading', { name: 'At a glance' }).count()).toBe(0);
    expect(await page.locator('fl-chart').count()).toBe(0);
    // The page did not ask; the API would say no all the same.
    watch.allow('403 /api/dashboard');
    expect(await page.evaluate(async () => (await fetch('/api/dashboard?period=30d')).status)).toBe(403);
    expect(watch.problems).toEqual([]);
  });
});
