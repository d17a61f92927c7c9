import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type Client, type TestApp } from '../helpers/app.js';
import { createCustomer, postInsight } from '../helpers/factories.js';

describe('notifications and closing the loop', () => {
  let t: TestApp;
  let agent: Client;
  let sam: Client;
  let sales: Client;
  let product: Client;
  let engineer: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    const as = (email: string) => loginAs(t.app, { email, password: 'frontline-demo' });
    [agent, sam, sales, product, engineer] = await Promise.all([
      loginAs(t.app, 'member'),
      as('sam.support@example.com'),
      as('sales@example.com'),
      as('product@example.com'),
      as('engineer@example.com'),
    ]);
  });
  afterAll(() => t.close());

  const kindsFor = (userId: string, issueId: string) =>
    (t.app.database.sqlite.prepare('select kind from notifications where user_id = ? and subject_id = ? order by created_at, id').all(userId, issueId) as { kind: string }[]).map((n) => n.kind);
  const recipients = (issueId: string, kind: string) =>
    (t.app.database.sqlite.prepare('select user_id from notifications where subject_id = ? and kind = ? order by user_id').all(issueId, kind) as { user_id: string }[]).map((n) => n.user_id);

  it('claim, status and loop-closed reach exactly the right people, never the actor', async () => {
    const customer = await createCustomer(agent, { name: 'Loop Customer', company: 'Loop Co' });
    const evidence = await postInsight(agent, { customerId: customer.id });
    const evidence2 = await postInsight(sales);
    await sam({ method: 'PUT', url: `/api/insights/${evidence.id}/reactions/me_too` });
    await engineer({ method: 'POST', url: `/api/insights/${evidence2.id}/replies`, payload: { body: 'seen this too' } });
    const issue = (await product({ method: 'POST', url: '/api/issues', payload: { title: 'Loop', kind: 'cx-fix', teamId: 'team-product', insightIds: [evidence.id, evidence2.id] } })).json();

    const claimed = (await product({ method: 'POST', url: `/api/issues/${issue.id}/transitions`, payload: { to: 'claimed', version: 1 } })).json();
    // Claimed: evidence authors and watchers (creator is the actor, so not notified; the replier is a watcher).
    expect(recipients(issue.id, 'claimed')).toEqual(['user-agent', 'user-jordan', 'user-kai']);

    await product({ method: 'POST', url: `/api/issues/${issue.id}/transitions`, payload: { to: 'in_progress', version: claimed.version } });
    expect(recipients(issue.id, 'status')).toEqual(['user-agent', 'user-jordan', 'user-kai']);

    await product({ method: 'POST', url: `/api/issues/${issue.id}/transitions`, payload: { to: 'resolved', version: claimed.version + 1, note: 'Shipped in 4.2' } });
    // Loop closed: every evidence author and every me-too reactor; nobody else.
    expect(recipients(issue.id, 'loop_closed')).toEqual(['user-agent', 'user-jordan', 'user-sam']);
    expect(kindsFor('user-omar', issue.id)).toEqual([]);
    expect(kindsFor('user-kai', issue.id)).toEqual(['claimed', 'status', 'status']);
    expect(kindsFor('user-lead', issue.id)).toEqual([]);

    const list = (await agent({ method: 'GET', url: '/api/notifications' })).json();
    const loop = list.items.find((n: { kind: string }) => n.kind === 'loop_closed');
    expect(loop).toMatchObject({
      subject: { type: 'issue', id: issue.id },
      readAt: null,
      data: { note: 'Shipped in 4.2', title: 'Loop', to: 'resolved', link: `/issues/${issue.id}`, customers: [{ id: customer.id, name: 'Loop Customer', company: 'Loop Co' }] },
    });
    expect(list.unreadCount).toBeGreaterThanOrEqual(3);
  });

  it('mentions notify; lists page with an unread count; marking read by ids or all', async () => {
    await postInsight(sales, { body: 'hey @agent look' });
    const page = (await agent({ method: 'GET', url: '/api/notifications?limit=2' })).json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const total = page.unreadCount;
    const afterOne = (await agent({ method: 'POST', url: '/api/notifications/read', payload: { ids: [page.items[0].id] } })).json();
    expect(afterOne.unreadCount).toBe(total - 1);
    const next = (await agent({ method: 'GET', url: `/api/notifications?limit=2&cursor=${page.nextCursor}` })).json();
    expect(next.items.map((n: { id: string }) => n.id)).not.toContain(page.items[0].id);
    expect((await agent({ method: 'POST', url: '/api/notifications/read', payload: { all: true } })).json().unreadCount).toBe(0);
    expect((await agent({ method: 'GET', url: '/api/notifications' })).json().items.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    expect((await agent({ method: 'POST', url: '/api/notifications/read', payload: {} })).statusCode).toBe(400);
    expect((await agent({ method: 'POST', url: '/api/notifications/read', payload: { all: false } })).statusCode).toBe(400);
    // Someone else's notifications are untouched by my "all".
    expect((await sales({ method: 'GET', url: '/api/notifications' })).json().items.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);
  });
});
