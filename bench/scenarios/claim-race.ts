import { ensureIssuesSchema } from '../baseline/issues.js';
import { metric, type MetricResult } from '../report.js';
import { fixtureOf, jsonHeaders, type Scenario } from '../scenario.js';

const NAME = 'POST /api/issues/:id/transitions (claim race)';
/** Issues claimed in each warm-up. */
const WARMUP_ISSUES = 100;
/** Every RACE_EVERY-th issue gets RACERS simultaneous claims (adjacent requests go out on different connections at once); the others one. */
const RACE_EVERY = 5;
const RACERS = 4;
const CONNECTIONS = [50] as const;

/** Requests that claim `issues` issues: one each, RACERS for every RACE_EVERY-th. */
const requestsFor = (issues: number) => issues + Math.floor(issues / RACE_EVERY) * (RACERS - 1);

/** Open issues both servers need for `rows` measured rows of `issues` issues each (a probe, a warm-up and the run per row). */
export const claimPoolSize = (issues: number, rows: number): number => Math.max(1, rows) * (1 + WARMUP_ISSUES + issues);

/**
 * Many claims at once, as when a team triages together: each request claims
 * a fresh open issue with the version it saw (1), and every fifth issue is
 * claimed by four requests at the same moment. Exactly one claim per issue
 * may win (200); the others must get 409.
 */
export const claimRace: Scenario = {
  name: NAME,
  measures: `POST /api/issues/:id/transitions {to: 'claimed', version: 1} as the demo agent at ${CONNECTIONS.join(', ')} connections, BENCH_CLAIM_ISSUES fresh open issues per run, every ${RACE_EVERY}th claimed by ${RACERS} requests at once: exactly one 200 per issue, 409 for the rest. Baseline: UPDATE … WHERE id = ? AND version = ? plus an event row in one transaction`,
  group: 'issues',
  dataset: 'claims',
  connections: CONNECTIONS,

  baseline(app, ctx) {
    ensureIssuesSchema(ctx);
    const claim = ctx.db.prepare(
      "UPDATE issues SET status = 'claimed', version = version + 1, assignee_id = ?, claimed_at = ?, updated_at = ? WHERE id = ? AND version = ? AND status = 'open'",
    );
    const insertEvent = ctx.db.prepare(
      "INSERT INTO events (type, actor_id, subject_type, subject_id, payload, at) VALUES ('issue.transitioned', ?, 'issue', ?, ?, ?)",
    );
    const transition = ctx.db.transaction((id: string, version: number, userId: string, at: string) => {
      if (claim.run(userId, at, at, id, version).changes !== 1) return false;
      insertEvent.run(userId, id, JSON.stringify({ issueId: id, version: version + 1, from: 'open', to: 'claimed', note: null, assigneeId: userId }), at);
      return true;
    });
    app.post('/api/issues/:id/transitions', async (request, reply) => {
      const user = ctx.userOf(request);
      if (!user) return reply.code(401).send({ error: 'unauthenticated' });
      const { id } = request.params as { id: string };
      const body = request.body as { to?: unknown; version?: unknown } | null;
      if (body?.to !== 'claimed' || typeof body.version !== 'number' || !Number.isInteger(body.version)) return reply.code(400).send({ error: 'invalid_input' });
      const at = new Date().toISOString();
      if (!transition.immediate(id, body.version, user.id, at)) return reply.code(409).send({ error: 'stale_version' });
      return { id, status: 'claimed', version: body.version + 1, assigneeId: user.id, claimedAt: at };
    });
  },

  async plan(target) {
    const { ids } = fixtureOf(target, 'claims', NAME);
    const cookie = await target.signIn(target.agent);
    // The pool holds a probe, a warm-up and a run of BENCH_CLAIM_ISSUES issues per row (claimPoolSize).
    const measuredIssues = Math.floor(ids.length / CONNECTIONS.length) - 1 - WARMUP_ISSUES;
    if (measuredIssues < 1) throw new Error(`${NAME}: ${ids.length} open issues are too few`);
    // Issue indexes in the order the requests go out, row after row: probe, warm-up, measured run.
    const sequence: number[] = [];
    let issue = 0;
    const claimIssues = (count: number) => {
      for (let k = 0; k < count && issue < ids.length; k++, issue++) for (let r = k % RACE_EVERY === RACE_EVERY - 1 ? RACERS : 1; r > 0; r--) sequence.push(issue);
    };
    for (let row = 0; row < CONNECTIONS.length; row++) {
      claimIssues(1);
      claimIssues(WARMUP_ISSUES);
      claimIssues(measuredIssues);
    }
    let cursor = 0;
    /** Answers per issue index: 200s, 409s, anything else. */
    const answers = new Map<number, { won: number; lost: number; other: number[] }>();
    let checkedFrom = 0;
    const body = JSON.stringify({ to: 'claimed', version: 1 });
    return {
      request: { method: 'POST', path: `/api/issues/${ids[0]}/transitions`, headers: jsonHeaders({ cookie }), body },
      amount: { warmup: requestsFor(WARMUP_ISSUES), measured: requestsFor(measuredIssues) },
      expected: [409],
      next(context) {
        const index = sequence[cursor++];
        if (index === undefined) throw new Error(`${NAME}: ran out of open issues (${ids.length})`);
        context.issue = index;
        return { path: `/api/issues/${encodeURIComponent(ids[index] as string)}/transitions` };
      },
      onResponse(status, _body, context) {
        const index = context.issue as number;
        const a = answers.get(index) ?? { won: 0, lost: 0, other: [] };
        if (status === 200) a.won++;
        else if (status === 409) a.lost++;
        else a.other.push(status);
        answers.set(index, a);
      },
      settle(measured) {
        // Every issue answered so far: exactly one 200, the rest 409.
        const wrong: string[] = [];
        let issues = 0;
        let requests = 0;
        for (const [index, a] of answers) {
          if (index < checkedFrom) continue;
          issues++;
          requests += a.won + a.lost + a.other.length;
          if (a.won !== 1 || a.other.length > 0) wrong.push(`${ids[index]}: ${a.won}×200, ${a.lost}×409${a.other.length > 0 ? `, ${a.other.join('/')}` : ''}`);
        }
        checkedFrom = cursor === 0 ? 0 : (sequence[cursor - 1] as number) + 1;
        const won = measured.statusCodes['200'] ?? 0;
        const lost = measured.statusCodes['409'] ?? 0;
        const mine = (n: number) => ({ baseline: target.kind === 'baseline' ? n : null, product: target.kind === 'product' ? n : null });
        const lines: MetricResult[] = [
          metric({
            scenario: NAME,
            metric: `answers of the measured run, 200 / 409 (${measuredIssues.toLocaleString('en')} issues)`,
            unit: '',
            ...mine(won),
            shown: { [target.kind]: `${won.toLocaleString('en')} / ${lost.toLocaleString('en')}` },
          }),
          metric({
            scenario: NAME,
            metric: 'issues without exactly one 200 (probe, warm-up and run)',
            unit: '',
            ...mine(wrong.length),
            goal: { max: 0, text: 'none' },
            note: `${target.kind}: ${issues.toLocaleString('en')} issues claimed by ${requests.toLocaleString('en')} requests`,
          }),
        ];
        const problems = wrong.length > 0 ? [`${wrong.length} issues did not get exactly one 200: ${wrong.slice(0, 5).join('; ')}${wrong.length > 5 ? ' …' : ''}`] : [];
        return { problems, metrics: lines };
      },
    };
  },
};
