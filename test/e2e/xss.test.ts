import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { watchProblems } from '../helpers/page-problems.js';
import { startServer, type RunningServer } from '../helpers/server.js';

const PASSWORD = 'frontline-demo';

/** Classic payloads, each of which would set `window.__xss` if it ran. */
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '[click](javascript:window.__xss=1)',
  '<a href="javascript:window.__xss=1">x</a>',
  '<svg onload="window.__xss=1">',
  '<div style="background:url(javascript:window.__xss=1)">s</div>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '"><img src=x onerror=window.__xss=1>',
];
const ATTRIBUTE_BREAKER = '"><img src=x onerror=window.__xss=1>';

interface Findings {
  xss: unknown;
  scripts: number;
  handlers: string[];
  styled: string[];
  javascriptLinks: number;
  frames: number;
  markdownSvgs: number;
  markdownCount: number;
}

/** Everything rendered, shadow roots included: what must never be there. */
function inspect(): Findings {
  const elements: Element[] = [];
  const roots: (Document | ShadowRoot)[] = [document];
  while (roots.length) {
    const root = roots.pop() as Document | ShadowRoot;
    for (const el of root.querySelectorAll('*')) {
      elements.push(el);
      if (el.shadowRoot) roots.push(el.shadowRoot);
    }
  }
  const markdown = elements.filter((el) => el.tagName === 'FL-MARKDOWN');
  return {
    xss: (window as unknown as { __xss?: unknown }).__xss,
    // The app's own module script sits in <head>; anything else is injected.
    scripts: elements.filter((el) => el.tagName === 'SCRIPT' && !(el.getRootNode() === document && document.head.contains(el))).length,
    handlers: elements.flatMap((el) => el.getAttributeNames().filter((a) => a.startsWith('on')).map((a) => `${el.tagName.toLowerCase()}[${a}]`)),
    styled: elements.filter((el) => el.hasAttribute('style')).map((el) => el.tagName.toLowerCase()),
    javascriptLinks: elements.filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? '') || /^\s*javascript:/i.test(el.getAttribute('src') ?? '')).length,
    frames: elements.filter((el) => ['IFRAME', 'OBJECT', 'EMBED', 'FRAME'].includes(el.tagName)).length,
    markdownSvgs: markdown.reduce((n, el) => n + (el.shadowRoot?.querySelectorAll('svg').length ?? 0), 0),
    markdownCount: markdown.length,
  };
}

/** Clicks every link rendered inside Markdown (the sanitized ones have no href left). */
async function clickMarkdownLinks(page: Page): Promise<number> {
  const links = page.locator('fl-markdown a');
  const count = await links.count();
  for (let i = 0; i < count; i++) await links.nth(i).click({ timeout: 2_000 });
  return count;
}

