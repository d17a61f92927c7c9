import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { callApi, signIn, unreadCount, type SignedIn } from '../helpers/e2e.js';
import { startServer, type RunningServer } from '../helpers/server.js';

/** "Appears within one second": every live check waits at most this long. */
const LIVE_MS = 1_000;

describe('every step appears live on every open screen', () => {
  let server: RunningServer;
  let browser: Browser;
  let agent: SignedIn;
  let product: SignedIn;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    [agent, product] = await Promise.all([signIn(browser, server.url, 'agent@example.com', '/'), signIn(browser, server.url, 'product@example.com', '/')]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Waits until the page's live connection is up (its status banner is gone and the socket said hello). */
  const connected = (page: SignedIn['page']) => page.waitForFunction(() => !document.querySelector('fl-app')?.shadowRoot?.querySelector('fl-live-status')?.shadowRoot?.querySelector('.banner'));

  it('a post, a reply, a claim and a resolve in one browser appear in the other within a second, and the bell count rises', async () => {
    await agent.page.getByRole('heading', { name: 'Feed' }).waitFor();
    await connected(agent.page);
    // Product posts: the agent's feed shows it without a reload.
    const insight = await callApi<{ id: string }>(product.page, 'POST', '/api/insights', {
      body: 'Live check: the **Quokka** dashboard times out for Nimbus.',
      channel: 'chat',
      sentiment: 'negative',
      tags: ['performance'],
    });
    await agent.page.getByText('the Quokka dashboard times out', { exact: false }).first().waitFor({ timeout: LIVE_MS });

    // The agent opens the thread; a reply from product appears in it.
    await agent.page.goto(`${server.url}/insights/${insight.id}`);
    await agent.page.getByRole('heading', { name: /Replies/ }).waitFor();
    await agent.page.getByRole('textbox', { name: /reply/i }).first().fill('Typing while others talk');
    await callApi(product.page, 'POST', `/api/insights/${insight.id}/replies`, { body: 'Reproduced on staging, looking into it.' });
    await agent.page.getByText('Reproduced on staging', { exact: false }).waitFor({ timeout: LIVE_MS });
    // What the agent was typing is still there.
    expect(await agent.page.getByRole('textbox', { name: /reply/i }).first().inputValue()).toBe('Typing while others talk');

    // The agent reacts me-too (so the loop closing reaches them), then watches the issue.
    await callApi(agent.page, 'PUT', `/api/insights/${insight.id}/reactions/me_too`);
    const issue = await callApi<{ id: string; version: number }>(product.page, 'POST', '/api/issues', {
      title: 'Quokka dashboard timeouts',
      kind: 'problem',
      teamId: 'team-engineering',
      insightIds: [insight.id],
    });
    await agent.page.goto(`${server.url}/issues/${issue.id}`);
    await agent.page.getByRole('heading', { name: 'Quokka dashboard timeouts' }).waitFor();
    const before = await unreadCount(agent.page);

    const claimed = await callApi<{ version: number }>(product.page, 'POST', `/api/issues/${issue.id}/transitions`, { to: 'claimed', version: issue.version });
    await agent.page.getByText('Omar Haddad claimed', { exact: false }).or(agent.page.getByLabel('Status: Claimed')).first().waitFor({ timeout: LIVE_MS });
    await callApi(product.page, 'POST', `/api/issues/${issue.id}/transitions`, { to: 'resolved', version: claimed.version, note: 'Raised the timeout and added an index.' });
    await agent.page.getByLabel('Status: Resolved').first().waitFor({ timeout: LIVE_MS });
    await agent.page.getByText('Raised the timeout and added an index.').first().waitFor({ timeout: LIVE_MS });
    // The agent said "me too": the loop closing reaches them, and the bell counts it without a reload.
    await expect.poll(() => unreadCount(agent.page), { timeout: LIVE_MS }).toBeGreaterThanOrEqual(before + 1);
    expect(agent.watch.problems).toEqual([]);
  });

  it('after the server dies and comes back, the page catches up by itself', async () => {
    await agent.page.goto(`${server.url}/`);
    await agent.page.getByRole('heading', { name: 'Feed' }).waitFor();
    await connected(agent.page);
    await server.restart(800);
    // Posted right after the restart, possibly before the page has reconnected: replay or live, it must arrive.
    const cookie = (await product.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await fetch(`${server.url}/api/insights`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: server.url },
      body: JSON.stringify({ body: 'After the restart: Wombat sync is back.', channel: 'email', sentiment: 'positive' }),
    });
    expect(res.status).toBe(201);
    // Reconnection waits out a jittered backoff (at most 30 s between tries), then replays what it missed.
    await agent.page.getByText('Wombat sync is back', { exact: false }).first().waitFor({ timeout: 35_000 });
    agent.watch.allow('401 /api/me');
    // The only errors allowed are the refused reconnections while the server was down.
    expect(agent.watch.problems.filter((p) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(p))).toEqual([]);
  }, 60_000);
});
