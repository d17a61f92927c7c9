import { ensureIssuesSchema } from '../baseline/issues.js';
import { fixtureOf, type Scenario } from '../scenario.js';

const NAME = 'GET /api/issues?sort=priority';
const PAGE = 50;

interface IssueRow {
  id: string;
  title: string;
  description: string;
  kind: string;
  status: string;
  teamId: string | null;
  teamSlug: string | null;
  teamName: string | null;
  assigneeId: string | null;
  priorityScore: number;
  priorityInputs: string;
  version: number;
  resolutionNote: string | null;
  createdAt: string;
  updatedAt: string;
  claimedAt: string | null;
  closedAt: string | null;
}

/** The issue list a lead opens first: the 50 highest-priority issues of BENCH_ISSUES. */
export const issuesList: Scenario = {
  name: NAME,
  measures: `GET /api/issues?sort=priority&limit=${PAGE} as the demo lead over the issues dataset: the ${PAGE} issues of highest priority with team, assignee, evidence count and priority reasons. Baseline: ${PAGE} issues by the stored score (its index) joined to their team, JSON`,
  group: 'issues',
  dataset: 'issues',
  connections: [10],

  baseline(app, ctx) {
    ensureIssuesSchema(ctx);
    const page = ctx.db.prepare<[number], IssueRow>(
      `SELECT i.id, i.title, i.description, i.kind, i.status, i.team_id AS teamId, t.slug AS teamSlug, t.name AS teamName, i.assignee_id AS assigneeId,
              i.priority_score AS priorityScore, i.priority_inputs AS priorityInputs, i.version, i.resolution_note AS resolutionNote,
              i.created_at AS createdAt, i.updated_at AS updatedAt, i.claimed_at AS claimedAt, i.closed_at AS closedAt
         FROM issues i LEFT JOIN teams t ON t.id = i.team_id
        ORDER BY i.priority_score DESC, i.id DESC LIMIT ?`,
    );
    app.get('/api/issues', async (request, reply) => {
      if (!ctx.userOf(request)) return reply.code(401).send({ error: 'unauthenticated' });
      const query = request.query as { limit?: string; sort?: string };
      const limit = query.limit === undefined ? PAGE : Number(query.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100 || (query.sort ?? 'priority') !== 'priority') return reply.code(400).send({ error: 'invalid_input' });
      const rows = page.all(limit + 1);
      return {
        items: rows.slice(0, limit).map(({ teamId, teamSlug, teamName, priorityScore, priorityInputs, ...r }) => ({
          ...r,
          team: teamId ? { id: teamId, slug: teamSlug, name: teamName } : null,
          priority: { score: priorityScore, inputs: JSON.parse(priorityInputs) as unknown },
        })),
        nextCursor: rows.length > limit ? Buffer.from(JSON.stringify([limit])).toString('base64url') : null,
      };
    });
  },

  async plan(target) {
    fixtureOf(target, 'issues', NAME);
    const cookie = await target.signIn(target.lead);
    return {
      request: { method: 'GET', path: `/api/issues?sort=priority&limit=${PAGE}`, headers: { cookie } },
      check(body) {
        const items = (JSON.parse(body) as { items?: unknown[] }).items;
        return items?.length === PAGE ? null : `expected a page of ${PAGE} issues, got ${items?.length ?? 'no items'}`;
      },
    };
  },
};
