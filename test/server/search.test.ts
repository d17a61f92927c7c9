import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearch, toFtsQuery } from '../../shared/search-query.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../helpers/app.js';
import { createCustomer, postInsight } from '../helpers/factories.js';
import { bm25Scorer, documentFrequency, indexStats } from '../../server/features/search/ranking.js';
import { highlighter } from '../../server/features/search/highlight.js';

describe('the search language', () => {
  it('parses words, phrases, exclusions, prefixes and filters', () => {
    expect(parseSearch('export "bulk csv" -excel expo* tag:billing team:support')).toEqual({
      terms: [
        { text: 'export', phrase: false, prefix: false, negated: false },
        { text: 'bulk csv', phrase: true, prefix: false, negated: false },
        { text: 'excel', phrase: false, prefix: false, negated: true },
        { text: 'expo', phrase: false, prefix: true, negated: false },
      ],
      filters: { tag: 'billing', team: 'support' },
    });
    expect(toFtsQuery(parseSearch('export -excel').terms)).toBe('"export" NOT "excel"');
  });

  it('never produces FTS syntax from hostile input', () => {
    for (const hostile of ['"unbalanced', 'NEAR(a b)', '*', 'title:foo', 'a OR b', '(((', '^foo', 'a"b"c', '\u0000\u0001', '"" ""', '-', '---', 'AND', 'x'.repeat(300), '🙂 café']) {
      const fts = toFtsQuery(parseSearch(hostile).terms);
      if (fts) expect(fts).toMatch(/^(NOT )?"[^"]*(""[^"]*)*"\*?( (AND|NOT) "[^"]*(""[^"]*)*"\*?)*$/);
    }
  });
});

describe('highlights and snippets', () => {
  const marks = (q: string) => highlighter(parseSearch(q).terms);

  it('marks whole words, phrases and prefixes as the index matches them, accents and case folded', () => {
    expect(marks('cafe').highlight('Le Café, café-crème; cafeteria')).toBe('Le <mark>Café</mark>, <mark>café</mark>-crème; cafeteria');
    expect(marks('"bulk export"').highlight('Bulk export, bulk  EXPORT and bulk imports')).toBe('<mark>Bulk export</mark>, <mark>bulk  EXPORT</mark> and bulk imports');
    expect(marks('expo*').highlight('Exports exposed; an expo')).toBe('<mark>Exports</mark> <mark>exposed</mark>; an <mark>expo</mark>');
    expect(marks('widget -broken').highlight('broken widget')).toBe('broken <mark>widget</mark>');
  });

  it('escapes everything but <mark>', () => {
    expect(marks('alert').highlight('<script>alert("x")</script> & co')).toBe('&#60;script&#62;<mark>alert</mark>(&#34;x&#34;)&#60;/script&#62; &#38; co');
  });

  it('cuts a snippet around the densest matches, with … where text was left out', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    words[40] = 'target';
    words[42] = 'target';
    const snippet = marks('target').snippet([words.join(' ')], 10);
    expect(snippet).toBe('…w37 w38 w39 <mark>target</mark> w41 <mark>target</mark> w43 w44 w45 w46…');
    expect(marks('nothing').snippet(['short text', ''])).toBe('short text');
    expect(marks('acme').snippet(['no match here', 'Acme Corp'])).toBe('<mark>Acme</mark> Corp');
  });
});

describe('GET /api/search', () => {
  let t: TestApp;
  let agent: Client;
  let engineer: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    agent = await loginAs(t.app, 'member');
    engineer = await loginAs(t.app, { email: 'engineer@example.com', password: 'frontline-demo' });
  });
  afterAll(() => t.close());

  const search = async (q: string, extra = '') => {
    await t.app.searchIndexer.drain();
    return agent({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}${extra}` });
  };
  const ids = async (q: string, extra = '') => (await search(q, extra)).json().items.map((i: { id: string }) => i.id);

  it('finds insights, replies, issues and customers, grouped with counts, accents and case folded', async () => {
    const customer = await createCustomer(agent, { name: 'Zoë Quintessa', company: 'Quintessa Labs' });
    const insight = await postInsight(agent, { body: 'The Café export fails with quintessential errors', customerId: customer.id, tags: ['export'] });
    const reply = (await engineer({ method: 'POST', url: `/api/insights/${insight.id}/replies`, payload: { body: 'Quintessential bug, reproduced' } })).json();
    const issue = (await engineer({ method: 'POST', url: '/api/issues', payload: { title: 'Quintessential export failure', kind: 'problem', teamId: 'team-engineering', insightIds: [insight.id] } })).json();
    const res = await search('quintess*');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ insight: 1, reply: 1, issue: 1, customer: 1 });
    // Every hit carries its own highlighted text.
    for (const hit of body.items) expect(`${hit.title} ${hit.snippet}`.toLowerCase()).toContain('<mark>quintess');
    expect(body.items.map((i: { id: string }) => i.id).sort()).toEqual([insight.id, reply.id, issue.id, customer.id].sort());
    const replyHit = body.items.find((i: { kind: string }) => i.kind === 'reply');
    expect(replyHit.url).toBe(`/insights/${insight.id}#reply-${reply.id}`);
    expect(await ids('CAFE')).toEqual([insight.id]);
    expect(await ids('quintessential', '&kind=issue')).toEqual([issue.id]);
  });

  it('ranks by bm25 with a recency boost: a title match beats a passing mention, and of equal matches the newer wins', async () => {
    const issue = (await engineer({ method: 'POST', url: '/api/issues', payload: { title: 'Thundersnow outage', kind: 'problem', teamId: 'team-engineering' } })).json();
    const passing = await postInsight(agent, { body: 'A long note about many things: billing, onboarding, exports, dashboards, and once thundersnow.' });
    const dense = await postInsight(agent, { body: 'Thundersnow thundersnow: the thundersnow widget fails.' });
    const ranked = await ids('thundersnow');
    expect(ranked.indexOf(issue.id)).toBeLessThan(ranked.indexOf(passing.id));
    expect(ranked.indexOf(dense.id)).toBeLessThan(ranked.indexOf(passing.id));
    // Same text, different ages: the recent one ranks first.
    const old = await postInsight(agent, { body: 'Graupel storm warning' });
    const recent = await postInsight(agent, { body: 'Graupel storm warning' });
    await t.app.searchIndexer.drain();
    // Age the first one as if it had been posted long ago (the index keeps the time it ranks by).
    t.app.database.sqlite.prepare('update search_docs set at = ? where ref_id = ?').run('2024-01-01T00:00:00.000Z', old.id);
    expect(await ids('graupel')).toEqual([recent.id, old.id]);
  });

  it('scores as FTS5’s own bm25() does, with the document counts the index keeps', async () => {
    await postInsight(agent, { body: 'Quokka quokka billing quokka, and a long tail of other words about the billing page' });
    await postInsight(agent, { body: 'A quokka once', customer: { name: 'Quokka Co' } });
    await postInsight(agent, { body: 'Café billing for quokkas' });
    await postInsight(agent, { body: 'Nothing to see', tags: ['quokka'] });
    await t.app.searchIndexer.drain();
    const { sqlite } = t.app.database;
    const stats = indexStats(sqlite, 'search_fts');
    expect(stats.documents).toBe((sqlite.prepare('select count(*) as n from search_docs').get() as { n: number }).n);
    for (const q of ['quokka', 'quokka billing', 'cafe', '"billing page"', 'quok*']) {
      const terms = parseSearch(q).terms;
      const fts = toFtsQuery(terms) as string;
      const frequencies = terms.map((term) => documentFrequency(sqlite, 'search_fts', toFtsQuery([term]) as string, 500, stats));
      const score = bm25Scorer(terms, frequencies, [4, 1, 2], stats);
      const rows = sqlite
        .prepare('select -bm25(search_fts, 4, 1, 2) as expected, d.title, d.body, d.extra from search_fts join search_docs d on d.id = search_fts.rowid where search_fts match ?')
        .all(fts) as { expected: number; title: string; body: string; extra: string }[];
      expect(rows.length, q).toBeGreaterThan(0);
      for (const row of rows) expect(score({ columns: [row.title, row.body, row.extra] }), `${q}: ${row.body}`).toBeCloseTo(row.expected, 6);
    }
  });

  it('highlights with <mark> only, escaping everything else', async () => {
    const insight = await postInsight(agent, { body: 'Widgetron shows <script>alert(1)</script> & <b>bold</b> text' });
    const hit = (await search('widgetron')).json().items[0];
    expect(hit.id).toBe(insight.id);
    expect(hit.snippet).toContain('<mark>Widgetron</mark>');
    expect(hit.snippet).not.toMatch(/<(?!\/?mark>)/);
    expect(hit.snippet).toContain('&#60;script&#62;');
  });

  it('combines words, phrases, exclusions and filters', async () => {
    const a = await postInsight(agent, { body: 'Gizmo sync breaks nightly', channel: 'email', sentiment: 'negative', tags: ['sync'] });
    const b = await postInsight(agent, { body: 'Gizmo sync is lovely', channel: 'chat', sentiment: 'positive', tags: ['sync'] });
    const c = await postInsight(engineer, { body: 'Nightly gizmo report', channel: 'email', sentiment: 'negative', tags: ['report'] });
    expect((await ids('gizmo')).sort()).toEqual([a.id, b.id, c.id].sort());
    expect((await ids('gizmo sync')).sort()).toEqual([a.id, b.id].sort());
    expect(await ids('"sync breaks"')).toEqual([a.id]);
    expect((await ids('gizmo -lovely')).sort()).toEqual([a.id, c.id].sort());
    expect(await ids('gizmo channel:chat')).toEqual([b.id]);
    expect(await ids('gizmo sentiment:negative tag:sync')).toEqual([a.id]);
    expect(await ids('gizmo author:kai')).toEqual([c.id]);
    expect(await ids('gizmo team:engineering')).toEqual([c.id]);
    expect(await ids('gizmo before:2000-01-01')).toEqual([]);
    expect((await ids('gizmo after:2000-01-01')).length).toBe(3);
    expect(await ids('tag:report')).toEqual([c.id]);
  });

  it('answers searches sent at once, from worker threads, each with its own results and errors', async () => {
    await postInsight(agent, { body: 'Parallax scrolling stutters' });
    await postInsight(agent, { body: 'Kaleidoscope view is blank' });
    await t.app.searchIndexer.drain();
    const queries = ['parallax', 'kaleidoscope', 'parallax channel:fax', 'kaleidoscope', 'parallax', 'nothingmatchesthis'];
    const answers = await Promise.all(queries.map((q) => agent({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 400, 200, 200, 200]);
    expect(answers.map((a) => (a.statusCode === 200 ? a.json().items.length : a.json().error.code))).toEqual([1, 1, 'invalid_input', 1, 1, 0]);
    expect(answers[2]?.json().error.details).toMatchObject({ field: 'q', filter: 'channel' });
  });

  it('answers hostile or odd queries with results or a clear 400, never a 500', async () => {
    for (const q of ['"unbalanced', 'NEAR(gizmo', '*', 'title:gizmo', 'gizmo OR', '(((', 'a"b', '\u0001\u0002', '🙂', 'ü', 'channel:fax', 'status:maybe', 'team:nope', 'before:yesterday', '-gizmo', '', 'x'.repeat(200)]) {
      const res = await search(q);
      expect([200, 400], `${q}: ${res.body}`).toContain(res.statusCode);
      if (res.statusCode === 400) expect(res.json().error.code).toBe('invalid_input');
    }
    expect((await search('x'.repeat(201))).statusCode).toBe(400);
    expect((await search('status:open')).statusCode).toBe(200);
  });

  it('stays in step with edits, deletes and merges', async () => {
    const insight = await postInsight(agent, { body: 'Flibbertigibbet appears' });
    expect(await ids('flibbertigibbet')).toEqual([insight.id]);
    await agent({ method: 'PATCH', url: `/api/insights/${insight.id}`, payload: { body: 'Now it says snollygoster' } });
    expect(await ids('flibbertigibbet')).toEqual([]);
    expect(await ids('snollygoster')).toEqual([insight.id]);
    await agent({ method: 'PATCH', url: `/api/insights/${insight.id}`, payload: { channel: 'social', sentiment: 'positive' } });
    expect(await ids('snollygoster channel:social sentiment:positive')).toEqual([insight.id]);
    expect(await ids('snollygoster channel:chat')).toEqual([]);
    await agent({ method: 'DELETE', url: `/api/insights/${insight.id}` });
    expect(await ids('snollygoster')).toEqual([]);
    const admin = await loginAs(t.app, 'admin');
    await admin({ method: 'POST', url: `/api/insights/${insight.id}/restore` });
    expect(await ids('snollygoster')).toEqual([insight.id]);
    const keep = await createCustomer(agent, { name: 'Bumbershoot Holdings' });
    const dupe = await createCustomer(agent, { name: 'Bumbershoot Hldgs' });
    expect((await ids('bumbershoot')).sort()).toEqual([keep.id, dupe.id].sort());
    await agent({ method: 'POST', url: `/api/customers/${keep.id}/merge`, payload: { fromId: dupe.id } });
    expect(await ids('bumbershoot')).toEqual([keep.id]);
  });

  it('the feed’s q uses the same engine, newest first, with filters and its own cursor', async () => {
    const first = await postInsight(agent, { body: 'Kerfuffle in the checkout', channel: 'chat' });
    const second = await postInsight(agent, { body: 'Another kerfuffle at the till', channel: 'email' });
    const third = await postInsight(agent, { body: 'Kerfuffles all week', channel: 'chat' });
    await t.app.searchIndexer.drain();
    const feed = (await agent({ method: 'GET', url: '/api/insights?q=kerfuf*' })).json();
    expect(feed.items.map((i: { id: string }) => i.id)).toEqual([third.id, second.id, first.id]);
    const chat = (await agent({ method: 'GET', url: '/api/insights?q=kerfuf*&channel=chat&limit=1' })).json();
    expect(chat.items.map((i: { id: string }) => i.id)).toEqual([third.id]);
    const next = (await agent({ method: 'GET', url: `/api/insights?q=kerfuf*&channel=chat&limit=1&cursor=${chat.nextCursor}` })).json();
    expect(next.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
    expect(next.nextCursor).toBeNull();
    // A cursor from the plain feed does not continue a text search.
    const plain = (await agent({ method: 'GET', url: '/api/insights?limit=1' })).json();
    expect((await agent({ method: 'GET', url: `/api/insights?q=kerfuf*&cursor=${plain.nextCursor}` })).statusCode).toBe(400);
  });

  it('sorts newest first on request: every match in time order, with snippets, paged without gap or repeat', async () => {
    // The densest match is the oldest: best match puts it first, newest first puts it last.
    const dense = await postInsight(agent, { body: 'Gallimaufry gallimaufry gallimaufry', channel: 'chat' });
    const posted = [];
    for (let i = 0; i < 5; i++) posted.push(await postInsight(agent, { body: `Gallimaufry number ${i}`, channel: i % 2 ? 'email' : 'chat' }));
    const reply = (await engineer({ method: 'POST', url: `/api/insights/${posted[0]?.id}/replies`, payload: { body: 'Seen that gallimaufry too' } })).json();
    const newestFirst = [dense.id, ...posted.map((p) => p.id), reply.id].reverse();
    expect((await ids('gallimaufry'))[0]).toBe(dense.id);

    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const res = await search('gallimaufry', `&sort=newest&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      if (page === 0) expect(body.counts).toEqual({ insight: 6, reply: 1, issue: 0, customer: 0 });
      for (const hit of body.items) {
        expect(hit.snippet.toLowerCase()).toContain('<mark>gallimaufry</mark>');
        expect(hit.score).toBe(0);
      }
      seen.push(...body.items.map((i: { id: string }) => i.id));
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
      // A post arriving between pages does not shift the ones still to come.
      if (page === 0) await postInsight(agent, { body: 'Gallimaufry arrives late' });
    }
    expect(seen).toEqual(newestFirst);
    expect(await ids('gallimaufry channel:email', '&sort=newest&kind=insight')).toEqual([posted[3]?.id, posted[1]?.id]);
    // Each order reads its own cursors only.
    const ranked = (await search('gallimaufry', '&limit=1')).json();
    expect((await search('gallimaufry', `&sort=newest&cursor=${ranked.nextCursor}`)).statusCode).toBe(400);
    expect((await search('gallimaufry', '&sort=oldest')).statusCode).toBe(400);
  });

  it('indexes content within a second of its commit without anyone draining by hand', async () => {
    const insight = await postInsight(agent, { body: 'Brouhaha at the front desk' });
    const started = Date.now();
    let found: string[] = [];
    while (Date.now() - started < 1000 && found.length === 0) {
      await new Promise((r) => setTimeout(r, 50));
      found = (await agent({ method: 'GET', url: '/api/search?q=brouhaha' })).json().items.map((i: { id: string }) => i.id);
    }
    expect(found).toEqual([insight.id]);
  });

  it('nothing is missed across a restart: a pending outbox is applied on the next start', async () => {
    const { buildApp } = await import('../../server/app.js');
    const insight = await postInsight(agent, { body: 'Hullabaloo before the crash' });
    t.app.searchIndexer.stop();
    const pending = t.app.database.sqlite.prepare('select count(*) as n from search_outbox').get() as { n: number };
    expect(pending.n).toBeGreaterThan(0);
    const second = await buildApp({ logger: false, config: { dataDir: t.dataDir, demo: false, rateLimit: 0, logLevel: 'silent', publicUrl: 'http://localhost:3000' } });
    try {
      await second.searchIndexer.drain();
      const hits = (second.database.sqlite.prepare(`select d.ref_id as id from search_fts join search_docs d on d.id = search_fts.rowid where search_fts match 'hullabaloo'`).all() as { id: string }[]).map((r) => r.id);
      expect(hits).toEqual([insight.id]);
    } finally {
      await second.close();
      t.app.searchIndexer.start();
    }
  });
});
