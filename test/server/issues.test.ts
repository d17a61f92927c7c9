import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISSUE_STATUSES, TRANSITIONS, type IssueStatus } from '../../shared/issues.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../helpers/app.js';
import { createCustomer, postInsight } from '../helpers/factories.js';

describe('issues', () => {
  let t: TestApp;
  let agent: Client;
  let product: Client;
  let lead: Client;
  let engineer: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    [agent, product, lead, engineer] = await Promise.all([
      loginAs(t.app, 'member'),
      loginAs(t.app, { email: 'product@example.com', password: 'frontline-demo' }),
      loginAs(t.app, 'lead'),
      loginAs(t.app, { email: 'engineer@example.com', password: 'frontline-demo' }),
    ]);
  });
  afterAll(() => t.close());

  const raise = async (client: Client, body: Record<string, unknown> = {}) => {
    const res = await client({ method: 'POST', url: '/api/issues', payload: { title: 'Export cuts off', kind: 'problem', teamId: 'team-engineering', ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const move = (client: Client, id: string, to: IssueStatus, version: number, note?: string) =>
    client({ method: 'POST', url: `/api/issues/${id}/transitions`, payload: { to, version, ...(note ? { note } : {}) } });

  /** Walks a fresh issue to `status` along the usual path. */
  async function issueIn(status: IssueStatus) {
    let issue = await raise(product);
    const path: Record<IssueStatus, IssueStatus[]> = { open: [], claimed: ['claimed'], in_progress: ['claimed', 'in_progress'], resolved: ['claimed', 'resolved'], wont_fix: ['wont_fix'] };
    for (const to of path[status]) {
      const res = await move(product, issue.id, to, issue.version, 'done');
      expect(res.statusCode, res.body).toBe(200);
      issue = res.json();
    }
    return issue;
  }

  it('raises an issue from several insights in one transaction, in the wire shape', async () => {
    const a = await postInsight(agent);
    const b = await postInsight(agent);
    const issue = await raise(product, { description: 'Rows > 10k are lost', insightIds: [a.id, b.id] });
    expect(issue).toMatchObject({
      title: 'Export cuts off',
      description: 'Rows > 10k are lost',
      kind: 'problem',
      status: 'open',
      team: { id: 'team-engineering', slug: 'engineering' },
      assignee: null,
      version: 1,
      priority: { override: null },
    });
    expect(issue.evidence.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(issue.history).toEqual([expect.objectContaining({ from: null, to: 'open', actor: expect.objectContaining({ id: 'user-omar' }) })]);
    const thread = (await agent({ method: 'GET', url: `/api/insights/${a.id}` })).json();
    expect(thread.issues).toEqual([{ id: issue.id, title: 'Export cuts off', status: 'open', kind: 'problem' }]);
    const before = t.app.database.sqlite.prepare('select count(*) as n from issues').get() as { n: number };
    const bad = await product({ method: 'POST', url: '/api/issues', payload: { title: 'X', kind: 'problem', teamId: 'team-engineering', insightIds: [a.id, 'missing'] } });
    expect(bad.statusCode).toBe(400);
    expect((t.app.database.sqlite.prepare('select count(*) as n from issues').get() as { n: number }).n).toBe(before.n);
    expect((await product({ method: 'POST', url: '/api/issues', payload: { title: 'X', kind: 'bug', teamId: 'team-engineering' } })).statusCode).toBe(400);
    expect((await product({ method: 'POST', url: '/api/issues', payload: { title: 'X', kind: 'problem', teamId: 'nope' } })).statusCode).toBe(400);
  });

  it('follows the state machine exactly: every allowed move works, every other is 422 with the allowed targets', async () => {
    for (const from of ISSUE_STATUSES) {
      for (const to of ISSUE_STATUSES) {
        const issue = await issueIn(from);
        expect(issue.status).toBe(from);
        const res = await move(engineer, issue.id, to, issue.version, 'a note');
        if (TRANSITIONS[from].includes(to)) {
          expect(res.statusCode, `${from} → ${to}: ${res.body}`).toBe(200);
          expect(res.json().status).toBe(to);
          expect(res.json().version).toBe(issue.version + 1);
          expect(res.json().history.at(-1)).toMatchObject({ from, to, note: 'a note', actor: { id: 'user-kai' } });
        } else {
          expect(res.statusCode, `${from} → ${to}`).toBe(422);
          expect(res.json().error).toMatchObject({ code: 'illegal_transition', details: { from, to, allowed: [...TRANSITIONS[from]] } });
        }
      }
    }
  });

  it('claiming sets the claimer as assignee and their team; unclaim clears it', async () => {
    const issue = await raise(product, { teamId: 'team-support' });
    const claimed = (await move(engineer, issue.id, 'claimed', 1)).json();
    expect(claimed).toMatchObject({ status: 'claimed', assignee: { id: 'user-kai' }, team: { slug: 'engineering' } });
    expect(claimed.claimedAt).not.toBeNull();
    const unclaimed = (await move(engineer, issue.id, 'open', 2)).json();
    expect(unclaimed).toMatchObject({ status: 'open', assignee: null });
  });

  it('resolved and wont_fix need a note (400); a stale version is 409 with the current issue', async () => {
    const issue = await issueIn('claimed');
    const noNote = await move(product, issue.id, 'resolved', issue.version);
    expect(noNote.statusCode).toBe(400);
    expect((await move(product, issue.id, 'wont_fix', issue.version, '   ')).statusCode).toBe(400);
    const stale = await move(product, issue.id, 'in_progress', issue.version - 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'stale_version', details: { current: { id: issue.id, status: 'claimed', version: issue.version } } });
    expect((await product({ method: 'POST', url: `/api/issues/${issue.id}/transitions`, payload: { to: 'in_progress' } })).statusCode).toBe(400);
    expect((await product({ method: 'PATCH', url: `/api/issues/${issue.id}`, payload: { title: 'No version' } })).statusCode).toBe(400);
    expect((await product({ method: 'PATCH', url: `/api/issues/${issue.id}`, payload: { title: 'Old', version: 1 } })).statusCode).toBe(409);
    const edited = await product({ method: 'PATCH', url: `/api/issues/${issue.id}`, payload: { title: 'Renamed', kind: 'cx-fix', version: issue.version } });
    expect(edited.json()).toMatchObject({ title: 'Renamed', kind: 'cx-fix', version: issue.version + 1 });
    const resolved = await move(product, issue.id, 'resolved', issue.version + 1, 'Raised the limit to 1M rows');
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolutionNote: 'Raised the limit to 1M rows' });
    expect(resolved.json().closedAt).not.toBeNull();
    expect((await move(product, 'nope', 'claimed', 1)).statusCode).toBe(404);
    expect((await move(product, issue.id, 'done' as IssueStatus, 1)).statusCode).toBe(400);
  });

  it('evidence links and unlinks idempotently; a deleted insight stays listed as deleted evidence', async () => {
    const issue = await raise(product);
    const insight = await postInsight(agent);
    const url = `/api/issues/${issue.id}/evidence/${insight.id}`;
    expect((await product({ method: 'PUT', url })).json().evidence).toHaveLength(1);
    expect((await product({ method: 'PUT', url })).json().evidence).toHaveLength(1);
    await agent({ method: 'DELETE', url: `/api/insights/${insight.id}` });
    const withDeleted = (await product({ method: 'GET', url: `/api/issues/${issue.id}` })).json();
    expect(withDeleted.evidence[0].id).toBe(insight.id);
    expect(withDeleted.evidence[0].deletedAt).not.toBeNull();
    expect((await product({ method: 'DELETE', url })).json().evidence).toEqual([]);
    expect((await product({ method: 'DELETE', url })).statusCode).toBe(200);
    expect((await product({ method: 'PUT', url: `/api/issues/${issue.id}/evidence/nope` })).statusCode).toBe(404);
    const changes = t.app.database.sqlite.prepare("select count(*) as n from events where type = 'evidence.changed' and subject_id = ?").get(issue.id) as { n: number };
    expect(changes.n).toBe(2);
  });

  it('derives priority with its reasons from a hand-computed example, recomputes on me-too, and lets a lead override it', async () => {
    const enterprise = await createCustomer(agent, { tier: 'enterprise' });
    const key = await createCustomer(agent, { tier: 'key' });
    const plain = await createCustomer(agent);
    const insights = [
      await postInsight(agent, { customerId: enterprise.id, sentiment: 'negative' }),
      await postInsight(agent, { customerId: key.id, sentiment: 'negative' }),
      await postInsight(agent, { customerId: plain.id, sentiment: 'positive' }),
      await postInsight(agent, { customerId: plain.id, sentiment: 'negative' }),
    ];
    for (const client of [product, engineer]) await client({ method: 'PUT', url: `/api/insights/${insights[0]?.id}/reactions/me_too` });
    const issue = await raise(product, { insightIds: insights.map((i) => i.id) });
    // 4 insights × 4 + 3 customers × 8 + 1 enterprise × 12 + 1 key × 6 + 2 me-too × 3 + 75% negative × 20 + 0 days = 16+24+12+6+6+15 = 79
    expect(issue.priority.score).toBe(79);
    expect(issue.priority.reasons).toEqual(['3 customers, 1 enterprise, 1 key', '4 linked insights', '2 me-too', '75% negative', '0 days open']);
    await agent({ method: 'PUT', url: `/api/insights/${insights[1]?.id}/reactions/me_too` });
    const bumped = (await product({ method: 'GET', url: `/api/issues/${issue.id}` })).json();
    expect(bumped.priority.score).toBe(82);
    expect((await product({ method: 'PATCH', url: `/api/issues/${issue.id}`, payload: { version: bumped.version, priorityOverride: { score: 500, reason: 'Board escalation' } } })).statusCode).toBe(403);
    const overridden = (await lead({ method: 'PATCH', url: `/api/issues/${issue.id}`, payload: { version: bumped.version, priorityOverride: { score: 500, reason: 'Board escalation' } } })).json();
    expect(overridden.priority).toMatchObject({ score: 500, override: { score: 500, reason: 'Board escalation', by: { id: 'user-lead' } } });
    expect(overridden.priority.reasons).toContain('3 customers, 1 enterprise, 1 key');
    const top = (await agent({ method: 'GET', url: '/api/issues?sort=priority&limit=1' })).json();
    expect(top.items[0].id).toBe(issue.id);
    const cleared = (await lead({ method: 'PATCH', url: `/api/issues/${issue.id}`, payload: { version: overridden.version, priorityOverride: null } })).json();
    expect(cleared.priority).toMatchObject({ score: 82, override: null });
  });

  it('lists with filters and sorts, paging without repeats', async () => {
    const customer = await createCustomer(agent);
    const insight = await postInsight(agent, { customerId: customer.id });
    const mine = await raise(product, { kind: 'innovation', teamId: 'team-marketing', insightIds: [insight.id] });
    const ids = async (q: string) => (await agent({ method: 'GET', url: `/api/issues?${q}` })).json().items.map((i: { id: string }) => i.id);
    expect(await ids(`customerId=${customer.id}`)).toEqual([mine.id]);
    expect(await ids('kind=innovation&teamId=team-marketing&status=open')).toEqual([mine.id]);
    expect(await ids('status=resolved,wont_fix&kind=innovation')).toEqual([]);
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
    expect(await ids(`raisedFrom=${hourAgo}&raisedTo=${new Date(now.getTime() + 60_000).toISOString()}&kind=innovation`)).toEqual([mine.id]);
    expect(await ids(`raisedTo=${hourAgo}&kind=innovation`)).toEqual([]);
    expect((await agent({ method: 'GET', url: '/api/issues?raisedFrom=yesterday' })).statusCode).toBe(400);
    expect((await agent({ method: 'GET', url: '/api/issues?status=done' })).statusCode).toBe(400);
    expect((await agent({ method: 'GET', url: '/api/issues?sort=random' })).statusCode).toBe(400);
    for (const sort of ['priority', 'age', 'updated']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (await agent({ method: 'GET', url: `/api/issues?sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}` })).json();
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      const total = (t.app.database.sqlite.prepare('select count(*) as n from issues').get() as { n: number }).n;
      expect(new Set(seen).size, sort).toBe(total);
      expect(seen).toHaveLength(total);
    }
  });
});
