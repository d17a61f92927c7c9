import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insight } from '../../shared/insights.js';
import { LIMITS } from '../../shared/limits.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../helpers/app.js';
import { createCustomer, insightInput, postInsight } from '../helpers/factories.js';

describe('insights', () => {
  let t: TestApp;
  let admin: Client;
  let agent: Client;
  let sales: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    [admin, agent, sales] = await Promise.all([
      loginAs(t.app, 'admin'),
      loginAs(t.app, 'member'),
      loginAs(t.app, { email: 'sales@example.com', password: 'frontline-demo' }),
    ]);
  });
  afterAll(() => t.close());

  const count = (sql: string, ...args: unknown[]) => (t.app.database.sqlite.prepare(sql).get(...args) as { n: number }).n;

  it('posts an insight with a new customer created inline, in the wire shape', async () => {
    const before = count('select count(*) as n from customers');
    const res = await agent({
      method: 'POST',
      url: '/api/insights',
      payload: { body: 'Needs **bulk export**', channel: 'chat', sentiment: 'negative', tags: ['Export', 'CSV', 'export'], sourceUrl: 'https://forum.example.com/t/1', customer: { name: 'Dana Diaz', company: 'Globex', email: 'dana@globex.test' } },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      body: 'Needs **bulk export**',
      channel: 'chat',
      sentiment: 'negative',
      tags: ['export', 'csv'],
      sourceUrl: 'https://forum.example.com/t/1',
      customer: { name: 'Dana Diaz', company: 'Globex' },
      author: { id: 'user-agent', displayName: 'Alex Agent' },
      editedAt: null,
      deletedAt: null,
      teamsTakingPart: [{ slug: 'support' }],
      reactions: [
        { kind: 'me_too', count: 0, mine: false },
        { kind: 'thanks', count: 0, mine: false },
        { kind: 'insightful', count: 0, mine: false },
      ],
      issues: [],
    });
    expect(body.createdAt).toMatch(/Z$/);
    expect(count('select count(*) as n from customers')).toBe(before + 1);
    const types = t.app.database.sqlite.prepare('select type from events order by seq desc limit 2').all() as { type: string }[];
    expect(types.map((e) => e.type).sort()).toEqual(['customer.created', 'insight.created']);
    // The answer must be what the thread shows.
    const { replies, ...shown } = (await agent({ method: 'GET', url: `/api/insights/${body.id}` })).json();
    expect(replies).toEqual([]);
    expect(shown).toEqual(body);
  });

  it('answers posts sent at once, a bad one among them, each as its thread shows it', async () => {
    const customer = await createCustomer(agent);
    const bodies = [
      insightInput({ body: 'Asked @sam and @product about invoices', customerId: customer.id }),
      insightInput({ customerId: 'missing' }),
      insightInput({ body: 'Second post at the same moment', tags: ['billing'] }),
    ];
    const answers = await Promise.all(bodies.map((payload) => agent({ method: 'POST', url: '/api/insights', payload })));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 400, 201]);
    for (const answer of [answers[0], answers[2]]) {
      const posted = answer?.json();
      const { replies: _replies, ...shown } = (await agent({ method: 'GET', url: `/api/insights/${posted.id}` })).json();
      expect(shown).toEqual(posted);
    }
    expect(answers[0]?.json().mentions.teams).toHaveLength(1);
  });

  it('links an existing customer, and refuses an unknown one without writing anything', async () => {
    const customer = await createCustomer(agent);
    expect((await postInsight(agent, { customerId: customer.id })).customer?.id).toBe(customer.id);
    const before = count('select count(*) as n from insights');
    const res = await agent({ method: 'POST', url: '/api/insights', payload: insightInput({ customerId: 'nope' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('customerId');
    expect(count('select count(*) as n from insights')).toBe(before);
  });

  it('rejects bad input with a 4xx that names the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [insightInput({ channel: 'pigeon' }), 'body.channel'],
      [insightInput({ sentiment: 'angry' }), 'body.sentiment'],
      [insightInput({ body: '' }), 'body.body'],
      [insightInput({ body: 'x'.repeat(LIMITS.insightBodyLength + 1) }), 'body.body'],
      [insightInput({ tags: Array.from({ length: LIMITS.tagsPerInsight + 1 }, (_, i) => `t${i}`) }), 'body.tags'],
      [insightInput({ tags: ['x'.repeat(LIMITS.tagLength + 1)] }), 'body.tags.0'],
      [insightInput({ sourceUrl: 'javascript:alert(1)' }), 'body.sourceUrl'],
      [insightInput({ sourceUrl: 'data:text/html,hi' }), 'body.sourceUrl'],
      [insightInput({ customerId: 'c1', customer: { name: 'Both' } }), 'body.customer'],
      [insightInput({ customer: { name: '' } }), 'body.customer.name'],
    ];
    for (const [payload, path] of cases) {
      const res = await agent({ method: 'POST', url: '/api/insights', payload });
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.details.fields.map((f: { path: string }) => f.path), path).toContain(path);
    }
  });

  it('posting twice with one Idempotency-Key creates one insight', async () => {
    const payload = insightInput();
    const headers = { 'idempotency-key': 'post-once' };
    const first = await agent({ method: 'POST', url: '/api/insights', payload, headers });
    const second = await agent({ method: 'POST', url: '/api/insights', payload, headers });
    expect(second.json().id).toBe(first.json().id);
    expect(count('select count(*) as n from insights where body = ?', payload.body)).toBe(1);
  });

  it('the author edits (editedAt set, earlier body kept in the event log); others get 403; an admin may', async () => {
    const insight = await postInsight(agent, { body: 'first words' });
    const edited = await agent({ method: 'PATCH', url: `/api/insights/${insight.id}`, payload: { body: 'second words', tags: ['billing'] } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ body: 'second words', tags: ['billing'] });
    expect(edited.json().editedAt).not.toBeNull();
    const event = t.app.database.sqlite.prepare("select payload from events where type = 'insight.updated' and subject_id = ?").get(insight.id) as { payload: string };
    expect(JSON.parse(event.payload).previous).toMatchObject({ body: 'first words', tags: ['export'] });
    expect((await sales({ method: 'PATCH', url: `/api/insights/${insight.id}`, payload: { body: 'hijack' } })).statusCode).toBe(403);
    expect((await sales({ method: 'DELETE', url: `/api/insights/${insight.id}` })).statusCode).toBe(403);
    expect((await admin({ method: 'PATCH', url: `/api/insights/${insight.id}`, payload: { sentiment: 'positive' } })).statusCode).toBe(200);
    expect((await agent({ method: 'PATCH', url: '/api/insights/nope', payload: { body: 'x' } })).statusCode).toBe(404);
  });

  it('delete is soft: others get 404, the admin sees it and restores it', async () => {
    const insight = await postInsight(agent);
    expect((await agent({ method: 'DELETE', url: `/api/insights/${insight.id}` })).statusCode).toBe(204);
    expect((await agent({ method: 'GET', url: `/api/insights/${insight.id}` })).statusCode).toBe(404);
    expect((await sales({ method: 'PUT', url: `/api/insights/${insight.id}/reactions/me_too` })).statusCode).toBe(404);
    expect((await sales({ method: 'POST', url: `/api/insights/${insight.id}/replies`, payload: { body: 'hello?' } })).statusCode).toBe(404);
    const feed = (await agent({ method: 'GET', url: '/api/insights?limit=100' })).json();
    expect(feed.items.map((i: { id: string }) => i.id)).not.toContain(insight.id);
    const seen = await admin({ method: 'GET', url: `/api/insights/${insight.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().deletedAt).not.toBeNull();
    expect(seen.json().body).toBe(insight.body);
    expect((await agent({ method: 'POST', url: `/api/insights/${insight.id}/restore` })).statusCode).toBe(403);
    const restored = await admin({ method: 'POST', url: `/api/insights/${insight.id}/restore` });
    expect(restored.json().deletedAt).toBeNull();
    expect((await agent({ method: 'GET', url: `/api/insights/${insight.id}` })).statusCode).toBe(200);
    expect(count('select count(*) as n from insights where id = ?', insight.id)).toBe(1);
  });

  it('filters combine: team, tag, channel, sentiment, customer, author, q and dates', async () => {
    const customer = await createCustomer(agent);
    const target = await postInsight(sales, { body: 'Unique zebra phrase', channel: 'email', sentiment: 'positive', tags: ['zebra'], customerId: customer.id });
    await postInsight(sales, { body: 'Unique zebra phrase too', channel: 'chat', sentiment: 'positive', tags: ['zebra'], customerId: customer.id });
    await postInsight(agent, { body: 'Unique zebra phrase', channel: 'email', sentiment: 'positive', tags: ['zebra'] });
    await t.app.searchIndexer.drain(); // q uses the full-text index, which trails commits by a moment
    const ids = async (query: string) => (await agent({ method: 'GET', url: `/api/insights?${query}` })).json().items.map((i: { id: string }) => i.id);
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids(`team=sales&tag=zebra&channel=email&sentiment=positive&customerId=${customer.id}&authorId=user-jordan&q=zebra&from=${today}&to=${today}`)).toEqual([target.id]);
    expect(await ids('team=team-sales&tag=zebra&channel=email')).toEqual([target.id]);
    expect(await ids('tag=zebra')).toHaveLength(3);
    expect(await ids('tag=zebra&to=2020-01-01')).toEqual([]);
    expect((await agent({ method: 'GET', url: '/api/insights?team=no-such-team' })).statusCode).toBe(400);
    expect((await agent({ method: 'GET', url: '/api/insights?channel=fax' })).statusCode).toBe(400);
    expect((await agent({ method: 'GET', url: '/api/insights?from=yesterday' })).statusCode).toBe(400);
  });

  it('pages newest first with no gap or repeat while new posts arrive', async () => {
    const mine = new Set<string>();
    for (let i = 0; i < 7; i++) mine.add((await postInsight(agent, { tags: ['paging'] })).id);
    const before = (await agent({ method: 'GET', url: '/api/insights?tag=paging&limit=100' })).json().items.map((i: { id: string }) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let page = 0;
    let late = '';
    do {
      const res = await agent({ method: 'GET', url: `/api/insights?tag=paging&limit=3${cursor ? `&cursor=${cursor}` : ''}` });
      seen.push(...res.json().items.map((i: { id: string }) => i.id));
      cursor = res.json().nextCursor;
      if (page++ === 0) late = (await postInsight(agent, { tags: ['paging'] })).id; // arrives mid-way: newer than page 1
    } while (cursor);
    // Exactly the insights that existed when paging began, once each, in the feed's order; the late one is not slipped in.
    expect(seen).toEqual(before);
    expect(new Set(seen)).toEqual(mine);
    expect(seen).not.toContain(late);
  });

  it('the feed sends an excerpt of long bodies; the thread has it whole', async () => {
    const long = `${'word '.repeat(400)}end`;
    const insight = await postInsight(agent, { body: long, tags: ['long'] });
    const item = (await agent({ method: 'GET', url: '/api/insights?tag=long' })).json().items[0];
    expect(item.truncated).toBe(true);
    expect(item.body.length).toBeLessThanOrEqual(LIMITS.feedBodyLength + 1);
    const thread = (await agent({ method: 'GET', url: `/api/insights/${insight.id}` })).json();
    expect(thread.body).toBe(long.trim());
    expect(thread.truncated).toBe(false);
  });

  it('cuts a body by its length as the client counts it, whatever its characters', async () => {
    const cases = [
      { body: 'a'.repeat(LIMITS.feedBodyLength), truncated: false },
      { body: 'a'.repeat(LIMITS.feedBodyLength + 1), truncated: true },
      { body: 'é'.repeat(LIMITS.feedBodyLength), truncated: false },
      { body: '😀'.repeat(LIMITS.feedBodyLength / 2 + 1), truncated: true },
    ];
    for (const [i, { body }] of cases.entries()) await postInsight(agent, { body, tags: [`length-${i}`] });
    for (const [i, { body, truncated }] of cases.entries()) {
      const [item] = (await agent({ method: 'GET', url: `/api/insights?tag=length-${i}` })).json().items;
      expect(item.truncated).toBe(truncated);
      if (!truncated) expect(item.body).toBe(body);
      else expect(item.body.length).toBeLessThanOrEqual(LIMITS.feedBodyLength + 1);
    }
  });

  it('a feed item is the thread in the wire shape, every list field filled, the body cut', async () => {
    const product = await loginAs(t.app, { email: 'product@example.com', password: 'frontline-demo' });
    const long = `@sam and @engineering: "quotes", a tab\t, <b>tags</b> and ünïcode ${'word '.repeat(200)}end`;
    const posted = await postInsight(agent, { body: long, tags: ['wire-shape'], customer: { name: 'Wire Shape', company: 'Globex' } });
    await sales({ method: 'PUT', url: `/api/insights/${posted.id}/reactions/me_too` });
    await agent({ method: 'PUT', url: `/api/insights/${posted.id}/reactions/thanks` });
    expect((await sales({ method: 'POST', url: `/api/insights/${posted.id}/replies`, payload: { body: 'Sales can help' } })).statusCode).toBe(201);
    const issue = await product({ method: 'POST', url: '/api/issues', payload: { title: 'Wire', kind: 'problem', teamId: 'team-engineering', insightIds: [posted.id] } });
    expect(issue.statusCode).toBe(201);

    const page = await agent({ method: 'GET', url: '/api/insights?tag=wire-shape' });
    expect(page.headers['content-type']).toMatch(/^application\/json/);
    const item = insight.strict().parse(page.json().items[0]);
    const { replies: _, ...thread } = (await agent({ method: 'GET', url: `/api/insights/${posted.id}` })).json();
    expect({ ...item, body: thread.body, truncated: false }).toEqual(thread);
    expect(item.truncated).toBe(true);
    expect(long.startsWith(item.body.slice(0, -1))).toBe(true);
    expect(item.mentions).toEqual({ users: ['user-sam'], teams: ['team-engineering'] });
    expect(item.reactions).toEqual([
      { kind: 'me_too', count: 1, mine: false },
      { kind: 'thanks', count: 1, mine: true },
      { kind: 'insightful', count: 0, mine: false },
    ]);
    expect(item.issues).toEqual([{ id: issue.json().id, title: 'Wire', status: 'open', kind: 'problem' }]);
    expect(item.customer).toMatchObject({ name: 'Wire Shape', company: 'Globex', tier: 'standard' });
    const names = item.teamsTakingPart.map((team) => team.name);
    expect(item.teamsTakingPart.map((team) => team.slug).sort()).toEqual(['engineering', 'sales', 'support']);
    expect(item.replyCount).toBe(1);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('suggests tags by prefix, most used first', async () => {
    await postInsight(agent, { tags: ['onboarding'] });
    const res = await agent({ method: 'GET', url: '/api/tags?q=onb' });
    expect(res.json().items[0]).toMatchObject({ tag: 'onboarding' });
  });
});