describe('user text cannot run script anywhere it is shown', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: ReturnType<typeof watchProblems>;
  let insightId = '';
  let customerId = '';

  const expectClean = async (minMarkdown: number) => {
    const found = await page.evaluate(inspect);
    expect(found).toEqual({ xss: undefined, scripts: 0, handlers: [], styled: [], javascriptLinks: 0, frames: 0, markdownSvgs: 0, markdownCount: expect.any(Number) });
    expect(found.markdownCount).toBeGreaterThanOrEqual(minMarkdown);
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await browser.newContext();
    context.setDefaultTimeout(5_000);
    page = await context.newPage();
    // Refused on purpose below: markup as a tag, a javascript: source link.
    watch = watchProblems(page, ['401 /api/me', '400 /api/insights']);
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill('agent@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);

    // Posted through the API with the page's own session cookie.
    const made = await page.evaluate(
      async ({ payloads, breaker }) => {
        const post = async (path: string, body: unknown) => {
          const res = await fetch(`/api${path}`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          return { status: res.status, json: (await res.json()) as { id: string } };
        };
        const customer = await post('/customers', { name: `Mallory ${breaker}`, company: breaker });
        const insight = await post('/insights', {
          body: `Everything a hostile customer could paste:\n\n${payloads.join('\n\n')}`,
          channel: 'email',
          sentiment: 'negative',
          tags: ['security'],
          customerId: customer.json.id,
        });
        const replies = [];
        for (const payload of payloads) replies.push((await post(`/insights/${insight.json.id}/replies`, { body: `Reply: ${payload}` })).status);
        // Tags and source links are validated: markup and javascript: URLs are refused, not stored.
        const badTag = await post('/insights', { body: 'tag test', channel: 'chat', tags: [breaker] });
        const badSource = await post('/insights', { body: 'source test', channel: 'chat', sourceUrl: 'javascript:window.__xss=1' });
        // A second insight whose new customer is created inline with the payload as name.
        const inline = await post('/insights', { body: payloads[1], channel: 'chat', customer: { name: breaker, company: breaker } });
        return { customer, insight, replies, badTag: badTag.status, badSource: badSource.status, inline: inline.status };
      },
      { payloads: PAYLOADS, breaker: ATTRIBUTE_BREAKER },
    );
    expect(made.customer.status).toBe(201);
    expect(made.insight.status).toBe(201);
    expect(made.replies).toEqual(PAYLOADS.map(() => 201));
    expect(made.badTag).toBe(400);
    expect(made.badSource).toBe(400);
    expect(made.inline).toBe(201);
    insightId = made.insight.json.id;
    customerId = made.customer.json.id;
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('in the feed, its filters and the composer', async () => {
    await page.goto(`${server.url}/`);
    const cards = page.locator('fl-insight-card');
    await cards.nth(1).getByText('Everything a hostile customer could paste').waitFor();
    await cards.first().getByRole('link', { name: ATTRIBUTE_BREAKER }).waitFor();
    await cards.nth(1).getByRole('link', { name: `Mallory ${ATTRIBUTE_BREAKER}` }).waitFor();
    expect(await clickMarkdownLinks(page)).toBeGreaterThan(0);
    await expectClean(2);

    // Filters from a crafted link: shown as text, never as markup.
    await page.goto(`${server.url}/?tag=${encodeURIComponent(ATTRIBUTE_BREAKER)}&q=${encodeURIComponent(PAYLOADS[0] as string)}`);
    await page.getByRole('list', { name: 'Active filters' }).getByText(`Tag: #${ATTRIBUTE_BREAKER.toLowerCase()}`).waitFor();
    await page.getByText('No insights match these filters.').waitFor();
    await expectClean(0);

    // The customer picker lists the hostile name as text.
    await page.goto(`${server.url}/`);
    await cards.first().waitFor();
    await page.keyboard.press('c');
    await page.getByRole('dialog', { name: 'Post an insight' }).waitFor();
    await page.getByLabel('Customer (optional)').fill('Mallory');
    await page.getByRole('option', { name: new RegExp(`^Mallory `) }).first().waitFor();
    await expectClean(0);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('in the thread, with every reply', async () => {
    await page.goto(`${server.url}/insights/${insightId}`);
    await page.getByText('Everything a hostile customer could paste').waitFor();
    await page.getByRole('article', { name: 'Reply by Alex Agent' }).nth(PAYLOADS.length - 1).waitFor();
    expect(await clickMarkdownLinks(page)).toBeGreaterThan(0);
    await expectClean(1 + PAYLOADS.length);
    expect(page.url()).toBe(`${server.url}/insights/${insightId}`);
  });

  it('in the customer’s profile and timeline', async () => {
    await page.goto(`${server.url}/customers/${customerId}`);
    await page.getByRole('heading', { level: 1, name: `Mallory ${ATTRIBUTE_BREAKER}` }).waitFor();
    await page.locator('fl-insight-card').getByText('Everything a hostile customer could paste').waitFor();
    await clickMarkdownLinks(page);
    await expectClean(1);

    await page.goto(`${server.url}/customers?q=${encodeURIComponent('"><img')}`);
    await page.getByRole('link', { name: ATTRIBUTE_BREAKER }).first().waitFor();
    await expectClean(0);
    expect(watch.problems).toEqual([]);
  });
});
