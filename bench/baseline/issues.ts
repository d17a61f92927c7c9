/**
 * The baseline's side of the issue scenarios: the teams and issues tables
 * (the product's columns and indexes for what the bare routes touch), the six
 * teams of the demo workspace, and the generated issues (same seed as the
 * product's, so the same ids, statuses, times and scores).
 */
import { bulkLoad } from '../dataset/generate.js';
import type { ClaimsFixtures, IssuesFixtures } from '../dataset/fixtures.js';
import { CLAIMS_SEED, generateIssues, type GeneratedIssue, type IssuePerson } from '../dataset/issues.js';
import type { BaselineContext } from './context.js';

/** The teams table of create-team's baseline too (CREATE … IF NOT EXISTS: whichever runs first creates it). */
export const TEAMS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS teams (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    target_days INTEGER NOT NULL DEFAULT 14,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX IF NOT EXISTS teams_slug_unique ON teams (slug);
`;

const ISSUES_SCHEMA = `
  CREATE TABLE IF NOT EXISTS issues (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    team_id TEXT REFERENCES teams(id),
    assignee_id TEXT REFERENCES users(id),
    created_by_id TEXT NOT NULL REFERENCES users(id),
    priority_score INTEGER NOT NULL DEFAULT 0,
    priority_inputs TEXT NOT NULL DEFAULT '{}',
    priority_override_score INTEGER,
    resolution_note TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    claimed_at TEXT,
    closed_at TEXT
  );
  CREATE INDEX IF NOT EXISTS issues_status ON issues (status, updated_at);
  CREATE INDEX IF NOT EXISTS issues_team ON issues (team_id, status);
  CREATE INDEX IF NOT EXISTS issues_priority ON issues (priority_score, id);
`;

/** The demo workspace's teams (db/seed/demo.ts), same ids and slugs. */
const TEAMS = [
  ['support', 'Support', 7],
  ['sales', 'Sales', 14],
  ['marketing', 'Marketing', 21],
  ['product', 'Product', 14],
  ['engineering', 'Engineering', 10],
  ['operations', 'Operations', 14],
] as const;

/** Creates the teams and issues tables if missing; every issue scenario calls it from `baseline()`. */
export function ensureIssuesSchema(ctx: BaselineContext): void {
  ctx.db.exec(TEAMS_SCHEMA + ISSUES_SCHEMA);
}

/** The six teams, and the accounts spread over them (admin: operations, lead: product, others: support). */
function workspace(ctx: BaselineContext): { teamIds: string[]; people: IssuePerson[] } {
  ensureIssuesSchema(ctx);
  const at = new Date().toISOString();
  const insert = ctx.db.prepare('INSERT OR IGNORE INTO teams (id, slug, name, description, target_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const [slug, name, days] of TEAMS) insert.run(`team-${slug}`, slug, name, '', days, at, at);
  const teamOf = (id: string) => (id === 'user-admin' ? 'team-operations' : id === 'user-lead' ? 'team-product' : 'team-support');
  const people = ctx.db
    .prepare<[], { id: string }>('SELECT id FROM users WHERE active = 1 ORDER BY id')
    .all()
    .map((u) => ({ id: u.id, teamIds: [teamOf(u.id)] }));
  return { teamIds: TEAMS.map(([slug]) => `team-${slug}`), people };
}

function issueWriter(ctx: BaselineContext) {
  const insert = ctx.db.prepare(
    `INSERT INTO issues (id, title, description, kind, status, team_id, assignee_id, created_by_id, priority_score, priority_inputs,
       priority_override_score, resolution_note, version, created_at, updated_at, claimed_at, closed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (i: GeneratedIssue) =>
    insert.run(
      i.id, i.title, i.description, i.kind, i.status, i.teamId, i.assigneeId, i.createdById, i.priorityScore, JSON.stringify(i.priorityInputs),
      i.override?.score ?? null, i.resolutionNote, i.version, i.createdAt, i.updatedAt, i.claimedAt, i.closedAt,
    );
}

/** BENCH_ISSUES issues of every status over the last year (no evidence: the bare list does not count it). */
export function seedBaselineIssues(ctx: BaselineContext, count: number, log: (line: string) => void): IssuesFixtures {
  const started = performance.now();
  const { teamIds, people } = workspace(ctx);
  const write = issueWriter(ctx);
  bulkLoad(ctx.db, ['issues'], () => generateIssues({ count, teamIds, people, spanDays: 365, statuses: 'mixed', write }));
  const seconds = (performance.now() - started) / 1000;
  log(`${count.toLocaleString('en')} issues in ${seconds.toFixed(1)} s`);
  return { count, evidence: 0, seconds };
}

/** The claim race's open issues, same ids as the product's. */
export function seedBaselineClaims(ctx: BaselineContext, count: number, log: (line: string) => void): ClaimsFixtures {
  const started = performance.now();
  const { teamIds, people } = workspace(ctx);
  const write = issueWriter(ctx);
  const ids = bulkLoad(ctx.db, ['issues'], () => generateIssues({ count, teamIds, people, spanDays: 14, statuses: 'open', seed: CLAIMS_SEED, write }));
  const seconds = (performance.now() - started) / 1000;
  log(`${count.toLocaleString('en')} open issues for the claim race in ${seconds.toFixed(1)} s`);
  return { ids, seconds };
}
