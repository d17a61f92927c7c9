import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atTime } from '../../server/store/ids.js';
import { createInsight } from '../../server/features/insights/service.js';
import { createReply } from '../../server/features/threads/service.js';
import { createIssue, transitionIssue } from '../../server/features/issues/service.js';
import { findIssue } from '../../server/features/issues/queries.js';
import type { Principal } from '../../server/plugins/auth.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../helpers/app.js';

/**
 * A small workspace built at known times relative to now, so every figure can be
 * computed by hand; the period is the 30 days before today.
 */
describe('dashboard metrics on a constructed workspace', () => {
  let t: TestApp;
  let lead: Client;
  const NOW = Date.now();
  const day = (daysAgo: number) => new Date(NOW - daysAgo * 86_400_000).toISOString().slice(0, 10);
  /** The 30 days before today, as the API's from/to dates (to is inclusive). */
  const RANGE = () => `from=${day(30)}&to=${day(0)}`;
  const mondayOf = (date: Date) => {
    const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  };
  const at = (daysAgo: number, hours = 0) => new Date(NOW - daysAgo * 86_400_000 + hours * 3_600_000);
  const as = (handle: string, role: Principal['role'] = 'member'): Principal => ({ userId: `user-${handle}`, role, displayName: handle, via: 'session', credentialId: 'test' });

  beforeAll(async () => {
    t = await buildTestApp();
    lead = await loginAs(t.app, 'lead');
    const store = t.app.store;
    const post = (daysAgo: number, who: string, body: string, channel: 'call' | 'email' = 'call', sentiment: 'negative' | 'positive' = 'negative') =>
      atTime(at(daysAgo), () => createInsight(store, as(who), { body, channel, sentiment, tags: [] }).id);
    // Threads in the period (last 30 days): 4. Agent (Support) starts three, Jordan (Sales) one.
    const a = post(20, 'agent', 'A: export broken');
    const b = post(10, 'agent', 'B: invoices', 'email');
    const c = post(5, 'jordan', 'C: pricing', 'email', 'positive');
    post(2, 'agent', 'D: stays inside support');
    // One thread before the period: never counted.
    const old = post(45, 'agent', 'Old thread');
    atTime(at(20, 1), () => createReply(store, as('kai'), a, 'Engineering replies')); // Engineering → Support
    atTime(at(10, 1), () => createReply(store, as('zoe'), b, 'Operations replies, cc @engineering')); // Operations, Engineering → Support
    atTime(at(5, 1), () => createReply(store, as('sam'), c, 'Support replies')); // Support → Sales
    atTime(at(44), () => createReply(store, as('kai'), old, 'old reply'));
    // Issues: I1 raised 20 days ago from A, claimed after 24 h, resolved after 72 h in total.
    const i1 = atTime(at(19), () => createIssue(store, as('omar'), { title: 'I1', description: '', kind: 'problem', teamId: 'team-engineering', insightIds: [a, b] }));
    const move = (issueId: string, when: Date, who: string, to: 'claimed' | 'in_progress' | 'resolved' | 'wont_fix', note?: string) =>
      atTime(when, () => transitionIssue(store, as(who), issueId, { to, version: findIssue(store.db, issueId)?.version ?? 0, note }));
    move(i1, at(18), 'kai', 'claimed'); // 24 h to claim
    move(i1, at(16), 'kai', 'resolved', 'fixed'); // 72 h to resolve
    // I2 raised 8 days ago (Product, target 14), claimed 12 h later, still in progress.
    const i2 = atTime(at(8), () => createIssue(store, as('omar'), { title: 'I2', description: '', kind: 'improvement', teamId: 'team-product', insightIds: [c] }));
    move(i2, at(8, 12), 'omar', 'claimed');
    move(i2, at(7), 'omar', 'in_progress');
    // I3 raised 40 days ago (before the period), open, Engineering target 10: past target, over 30 days old.
    atTime(at(40), () => createIssue(store, as('omar'), { title: 'I3', description: '', kind: 'cx-fix', teamId: 'team-engineering' }));
  });
  afterAll(() => t.close());

  const get = async (query: string) => {
    const res = await lead({ method: 'GET', url: `/api/dashboard?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('counts issues raised in the period by status and kind', async () => {
    const d = await get(RANGE());
    expect(d.issuesByStatus).toEqual({ open: 0, claimed: 0, in_progress: 1, resolved: 1, wont_fix: 0 });
    expect(d.issuesByKind).toEqual({ 'cx-fix': 0, problem: 1, improvement: 1, innovation: 0 });
  });

  it('medians and p90 of time to claim and to resolve, in hours', async () => {
    const d = await get(RANGE());
    // Claims in the period: I1 after 24 h, I2 after 12 h → median 18, p90 = 12 + 0.9 × 12 = 22.8.
    expect(d.timeToClaim).toEqual({ count: 2, medianHours: 18, p90Hours: 22.8 });
    // Resolved in the period: I1 after 72 h.
    expect(d.timeToResolve).toEqual({ count: 1, medianHours: 72, p90Hours: 72 });
    expect(d.resolveTrend).toEqual([{ week: mondayOf(at(16)), resolved: 1, medianHours: 72 }]);
  });

  it('open issues by age against each team’s target', async () => {
    const d = await get('period=30d');
    const bucket = (name: string) => d.openByAge.find((b: { bucket: string }) => b.bucket === name);
    // I2 is 8 days old (target 14: within), I3 40 days old (target 10: past).
    expect(bucket('8–14 days')).toEqual({ bucket: '8–14 days', count: 1, pastTarget: 0 });
    expect(bucket('31–60 days')).toEqual({ bucket: '31–60 days', count: 1, pastTarget: 1 });
    const engineering = d.pastTarget.find((p: { team: { slug: string } }) => p.team.slug === 'engineering');
    expect(engineering).toMatchObject({ targetDays: 10, open: 1, pastTarget: 1 });
    const support = d.pastTarget.find((p: { team: { slug: string } }) => p.team.slug === 'support');
    expect(support).toMatchObject({ open: 0, pastTarget: 0 });
  });

  it('top issues by evidence', async () => {
    const d = await get(RANGE());
    expect(d.topIssues.map((i: { title: string; evidence: number }) => [i.title, i.evidence])).toEqual([
      ['I1', 2],
      ['I2', 1],
    ]);
  });

  it('insights by channel, sentiment and week', async () => {
    const d = await get(RANGE());
    expect(d.insightsByChannel).toMatchObject({ call: 2, email: 2, chat: 0 });
    expect(d.insightsBySentiment).toEqual({ negative: 3, neutral: 0, positive: 1 });
    expect(d.insightsByWeek.reduce((n: number, w: { count: number }) => n + w.count, 0)).toBe(4);
  });

  it('silo index: 3 of the 4 threads had two or more teams', async () => {
    const d = await get(RANGE());
    expect(d.silo).toMatchObject({ threads: 4, crossTeam: 3, index: 0.75 });
    expect(d.silo.trend.reduce((n: number, w: { threads: number }) => n + w.threads, 0)).toBe(4);
  });

  it('team interaction matrix: who replied in or was pulled into whose threads', async () => {
    const d = await get(RANGE());
    const edges = Object.fromEntries(d.interactions.map((e: { from: string; to: string; count: number }) => [`${e.from}→${e.to}`, e.count]));
    expect(edges).toEqual({
      'team-engineering→team-support': 2, // replied in A, pulled into B
      'team-operations→team-support': 1,
      'team-support→team-sales': 1,
    });
  });

  it('an empty period has zeros and no ratios', async () => {
    const d = await get('from=2020-01-01&to=2020-01-31');
    expect(d.issuesByStatus).toEqual({ open: 0, claimed: 0, in_progress: 0, resolved: 0, wont_fix: 0 });
    expect(d.timeToClaim).toEqual({ count: 0, medianHours: null, p90Hours: null });
    expect(d.silo).toEqual({ threads: 0, crossTeam: 0, index: null, trend: [] });
    expect(d.interactions).toEqual([]);
  });

  it('per team: a team with no issues shows zeros; a team filter narrows threads', async () => {
    const marketing = await get(`${RANGE()}&teamId=team-marketing`);
    expect(marketing.team).toMatchObject({ slug: 'marketing' });
    expect(Object.values(marketing.issuesByStatus).every((n) => n === 0)).toBe(true);
    expect(marketing.silo.threads).toBe(0);
    const sales = await get(`${RANGE()}&teamId=sales`);
    expect(sales.silo).toMatchObject({ threads: 1, crossTeam: 1 });
  });

  it('exports each table as CSV', async () => {
    const res = await lead({ method: 'GET', url: `/api/dashboard?${RANGE()}&format=csv&table=issuesByStatus` });
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toBe('status,count\r\nopen,0\r\nclaimed,0\r\nin_progress,1\r\nresolved,1\r\nwont_fix,0\r\n');
    expect((await lead({ method: 'GET', url: '/api/dashboard?format=csv&table=nope' })).statusCode).toBe(400);
    expect((await lead({ method: 'GET', url: '/api/dashboard?format=csv' })).statusCode).toBe(400);
  });

  it('answers from a cache that any write invalidates', async () => {
    const before = await get(RANGE());
    expect(await get(RANGE())).toEqual(before);
    const raised = await lead({ method: 'POST', url: '/api/issues', payload: { title: 'Fresh', kind: 'innovation', teamId: 'team-sales' } });
    expect(raised.statusCode).toBe(201);
    const after = await get(RANGE());
    expect(after.issuesByStatus.open).toBe(before.issuesByStatus.open + 1);
    expect(after.issuesByKind.innovation).toBe(before.issuesByKind.innovation + 1);
  });

  it('leads and admins only; bad periods are 400', async () => {
    expect((await (await loginAs(t.app, 'member'))({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(403);
    expect((await (await loginAs(t.app, 'admin'))({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401);
    for (const q of ['period=1y', 'period=30d&from=2026-01-01&to=2026-01-02', 'from=2026-01-01', 'from=2026-02-01&to=2026-01-01', 'from=yesterday&to=today', 'from=2026-02-30&to=2026-03-01', 'from=2020-01-01&to=2026-01-01', 'teamId=nope']) {
      const res = await lead({ method: 'GET', url: `/api/dashboard?${q}` });
      expect(res.statusCode, q).toBe(400);
    }
  });
});
