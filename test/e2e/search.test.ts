import { beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { isFocused, signInOn, browserSuite } from '../helpers/e2e.js';
import { watchProblems } from '../helpers/page-problems.js';
import { type RunningServer } from '../helpers/server.js';



/** True when some of the element is inside the viewport. */
const inViewport = (locator: Locator) =>
  locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
  });

/** Tag names of every element inside the hits' titles and snippets: only MARK may be there. */
const markupInHits = (scope: Locator) =>
  scope.evaluate((root) => {
    const holders = [...(root.shadowRoot ?? root).querySelectorAll('.title, .snippet')];
    return [...new Set(holders.flatMap((h) => [...h.querySelectorAll('*')].map((el) => el.tagName)).filter((t) => t !== 'A'))];
  });

describe('search in a real browser', () => {
  let server: RunningServer;
  let page: Page;
  let watch: ReturnType<typeof watchProblems>;
  const suite = browserSuite();
  beforeEach(() => ({ server, page, watch } = suite));

  async function signIn(email: string, path: string): Promise<void> {
    await signInOn(page, server.url, email, path);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  /** The index fills shortly after start (and after a post): wait until `q` finds something. */
  async function waitForIndex(q: string): Promise<void> {
    await expect
      .poll(
        () =>
          page.evaluate(async (query) => {
            const res = await fetch(`/api/search?q=${encodeURIComponent(query)}&limit=1`);
            if (!res.ok) return 0;
            const body = (await res.json()) as { counts: Record<string, number> };
            return Object.values(body.counts).reduce((a, b) => a + b, 0);
          }, q),
        { timeout: 20_000, interval: 250 },
      )
      .toBeGreaterThan(0);
  }

  /** Presses Tab (or Shift+Tab) until `target` has focus, at most `max` times: how a keyboard user gets there. */
  async function tabTo(target: Locator, max = 40, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await isFocused(target)) return;
      await page.keyboard.press(key);
    }
    expect(await isFocused(target)).toBe(true);
  }

  const palette = () => page.getByRole('dialog', { name: 'Search Frontline' });
  const paletteBox = () => palette().getByRole('combobox', { name: 'Search Frontline' });

  it('opens quick search with Ctrl+K, groups highlighted hits by kind, and opens one with the arrow keys and Enter', async () => {
    await signIn('agent@example.com', '/');
    await waitForIndex('export');
    const expected = await page.evaluate(async () => ((await (await fetch('/api/search?q=export')).json()) as { counts: Record<string, number> }).counts);

    await page.keyboard.press('Control+k');
    await palette().waitFor();
    expect(await isFocused(paletteBox())).toBe(true);
    await page.getByText('Type to search insights, replies, issues and customers.').waitFor();
    // The help line lists the filters.
    expect(await palette().locator('footer').textContent()).toMatch(/tag:.*team:.*status:.*before:.*kind:/s);

    await page.keyboard.type('export');
    await palette().getByRole('status').filter({ hasText: /matches for “export”/ }).waitFor();
    const insights = palette().getByRole('group', { name: new RegExp(`^Insights ${expected.insight}$`) });
    const issues = palette().getByRole('group', { name: new RegExp(`^Issues ${expected.issue}$`) });
    await insights.waitFor();
    await issues.waitFor();
    expect(await insights.getByRole('option').count()).toBeGreaterThan(0);
    expect(await palette().getByRole('group', { name: /^Replies/ }).count()).toBe(0);
    // Highlights render with the hits (wait for the answer to the full word to be drawn).
    await expect.poll(async () => (await palette().getByRole('option').locator('mark').allTextContents()).length).toBeGreaterThan(0);
    const marks = await palette().getByRole('option').locator('mark').allTextContents();
    // As you type, the last word is a prefix: "export" also finds "exports" and "exported".
    expect(marks.every((m) => m.toLowerCase().startsWith('export'))).toBe(true);
    expect(await paletteBox().getAttribute('aria-expanded')).toBe('true');
    expect(await palette().getByRole('option', { name: 'See all results for “export”' }).count()).toBe(1);

    // ArrowDown, ArrowDown, ArrowUp: the first hit is active, and the combobox says so.
    const first = palette().getByRole('option').first();
    const second = palette().getByRole('option').nth(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await second.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await second.getAttribute('aria-selected')).toBe('false');
    expect(await paletteBox().getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    // ArrowUp from the first wraps round to "See all".
    await page.keyboard.press('ArrowUp');
    expect(await palette().getByRole('option', { name: /^See all results/ }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await first.getAttribute('aria-selected')).toBe('true');

    // Enter opens the first insight's thread, with the matching words in view.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/insights\/[^/?#]+$/);
    await palette().waitFor({ state: 'hidden' });
    const match = page.locator('fl-markdown').filter({ hasText: /export/i }).first();
    await match.waitFor();
    expect(await inViewport(match)).toBe(true);

    // An issue hit opens the issue.
    await page.keyboard.press('Control+k');
    await palette().waitFor();
    expect(await paletteBox().inputValue()).toBe('export');
    await issues.waitFor();
    const issueTitle = ((await issues.getByRole('option').first().locator('.title').textContent()) ?? '').trim();
    const before = await palette().getByRole('option').count();
    const issueIndex = await palette()
      .getByRole('option')
      .evaluateAll((options, title) => options.findIndex((o) => o.querySelector('.title')?.textContent?.trim() === title), issueTitle);
    expect(issueIndex).toBeGreaterThan(0);
    expect(issueIndex).toBeLessThan(before);
    for (let i = 0; i <= issueIndex; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/issues\/[^/?#]+$/);
    const heading = page.getByRole('heading', { level: 1, name: issueTitle });
    await heading.waitFor();
    expect(await inViewport(heading)).toBe(true);

    // A reply hit opens its thread at `#reply-<id>`, scrolled to the reply (a short window, so that it has to scroll).
    await page.setViewportSize({ width: 1280, height: 420 });
    await page.keyboard.press('Control+k');
    await palette().waitFor();
    await page.keyboard.type('workaround');
    const replies = palette().getByRole('group', { name: /^Replies \d+$/ });
    await replies.waitFor();
    const repliesFirst = (await palette().getByRole('group').first().getAttribute('aria-labelledby')) === 'palette-group-reply';
    expect(repliesFirst).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await replies.getByRole('option').first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/insights\/[^/?#]+#reply-[^/?#]+$/);
    const reply = page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`);
    await reply.filter({ hasText: /workaround/i }).waitFor();
    await expect.poll(() => inViewport(reply)).toBe(true);

    expect(watch.problems).toEqual([]);
  });

  it('opens with /, closes with Esc, and shows all results with kind tabs, Load more and removable filter chips', async () => {
    await signIn('agent@example.com', '/');
    await waitForIndex('export');
    const main = page.getByRole('main');

    await page.keyboard.press('/');
    await palette().waitFor();
    await page.keyboard.type('invoice');
    await page.keyboard.press('Escape');
    await palette().waitFor({ state: 'hidden' });
    expect(await isFocused(main)).toBe(true);

    // Opening again keeps the last query, selected: typing replaces it.
    await page.keyboard.press('/');
    await palette().waitFor();
    expect(await paletteBox().inputValue()).toBe('invoice');
    await page.keyboard.type('export');
    expect(await paletteBox().inputValue()).toBe('export');
    await palette().getByRole('status').filter({ hasText: /matches for “export”/ }).waitFor({ timeout: 15_000 });
    // Enter with no active option: all results.
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/search?q=export`);
    await palette().waitFor({ state: 'hidden' });
    expect(await page.title()).toBe('Search: export · Frontline');
    expect(await page.getByRole('searchbox', { name: 'Search for' }).inputValue()).toBe('export');

    const counts = await page.evaluate(async () => ((await (await fetch('/api/search?q=export')).json()) as { counts: Record<string, number> }).counts);
    const all = Object.values(counts).reduce((a, b) => a + b, 0);
    const allTab = page.getByRole('tab', { name: `All ${all}`, selected: true });
    await allTab.waitFor();
    await page.getByRole('tab', { name: `Insights ${counts.insight}` }).waitFor();
    await page.getByRole('tab', { name: `Issues ${counts.issue}` }).waitFor();
    await page.getByRole('tab', { name: 'Replies 0' }).waitFor();
    const results = page.locator('fl-search-page li.result');
    await expect.poll(() => results.count()).toBe(Math.min(20, all));
    expect(await page.locator('fl-search-page .result mark').count()).toBeGreaterThan(0);
    // Relative times, with the exact time on hover.
    const when = page.locator('fl-search-page .result time').first();
    expect((await when.textContent())?.trim()).not.toBe('');
    expect(await when.getAttribute('datetime')).toMatch(/Z$/);

    // The keyboard reaches the tabs; the arrow keys switch kind, kept in the URL.
    await tabTo(allTab);
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(`${server.url}/search?q=export&kind=insight`);
    const insightsTab = page.getByRole('tab', { name: `Insights ${counts.insight}`, selected: true });
    await insightsTab.waitFor();
    expect(await isFocused(insightsTab)).toBe(true);
    await page.getByRole('status').filter({ hasText: `Showing 20 of ${counts.insight} insights for “export”` }).waitFor();
    expect(new Set(await page.locator('fl-search-page .result .kind-badge').allTextContents())).toEqual(new Set(['Insight']));

    // Load more, by keyboard: the rest of the insights, and the reading goes on at the first new one.
    const more = page.getByRole('button', { name: 'Load more' });
    await tabTo(more, 60);
    await page.keyboard.press('Enter');
    await expect.poll(() => results.count()).toBe(counts.insight);
    await more.waitFor({ state: 'detached' });
    expect(await isFocused(results.nth(20).getByRole('link'))).toBe(true);

    // Replies: none match; the empty state says so and offers all results.
    await tabTo(insightsTab, 60, 'Shift+Tab');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(`${server.url}/search?q=export&kind=reply`);
    await page.getByText('No replies match “export”.').waitFor();
    await page.keyboard.press('Home');
    await page.waitForURL(`${server.url}/search?q=export`);

    // Newest first, chosen by keyboard and kept in the URL: the times only go back.
    const sort = page.getByRole('combobox', { name: 'Sort' });
    await tabTo(sort, 60);
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(`${server.url}/search?q=export&sort=newest`);
    await page.getByRole('status').filter({ hasText: /for “export”, newest first/ }).waitFor();
    await expect.poll(() => results.count()).toBe(Math.min(20, all));
    const times = await page.locator('fl-search-page .result time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
    expect(times).toEqual([...times].sort().reverse());
    expect(await page.locator('fl-search-page .result mark').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowUp');
    await page.waitForURL(`${server.url}/search?q=export`);
    await page.getByRole('status').filter({ hasText: /for “export”, best first/ }).waitFor();

    // Filters read from the query show as chips; removing one rewrites the query.
    await page.goto(`${server.url}/search?q=${encodeURIComponent('export sentiment:negative channel:email')}`);
    const filters = page.getByRole('list', { name: 'Filters' });
    await filters.getByText('sentiment: negative').waitFor();
    await filters.getByText('channel: email').waitFor();
    const remove = page.getByRole('button', { name: 'Remove filter sentiment: negative' });
    await tabTo(remove);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/search?q=${encodeURIComponent('export channel:email').replace(/%20/g, '+')}`);
    expect(await page.getByRole('searchbox', { name: 'Search for' }).inputValue()).toBe('export channel:email');
    expect(await filters.getByRole('listitem').count()).toBe(1);
    // The help lists every filter.
    const help = page.getByRole('complementary', { name: 'How to search' });
    for (const example of ['tag:billing', 'team:support', 'channel:email', 'sentiment:negative', 'customer:acme', 'author:@sam', 'status:open', 'before:', 'after:', 'kind:issue']) {
      expect(await help.textContent()).toContain(example);
    }

    // A new search from the page's own form.
    await page.getByRole('searchbox', { name: 'Search for' }).fill('refund');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/search?q=refund`);
    await page.getByRole('tab', { name: /^All \d+/, selected: true }).waitFor();

    expect(watch.problems).toEqual([]);
  });

  it('shows only the latest query’s answer when an older one arrives late', async () => {
    await signIn('agent@example.com', '/');
    await waitForIndex('export');
    let slowAsked = 0;
    await page.route(/\/api\/search\?q=invoice(\*|%2A)?(&|$)/, async (route) => {
      slowAsked++;
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      await route.continue().catch(() => undefined);
    });
    await page.keyboard.press('Control+k');
    await page.keyboard.type('invoice');
    await expect.poll(() => slowAsked).toBeGreaterThan(0);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('export');
    await palette().getByRole('status').filter({ hasText: /matches for “export”/ }).waitFor();
    await page.waitForTimeout(1_500);
    expect(await palette().getByRole('status').textContent()).toMatch(/matches for “export”/);
    expect(await palette().getByRole('listbox').getAttribute('aria-label')).toBe('Results for “export”');
    expect(watch.problems).toEqual([]);
  });

  it('shows markup in posts as text: no script runs and hits hold no element but <mark>', async () => {
    await signIn('agent@example.com', '/');
    const posted = await page.request.post(`${server.url}/api/insights`, {
      data: { body: '<script>window.__xss=1</script> zanzibar <img src=x onerror="window.__xss=2">', channel: 'call', sentiment: 'neutral' },
      headers: { origin: server.url },
    });
    expect(posted.ok()).toBe(true);
    await waitForIndex('zanzibar');

    await page.keyboard.press('Control+k');
    await palette().waitFor();
    await page.keyboard.type('zanzibar');
    const option = palette().getByRole('option').first();
    await option.locator('mark').first().waitFor();
    expect(await option.locator('.snippet').textContent()).toContain('<script>window.__xss=1</script> zanzibar');
    expect(await markupInHits(page.locator('fl-command-palette'))).toEqual(['MARK']);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/search?q=zanzibar`);
    await page.locator('fl-search-page .result mark').first().waitFor();
    expect(await page.locator('fl-search-page .result .snippet').first().textContent()).toContain('<script>window.__xss=1</script>');
    expect(await markupInHits(page.locator('fl-search-page'))).toEqual(['MARK']);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(watch.problems).toEqual([]);
  });

  it('answers hostile and invalid queries with results or a message in words, never a crash', async () => {
    watch.allow('400 /api/search');
    await signIn('agent@example.com', '/');
    await waitForIndex('export');

    await page.keyboard.press('Control+k');
    await palette().waitFor();
    for (const q of ['NEAR(', '"unbalanced', 'a OR b AND (c', "'; drop table insights; --", 'expo*rt"']) {
      await page.keyboard.press('Control+a');
      await page.keyboard.type(q);
      await expect
        .poll(async () => (await palette().getByRole('status').textContent()) ?? '', { timeout: 5_000 })
        .toMatch(new RegExp(`(No matches for|matches? for) “${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`));
    }
    await page.keyboard.press('Control+a');
    await page.keyboard.type('* (');
    await palette().getByRole('alert').filter({ hasText: 'Type a word to search for.' }).waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('export team:nope');
    await palette().getByRole('alert').filter({ hasText: 'team: there is no team "nope".' }).waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('-export');
    await palette().getByRole('alert').filter({ hasText: 'Add a word to look for' }).waitFor();
    await page.keyboard.press('Escape');

    await page.goto(`${server.url}/search?q=${encodeURIComponent('NEAR(')}`);
    await page.getByText('No matches for “NEAR(”.').waitFor();
    await page.goto(`${server.url}/search?q=${encodeURIComponent('"unbalanced')}`);
    await page.getByText('No matches for “"unbalanced”.').waitFor();
    await page.goto(`${server.url}/search?q=${encodeURIComponent('export status:bogus')}`);
    await page.getByRole('alert').filter({ hasText: 'This search could not run: status: must be one of open, claimed' }).waitFor();
    // The faulty filter is a chip; removing it fixes the search.
    await page.getByRole('button', { name: 'Remove filter status: bogus' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/search?q=export`);
    await page.getByRole('tab', { name: /^All \d+/, selected: true }).waitFor();
    await page.goto(`${server.url}/search?kind=bogus&q=`);
    await page.getByText('What are you looking for?').waitFor();

    expect(watch.problems).toEqual([]);
  });
});
