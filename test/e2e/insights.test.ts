import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signInOn, browserSuite } from '../helpers/e2e.js';
import { watchProblems } from '../helpers/page-problems.js';
import { type RunningServer } from '../helpers/server.js';


/** Feed filters and selection, thread edits and deletes, customers: the rest of the insight screens. */
describe('feed, thread and customer screens in a real browser', () => {
  let server: RunningServer;
  let page: Page;
  let watch: ReturnType<typeof watchProblems>;

  const signIn = (email: string, next = '/') => signInOn(page, server.url, email, next);

  /** Posts through the API with the page's session. */
  const post = (path: string, body: unknown) =>
    page.evaluate(
      async ({ path, body }) => {
        const res = await fetch(`/api${path}`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return (await res.json()) as { id: string };
      },
      { path, body },
    );

  const suite = browserSuite();
  beforeEach(() => ({ server, page, watch } = suite));

  it('filters the feed from the URL, and raises one issue from two selected insights', async () => {
    await signIn('agent@example.com', '/?channel=call&sentiment=negative');
    const filters = page.getByRole('list', { name: 'Active filters' });
    await filters.getByText('Channel: Call').waitFor();
    const cards = page.locator('fl-insight-card');
    await cards.first().waitFor();
    for (const card of await cards.all()) {
      expect(await card.getByText('Call', { exact: true }).count()).toBe(1);
      expect(await card.getByText('Negative', { exact: true }).count()).toBe(1);
    }
    // A tag chip adds its filter; the URL keeps them all across a reload.
    const tag = (await cards.first().getByRole('list', { name: 'Tags' }).getByRole('button').first().textContent())?.trim() ?? '';
    await cards.first().getByRole('list', { name: 'Tags' }).getByRole('button', { name: new RegExp(`${tag}$`) }).click();
    await page.waitForURL((url) => url.searchParams.get('tag') === tag && url.searchParams.get('channel') === 'call');
    await page.reload();
    await filters.getByText(`Tag: #${tag}`).waitFor();
    expect(await page.getByLabel('Channel', { exact: true }).inputValue()).toBe('call');
    await filters.getByRole('button', { name: 'Remove filter Channel: Call' }).click();
    await page.waitForURL((url) => !url.searchParams.has('channel') && url.searchParams.get('tag') === tag);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(`${server.url}/`);
    expect(await filters.count()).toBe(0);

    // No match: said in words, with a way out.
    await page.goto(`${server.url}/?q=zzzz-nothing-matches`);
    await page.getByText('No insights match these filters.').waitFor();
    await page.getByRole('button', { name: 'clear all filters' }).click();
    await page.waitForURL(`${server.url}/`);

    // More load as the end of the list comes into view.
    await cards.nth(24).waitFor();
    const before = await cards.count();
    await page.locator('fl-feed-page').evaluate((el) => el.shadowRoot?.querySelector('#sentinel')?.scrollIntoView());
    await expect.poll(() => cards.count(), { timeout: 5_000 }).toBeGreaterThan(before);

    // Select two, raise an issue from them.
    await page.evaluate(() => window.scrollTo(0, 0));
    await cards.nth(0).getByRole('checkbox').check();
    await cards.nth(1).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Raise issue from 2 selected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Raise an issue from 2 insights' });
    await dialog.waitFor();
    await page.getByLabel('Title').fill('Exports and invoices keep failing');
    await page.getByLabel('Kind').selectOption('problem');
    await expect.poll(() => page.getByLabel('Team that should take it').isEnabled()).toBe(true);
    await page.getByLabel('Team that should take it').selectOption({ label: 'Engineering' });
    await page.getByRole('button', { name: 'Raise issue', exact: true }).click();
    await page.waitForURL(/\/issues\/[^/]+$/);
    const issueId = new URL(page.url()).pathname.split('/').pop() as string;
    const issue = await page.evaluate(async (id) => (await (await fetch(`/api/issues/${id}`)).json()) as { title: string; evidence: unknown[]; team: { slug: string } }, issueId);
    expect(issue.title).toBe('Exports and invoices keep failing');
    expect(issue.evidence).toHaveLength(2);
    expect(issue.team.slug).toBe('engineering');
    expect(watch.problems).toEqual([]);
  });

  it('edits and deletes in a thread; an admin sees the deleted insight and restores it', async () => {
    await signIn('agent@example.com');
    const insight = await post('/insights', { body: 'A customer on chat: **bulk edit** would save them hours.', channel: 'chat', sentiment: 'positive', tags: ['bulk-edit'] });
    await page.goto(`${server.url}/insights/${insight.id}`);
    await page.getByText('would save them hours').waitFor();

    // Edit the insight inline.
    await page.getByRole('button', { name: 'Edit insight' }).click();
    const body = page.getByRole('textbox', { name: 'What did the customer say?' });
    await body.fill('A customer on chat: **bulk edit** would save them a day a week.');
    await page.getByLabel('Sentiment').selectOption('neutral');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Your changes were saved.' }).waitFor();
    await page.getByText('would save them a day a week').waitFor();
    await page.getByText('edited', { exact: false }).first().waitFor();

    // Reply, edit the reply, delete it.
    await page.getByLabel('Your reply').fill('Same from two other accounts this week.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const reply = page.getByRole('article', { name: 'Reply by Alex Agent' });
    await reply.getByText('Same from two other accounts').waitFor();
    await reply.getByRole('button', { name: 'Edit reply' }).click();
    await page.getByLabel('Edit your reply').fill('Same from three other accounts this week.');
    await page.keyboard.press('Control+Enter');
    await reply.getByText('Same from three other accounts').waitFor();
    await reply.getByRole('button', { name: 'Delete reply' }).click();
    await page.getByRole('dialog', { name: 'Delete this reply?' }).waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('This reply was deleted', { exact: false }).waitFor();

    // Delete the insight: asked first, then gone for its author.
    await page.getByRole('button', { name: 'Delete insight' }).click();
    await page.getByRole('dialog', { name: 'Delete this insight?' }).waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('status').filter({ hasText: 'The insight was deleted.' }).waitFor();
    watch.allow(`404 /api/insights/${insight.id}`);
    await page.goto(`${server.url}/insights/${insight.id}`);
    await page.getByText('This insight does not exist or was deleted.').waitFor();
    expect(watch.problems).toEqual([]);

    // An admin sees it, marked deleted, and restores it.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/login`);
    await signIn('admin@example.com', `/insights/${insight.id}`);
    await page.getByText('This insight was deleted', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('status').filter({ hasText: 'The insight was restored.' }).waitFor();
    expect(await page.getByText('This insight was deleted', { exact: false }).count()).toBe(0);
    expect(watch.problems).toEqual([]);
  });

  it('lists, creates, edits and merges customers', async () => {
    await signIn('agent@example.com', '/customers');
    await page.locator('table').waitFor();
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('lumen');
    await page.waitForURL(/\/customers\?q=lumen/);
    await page.getByRole('link', { name: 'Chloé Haddad' }).waitFor();
    await page.getByLabel('Tier').selectOption('enterprise');
    await page.waitForURL(/tier=enterprise/);

    // A duplicate, created by hand, with a field error first.
    await page.goto(`${server.url}/customers`);
    await page.getByRole('button', { name: 'New customer' }).click();
    await page.getByRole('button', { name: 'Create customer' }).click();
    await page.getByText('Enter the customer’s name.').first().waitFor();
    await page.getByLabel('Name').fill('Chloe Haddad (dup)');
    await page.getByLabel('Company (optional)').fill('Lumen Labs');
    await page.getByLabel('Email (optional)').fill('not-an-email');
    watch.allow('400 /api/customers');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await page.getByText('Enter a valid email address.').first().waitFor();
    expect(await page.getByLabel('Email (optional)').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Email (optional)').fill('');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await page.waitForURL(/\/customers\/[^/?]+$/);
    const duplicateUrl = page.url();
    await page.getByRole('heading', { level: 1, name: 'Chloe Haddad (dup)' }).waitFor();
    await page.getByText('Nothing on this timeline yet.').waitFor();

    // Edit it.
    await page.getByRole('button', { name: 'Edit Chloe Haddad (dup)' }).click();
    await page.getByLabel('Handles').fill('twitter: @chloe_dup');
    await page.getByLabel('Tier').selectOption('key');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'was saved' }).waitFor();
    await page.getByText('@chloe_dup').waitFor();

    // Merge it into the original from the original's page.
    await page.goto(`${server.url}/customers?q=${encodeURIComponent('Chloé Haddad')}`);
    await page.getByRole('link', { name: 'Chloé Haddad', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Chloé Haddad' }).waitFor();
    await page.getByRole('button', { name: 'Merge a duplicate into this customer' }).click();
    await page.getByLabel('Duplicate customer').fill('(dup)');
    await page.getByRole('option', { name: /Chloe Haddad \(dup\)/ }).click();
    await page.getByRole('button', { name: 'Merge Chloe Haddad (dup) into Chloé Haddad' }).click();
    await page.getByRole('status').filter({ hasText: 'Chloe Haddad (dup) was merged into this customer.' }).waitFor();

    // The duplicate's link now shows the survivor, with a note.
    await page.goto(duplicateUrl);
    await page.getByRole('heading', { level: 1, name: 'Chloé Haddad' }).waitFor();
    await page.getByText('The customer at this link was merged into', { exact: false }).waitFor();
    expect(watch.problems).toEqual([]);
  });
});
