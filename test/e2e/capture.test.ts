import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { watchProblems } from '../helpers/page-problems.js';
import { startServer, type RunningServer } from '../helpers/server.js';

const PASSWORD = 'frontline-demo';

/**
 * The core loop's first steps in a real browser, as the agent: post an insight
 * with a new customer using only the keyboard, reply with an @team mention
 * picked from the autocomplete, react "me too", and follow the customer link
 * to the customer's timeline.
 */
describe('capturing an insight and discussing it, in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: ReturnType<typeof watchProblems>;
  const stamp = Date.now().toString(36);
  const body = `Keyboard capture ${stamp}: the CSV export drops accented letters in customer names.`;
  const customerName = `Zoë Keyboard ${stamp}`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await browser.newContext();
    context.setDefaultTimeout(5_000);
    page = await context.newPage();
    watch = watchProblems(page);
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill('agent@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('keeps a draft across a reload, shows the API’s field errors beside the fields, and discards on request', async () => {
    await page.locator('fl-insight-card').first().waitFor();
    await page.getByRole('button', { name: 'Post insight' }).click();
    const dialog = page.getByRole('dialog', { name: 'Post an insight' });
    await dialog.waitFor();
    await page.getByRole('textbox', { name: 'What did the customer say?' }).fill('Half-written: they want SSO');
    await page.getByLabel('Source link (optional)').fill('ftp://files.example/ticket');
    watch.allow('400 /api/insights');
    await page.getByRole('button', { name: 'Post insight' }).last().click();
    await page.getByText('A source link must be an http or https URL.').first().waitFor();
    expect(await page.getByLabel('Source link (optional)').getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.reload();
    await page.locator('fl-insight-card').first().waitFor();
    await page.keyboard.press('c');
    await dialog.waitFor();
    await page.getByText('is back.', { exact: false }).waitFor();
    expect(await page.getByRole('textbox', { name: 'What did the customer say?' }).inputValue()).toBe('Half-written: they want SSO');
    expect(await page.getByLabel('Source link (optional)').inputValue()).toBe('ftp://files.example/ticket');
    await page.getByRole('button', { name: 'Discard draft' }).click();
    expect(await page.getByRole('textbox', { name: 'What did the customer say?' }).inputValue()).toBe('');
    expect(await page.getByLabel('Source link (optional)').inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('posts an insight with a new customer using only the keyboard', async () => {
    const cards = page.locator('fl-insight-card');
    await cards.first().waitFor();

    await page.keyboard.press('c');
    const dialog = page.getByRole('dialog', { name: 'Post an insight' });
    await dialog.waitFor();
    // The body has the focus: type straight away.
    await expect.poll(() => page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.tagName;
    })).toBe('TEXTAREA');
    await page.keyboard.type(body);

    // Channel: a radio group; the arrow keys choose.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Chat' }).isChecked()).toBe(true);
    // Sentiment: Neutral by default, one to the left is Negative.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('radio', { name: 'Negative' }).isChecked()).toBe(true);

    // Tags: a comma ends a tag; leaving the field keeps the one being typed.
    await page.keyboard.press('Tab');
    await page.keyboard.type('export,csv');

    // Customer: a new one, picked from the list with the keyboard.
    await page.keyboard.press('Tab');
    await page.keyboard.type(customerName);
    const create = page.getByRole('option', { name: `Create new customer “${customerName}”` });
    await create.waitFor();
    await expect.poll(() => create.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.getByText(`A new customer ${customerName} will be created.`).waitFor();
    const tags = page.getByRole('list', { name: 'Tags added' });
    expect(await tags.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('export'), expect.stringContaining('csv')]);

    // The company of the new customer, then Ctrl+Enter posts from any field.
    await page.keyboard.press('Tab'); // "Clear" customer
    await page.keyboard.press('Tab');
    await page.keyboard.type('Accentuate Ltd');
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: 'Your insight was posted.' }).waitFor();

    // On top of the feed, without a reload.
    const first = cards.first();
    await first.getByText(body).waitFor();
    await first.getByRole('link', { name: customerName }).waitFor();
    expect(await first.getByText('Chat', { exact: true }).count()).toBe(1);
    expect(await first.getByText('Negative', { exact: true }).count()).toBe(1);

    // The server agrees, and the draft is gone.
    const found = await page.evaluate(async (name) => {
      const res = await fetch(`/api/customers?q=${encodeURIComponent(name)}`, { credentials: 'include' });
      return (await res.json()) as { items: { name: string; company: string | null; insightCount: number }[] };
    }, customerName);
    expect(found.items).toEqual([expect.objectContaining({ name: customerName, company: 'Accentuate Ltd', insightCount: 1 })]);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('draft')))).toEqual([]);
  });

  it('replies with an @team mention chosen from the autocomplete, and the team takes part', async () => {
    const first = page.locator('fl-insight-card').first();
    await first.getByRole('link', { name: 'Reply' }).click();
    await page.waitForURL(/\/insights\//);
    await page.getByRole('heading', { name: /Alex Agent/ }).waitFor();
    const teams = page.getByRole('list', { name: 'Teams taking part' });
    await teams.getByText('Support').waitFor();
    expect(await teams.getByText('Engineering').count()).toBe(0);

    await page.getByLabel('Your reply').focus();
    await page.keyboard.type('Looping in @engin');
    const option = page.getByRole('option', { name: /Engineering/ });
    await option.waitFor();
    // Arrow keys move through the list and back; Enter inserts the active one.
    await expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await option.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Your reply').inputValue()).toBe('Looping in @engineering ');
    await page.keyboard.type('can you check the encoding?');
    await page.keyboard.press('Control+Enter');

    const reply = page.getByRole('article', { name: 'Reply by Alex Agent' });
    await reply.getByText('can you check the encoding?').waitFor();
    await teams.getByText('Engineering').waitFor();
    expect(await page.getByLabel('Your reply').inputValue()).toBe('');
  });

  it('reacts “me too”: the count rises and the button is pressed', async () => {
    const meToo = page.getByRole('button', { name: /^Me too, \d+$/ });
    const before = Number((await meToo.getAttribute('aria-label'))?.split(', ')[1]);
    expect(await meToo.getAttribute('aria-pressed')).toBe('false');
    await meToo.click();
    await expect.poll(() => meToo.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => meToo.getAttribute('aria-label')).toBe(`Me too, ${before + 1}`);
    // Kept by the server: still there after a reload.
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: /^Me too, \d+$/ }).getAttribute('aria-label')).toBe(`Me too, ${before + 1}`);
    expect(await page.getByRole('button', { name: /^Me too/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('opens the customer timeline from the thread’s customer link', async () => {
    await page.getByRole('link', { name: customerName }).click();
    await page.waitForURL(/\/customers\//);
    await page.getByRole('heading', { name: customerName, level: 1 }).waitFor();
    await page.getByText('Accentuate Ltd').first().waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.locator('fl-insight-card').getByText(body).waitFor();
    expect(await timeline.locator('fl-insight-card').count()).toBe(1);
    expect(watch.problems).toEqual([]);
  });
});
