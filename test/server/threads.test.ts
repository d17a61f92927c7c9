import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type Client, type TestApp } from '../helpers/app.js';
import { postInsight } from '../helpers/factories.js';

describe('threads, mentions and reactions', () => {
  let t: TestApp;
  let agent: Client;
  let engineer: Client;
  let marketer: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    [agent, engineer, marketer] = await Promise.all([
      loginAs(t.app, 'member'),
      loginAs(t.app, { email: 'engineer@example.com', password: 'frontline-demo' }),
      loginAs(t.app, { email: 'marketing@example.com', password: 'frontline-demo' }),
    ]);
  });
  afterAll(() => t.close());

  const notificationsOf = (userId: string) =>
    t.app.database.sqlite.prepare("select kind, subject_type, subject_id from notifications where user_id = ? order by created_at").all(userId) as { kind: string; subject_id: string }[];

  it('teams taking part: the author’s teams, @mentioned teams, and teams of repliers', async () => {
    const insight = await postInsight(agent, { body: 'Customer asks about SSO' });
    expect(insight.teamsTakingPart.map((x) => x.slug)).toEqual(['support']);
    const reply = await engineer({ method: 'POST', url: `/api/insights/${insight.id}/replies`, payload: { body: 'Looping in @product and @noah, not @nobody or mail@support.com' } });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ insightId: insight.id, author: { id: 'user-kai' }, mentions: { users: ['user-noah'], teams: ['team-product'] }, deletedAt: null });
    const thread = (await agent({ method: 'GET', url: `/api/insights/${insight.id}` })).json();
    expect(thread.teamsTakingPart.map((x: { slug: string }) => x.slug)).toEqual(['engineering', 'product', 'support']);
    expect(thread.replies).toHaveLength(1);
    expect(thread.replyCount).toBe(1);
    expect(thread.replies[0].body).toContain('@nobody');
    const feed = (await agent({ method: 'GET', url: '/api/insights?team=product' })).json();
    expect(feed.items.map((i: { id: string }) => i.id)).toContain(insight.id);
  });

  it('mentions notify the person and every member of a mentioned team, never the author', async () => {
    const insight = await postInsight(agent, { body: 'Refund question' });
    await agent({ method: 'POST', url: `/api/insights/${insight.id}/replies`, payload: { body: '@operations can you check? also @agent (me)' } });
    for (const member of ['user-zoe', 'user-tom', 'user-admin']) {
      expect(notificationsOf(member).some((n) => n.kind === 'mention')).toBe(true);
    }
    expect(notificationsOf('user-agent')).toEqual([]);
  });

  it('a stored mention survives a rename of the team', async () => {
    const insight = await postInsight(agent, { body: 'Pricing feedback for @sales' });
    const admin = await loginAs(t.app, 'admin');
    await admin({ method: 'PATCH', url: '/api/teams/team-sales', payload: { slug: 'revenue' } });
    const thread = (await agent({ method: 'GET', url: `/api/insights/${insight.id}` })).json();
    expect(thread.mentions.teams).toEqual(['team-sales']);
    expect(thread.teamsTakingPart.map((x: { slug: string }) => x.slug)).toContain('revenue');
    await admin({ method: 'PATCH', url: '/api/teams/team-sales', payload: { slug: 'sales' } });
  });

  it('authors edit and soft-delete their own replies; others cannot', async () => {
    const insight = await postInsight(agent);
    const reply = (await engineer({ method: 'POST', url: `/api/insights/${insight.id}/replies`, payload: { body: 'draft' } })).json();
    expect((await marketer({ method: 'PATCH', url: `/api/replies/${reply.id}`, payload: { body: 'nope' } })).statusCode).toBe(403);
    const edited = await engineer({ method: 'PATCH', url: `/api/replies/${reply.id}`, payload: { body: 'final, cc @marketing' } });
    expect(edited.json().editedAt).not.toBeNull();
    expect(edited.json().mentions.teams).toEqual(['team-marketing']);
    expect((await marketer({ method: 'DELETE', url: `/api/replies/${reply.id}` })).statusCode).toBe(403);
    expect((await engineer({ method: 'DELETE', url: `/api/replies/${reply.id}` })).statusCode).toBe(204);
    const thread = (await agent({ method: 'GET', url: `/api/insights/${insight.id}` })).json();
    expect(thread.replies[0]).toMatchObject({ id: reply.id, body: '' });
    expect(thread.replies[0].deletedAt).not.toBeNull();
    expect(thread.replyCount).toBe(0);
    expect((await engineer({ method: 'PATCH', url: `/api/replies/${reply.id}`, payload: { body: 'again' } })).statusCode).toBe(404);
    expect((await engineer({ method: 'POST', url: `/api/insights/${insight.id}/replies`, payload: { body: '' } })).statusCode).toBe(400);
    expect((await engineer({ method: 'POST', url: '/api/insights/nope/replies', payload: { body: 'hi' } })).statusCode).toBe(404);
  });

  it('reactions are idempotent, one per user and kind, counted with "mine"', async () => {
    const insight = await postInsight(agent);
    const url = `/api/insights/${insight.id}/reactions/me_too`;
    expect((await engineer({ method: 'PUT', url })).json().reactions[0]).toEqual({ kind: 'me_too', count: 1, mine: true });
    expect((await engineer({ method: 'PUT', url })).json().reactions[0]).toEqual({ kind: 'me_too', count: 1, mine: true });
    expect((await marketer({ method: 'PUT', url })).json().reactions[0]).toEqual({ kind: 'me_too', count: 2, mine: true });
    const seenByAgent = (await agent({ method: 'GET', url: `/api/insights/${insight.id}` })).json();
    expect(seenByAgent.reactions[0]).toEqual({ kind: 'me_too', count: 2, mine: false });
    expect((await engineer({ method: 'DELETE', url })).json().reactions[0]).toEqual({ kind: 'me_too', count: 1, mine: false });
    expect((await engineer({ method: 'DELETE', url })).statusCode).toBe(200);
    const events = t.app.database.sqlite.prepare("select count(*) as n from events where type = 'reaction.changed' and subject_id = ?").get(insight.id) as { n: number };
    expect(events.n).toBe(3);
    expect((await engineer({ method: 'PUT', url: `/api/insights/${insight.id}/reactions/love` })).statusCode).toBe(400);
  });
});
