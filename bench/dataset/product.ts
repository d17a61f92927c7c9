/**
 * The datasets in the product's own tables (runs in the product child, after
 * bootstrap() migrated the schema and seeded the demo workspace, before it
 * listens), with plain SQL on the app's better-sqlite3 handle:
 * - insights: the rows the services would have written for posts without
 *   @mentions — the insight, one insight_tags row per tag, a thread_teams row
 *   per team of the author (via 'author') — and a thread whose replies bring
 *   in their authors' teams (via 'reply') and set reply_count;
 * - the full-text index, built the product's way (searchIndexer.rebuild());
 * - issues with evidence, the claim race's open issues, and the dashboard's
 *   workspace (below).
 */
import type Database from 'better-sqlite3';
import type { SearchIndexer } from '../../server/features/search/indexer.js';
import { bodyOf, idOf, SEARCH_WORDS, seededRandom } from './content.js';
import type { ClaimsFixtures, DashboardFixtures, IssuesFixtures, SearchFixtures } from './fixtures.js';
import { bulkLoad, generateInsights, type Author, type DatasetWriter, type GeneratedInsight, type InsightsFixtures } from './generate.js';
import { CLAIMS_SEED, DASHBOARD_SEED, generateIssues, ISSUES_SEED, type GeneratedIssue, type IssuePerson } from './issues.js';

export function seedProductInsights(db: Database.Database, count: number, log: (line: string) => void): InsightsFixtures {
  const users = db.prepare<[], { id: string }>('SELECT id FROM users WHERE active = 1 ORDER BY id').all();
  const memberships = db.prepare<[], { userId: string; teamId: string }>('SELECT user_id AS userId, team_id AS teamId FROM team_members ORDER BY team_id').all();
  const authors: Author[] = users.map((u) => ({ id: u.id, teamIds: memberships.filter((m) => m.userId === u.id).map((m) => m.teamId) }));
  const customerIds = db
    .prepare<[], { id: string }>('SELECT id FROM customers WHERE merged_into IS NULL ORDER BY created_at, id')
    .all()
    .map((c) => c.id);
  if (customerIds.length === 0) throw new Error('The product has no customers: was the demo workspace seeded?');

  const insertInsight = insightInserter(db);
  const insertTag = db.prepare('INSERT INTO insight_tags (insight_id, tag, created_at) VALUES (?, ?, ?)');
  const addTeam = threadTeamAdder(db);
  const insertReply = db.prepare(
    'INSERT INTO replies (id, insight_id, author_id, body, created_at, edited_at, deleted_at) VALUES (?, ?, ?, ?, ?, NULL, NULL)',
  );

  const writer: DatasetWriter = {
    insight(row, author) {
      insertInsight(row, row.replyCount, author);
      for (const tag of row.tags) insertTag.run(row.id, tag, row.createdAt);
      for (const teamId of author.teamIds) addTeam(row.id, teamId, 'author', row.createdAt, false);
    },
    reply(row, author) {
      insertReply.run(row.id, row.insightId, row.authorId, row.body, row.createdAt);
      for (const teamId of author.teamIds) addTeam(row.insightId, teamId, 'reply', row.createdAt);
    },
  };
  return generateInsights(db, { count, authors, customerIds, writer, tables: ['insights', 'insight_tags', 'thread_teams', 'replies'], log });
}

/**
 * The insight row as the services write it: with the teams taking part
 * (insights.team_ids, which mirrors thread_teams: the author's first, then
 * the one joining), how many of them are the author's and how many mentions
 * the body has, known at insert time.
 */
function insightInserter(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO insights (id, author_id, body, channel, sentiment, tags, source_url, customer_id, reply_count, team_ids, author_team_count, mention_count, created_at, edited_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
  );
  return (row: GeneratedInsight, replyCount: number, author: Author, joining: { teamId: string; mentioned: boolean } | null = null) => {
    const teamIds = [...new Set([...author.teamIds, ...(joining ? [joining.teamId] : [])])];
    const mentions = joining?.mentioned ? 1 : 0;
    insert.run(row.id, row.authorId, row.body, row.channel, row.sentiment, JSON.stringify(row.tags), row.customerId, replyCount, JSON.stringify(teamIds), new Set(author.teamIds).size, mentions, row.createdAt);
  };
}

/**
 * A thread_teams row; one that is new to the thread also goes onto the
 * insight's team_ids, as addThreadTeams does (`mirror: false` when the insert
 * already wrote the list). Returns whether the row is new.
 */
function threadTeamAdder(db: Database.Database) {
  const insert = db.prepare('INSERT OR IGNORE INTO thread_teams (insight_id, team_id, via, created_at) VALUES (?, ?, ?, ?)');
  const mirror = db.prepare("UPDATE insights SET team_ids = json_insert(team_ids, '$[#]', ?) WHERE id = ?");
  return (insightId: string, teamId: string, via: 'author' | 'reply' | 'mention', at: string, mirrorIt = true): boolean => {
    const added = insert.run(insightId, teamId, via, at).changes === 1;
    if (added && mirrorIt) mirror.run(teamId, insightId);
    return added;
  };
}

/* ---- issues, the claim pool, the dashboard's workspace and the search index ---- */

interface Workspace {
  people: IssuePerson[];
  teamIds: string[];
}

function workspaceOf(db: Database.Database): Workspace {
  const users = db.prepare<[], { id: string }>('SELECT id FROM users WHERE active = 1 ORDER BY id').all();
  const memberships = db.prepare<[], { userId: string; teamId: string }>('SELECT user_id AS userId, team_id AS teamId FROM team_members ORDER BY team_id, user_id').all();
  const teamIds = db.prepare<[], { id: string }>('SELECT id FROM teams ORDER BY id').all().map((t) => t.id);
  return { people: users.map((u) => ({ id: u.id, teamIds: memberships.filter((m) => m.userId === u.id).map((m) => m.teamId) })), teamIds };
}

/**
 * Writes generated issues and their evidence (distinct insights drawn from
 * `insightIds`, as many as the issue's stored `insights` input, at most
 * `maxEvidence`), inside the caller's transaction.
 */
function issueWriter(db: Database.Database, insightIds: readonly string[], maxEvidence: number, seed: number) {
  const insertIssue = db.prepare(
    `INSERT INTO issues (id, title, description, kind, status, team_id, assignee_id, created_by_id, priority_score, priority_inputs,
       priority_override_score, priority_override_reason, priority_override_by_id, resolution_note, version, created_at, updated_at, claimed_at, closed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvidence = db.prepare('INSERT OR IGNORE INTO issue_evidence (issue_id, insight_id, added_by_id, created_at) VALUES (?, ?, ?, ?)');
  // As the services keep it: how many issues each insight feeds.
  const countIssue = db.prepare('UPDATE insights SET issue_count = issue_count + 1 WHERE id = ?');
  const link = (issueId: string, insightId: string, byId: string, at: string) => {
    const added = insertEvidence.run(issueId, insightId, byId, at).changes;
    if (added === 1) countIssue.run(insightId);
    return added;
  };
  // The evidence counts an issue keeps in its priority inputs are those of the links written, as the services keep them.
  const syncInputs = db.prepare(
    `UPDATE issues SET priority_inputs = json_set(priority_inputs,
       '$.insights', (SELECT count(*) FROM issue_evidence WHERE issue_id = ?),
       '$.customers', (SELECT count(DISTINCT i.customer_id) FROM issue_evidence e JOIN insights i ON i.id = e.insight_id WHERE e.issue_id = ?))
     WHERE id = ?`,
  );
  const random = seededRandom(seed);
  let evidence = 0;
  return {
    evidence: () => evidence,
    write(i: GeneratedIssue) {
      insertIssue.run(
        i.id, i.title, i.description, i.kind, i.status, i.teamId, i.assigneeId, i.createdById, i.priorityScore, JSON.stringify(i.priorityInputs),
        i.override?.score ?? null, i.override?.reason ?? null, i.override?.byId ?? null, i.resolutionNote, i.version, i.createdAt, i.updatedAt, i.claimedAt, i.closedAt,
      );
      const wanted = Math.min(maxEvidence, i.priorityInputs.insights, insightIds.length);
      for (let n = 0; n < wanted; n++) evidence += link(i.id, random.pick(insightIds), i.createdById, i.createdAt);
      syncInputs.run(i.id, i.id, i.id);
    },
  };
}

const liveInsightIds = (db: Database.Database) => db.prepare<[], { id: string }>('SELECT id FROM insights WHERE deleted_at IS NULL ORDER BY id').all().map((r) => r.id);

/** BENCH_ISSUES issues of every status over the last year, with evidence from the insights there are (the demo's). */
export function seedProductIssues(db: Database.Database, count: number, log: (line: string) => void): IssuesFixtures {
  const started = performance.now();
  const { people, teamIds } = workspaceOf(db);
  const writer = issueWriter(db, liveInsightIds(db), 12, ISSUES_SEED + 1);
  bulkLoad(db, ['issues', 'issue_evidence'], () => generateIssues({ count, teamIds, people, spanDays: 365, statuses: 'mixed', write: writer.write }));
  const seconds = (performance.now() - started) / 1000;
  log(`${count.toLocaleString('en')} issues with ${writer.evidence().toLocaleString('en')} evidence links in ${seconds.toFixed(1)} s`);
  return { count, evidence: writer.evidence(), seconds };
}

/** Fresh open issues at version 1 for the claim race, each with 0–3 evidence links (so a claim notifies someone). */
export function seedProductClaims(db: Database.Database, count: number, log: (line: string) => void): ClaimsFixtures {
  const started = performance.now();
  const { people, teamIds } = workspaceOf(db);
  const writer = issueWriter(db, liveInsightIds(db), 3, CLAIMS_SEED + 1);
  const ids = bulkLoad(db, ['issues', 'issue_evidence'], () => generateIssues({ count, teamIds, people, spanDays: 14, statuses: 'open', seed: CLAIMS_SEED, write: writer.write }));
  const seconds = (performance.now() - started) / 1000;
  log(`${count.toLocaleString('en')} open issues for the claim race in ${seconds.toFixed(1)} s`);
  return { ids, seconds };
}

/**
 * The dashboard's workspace: insights over the last year (a quarter of them
 * in the last 90 days), a third of the threads joined by a second team
 * (through a reply, or an @mention of the team), then issues raised from
 * them, claimed and closed over the same year.
 */
export function seedProductDashboard(db: Database.Database, sizes: { insights: number; issues: number }, log: (line: string) => void): DashboardFixtures {
  const started = performance.now();
  const { people, teamIds } = workspaceOf(db);
  const authors: Author[] = people;
  const customerIds = db.prepare<[], { id: string }>('SELECT id FROM customers WHERE merged_into IS NULL ORDER BY created_at, id').all().map((c) => c.id);
  const membersOf = new Map(teamIds.map((t) => [t, people.filter((p) => p.teamIds.includes(t))]));
  const insertInsight = insightInserter(db);
  const insertTag = db.prepare('INSERT INTO insight_tags (insight_id, tag, created_at) VALUES (?, ?, ?)');
  const insertThreadTeam = threadTeamAdder(db);
  const insertReply = db.prepare('INSERT INTO replies (id, insight_id, author_id, body, created_at, edited_at, deleted_at) VALUES (?, ?, ?, ?, ?, NULL, NULL)');
  const insertMention = db.prepare('INSERT INTO mentions (id, insight_id, reply_id, user_id, team_id, created_at) VALUES (?, ?, NULL, NULL, ?, ?)');
  const random = seededRandom(DASHBOARD_SEED + 2);
  const now = Date.now();
  const last90 = new Date(now - 90 * 86_400_000).toISOString();
  const threadTeams = { author: 0, reply: 0, mention: 0 };
  let replies = 0;
  let recent = 0;
  const insightIds: string[] = [];

  const addTeam = (insightId: string, teamId: string, via: 'author' | 'reply' | 'mention', at: string, mirror = true) => {
    if (insertThreadTeam(insightId, teamId, via, at, mirror)) threadTeams[via]++;
  };
  const writer: DatasetWriter = {
    insight(row, author) {
      const created = Date.parse(row.createdAt);
      const later = (maxHours: number) => new Date(Math.min(now - 1000, created + random.int(5, maxHours * 60) * 60_000)).toISOString();
      // Another team joins a third of the threads: mostly by replying, sometimes @mentioned into it.
      const others = teamIds.filter((t) => !author.teamIds.includes(t));
      const joining = others.length > 0 && random.chance(0.33) ? random.pick(others) : null;
      const mention = joining !== null && random.chance(0.3);
      const repliers = joining !== null && !mention ? (membersOf.get(joining) ?? []) : [];
      const replyCount = repliers.length > 0 ? random.int(1, 3) : random.chance(0.15) ? 1 : 0;
      const joined = joining !== null && (mention || repliers.length > 0);
      insertInsight(row, row.replyCount + replyCount, author, joined ? { teamId: joining, mentioned: mention } : null);
      for (const tag of row.tags) insertTag.run(row.id, tag, row.createdAt);
      for (const teamId of author.teamIds) addTeam(row.id, teamId, 'author', row.createdAt, false);
      if (joining !== null && mention) {
        const at = row.createdAt;
        insertMention.run(idOf(random), row.id, joining, at);
        addTeam(row.id, joining, 'mention', at, false);
      }
      for (let r = 0; r < replyCount; r++) {
        // Replies from the joining team, or (without one) from a teammate of the author.
        const by = repliers.length > 0 ? random.pick(repliers) : author;
        const at = later(72);
        insertReply.run(idOf(random), row.id, by.id, bodyOf(random), at);
        replies++;
        if (repliers.length > 0) addTeam(row.id, joining as string, 'reply', at, false);
      }
      if (row.createdAt >= last90) recent++;
      insightIds.push(row.id);
    },
    reply(row, author) {
      insertReply.run(row.id, row.insightId, row.authorId, row.body, row.createdAt);
      replies++;
      for (const teamId of author.teamIds) addTeam(row.insightId, teamId, 'reply', row.createdAt);
    },
  };
  generateInsights(db, {
    count: sizes.insights,
    authors,
    customerIds,
    writer,
    tables: ['insights', 'insight_tags', 'thread_teams', 'replies', 'mentions'],
    spanDays: 365,
    seed: DASHBOARD_SEED,
    log,
    now,
  });
  const issueWrites = issueWriter(db, insightIds, 12, DASHBOARD_SEED + 3);
  bulkLoad(db, ['issues', 'issue_evidence'], () =>
    generateIssues({ count: sizes.issues, teamIds, people, spanDays: 365, statuses: 'mixed', seed: DASHBOARD_SEED + 4, now, write: issueWrites.write }),
  );
  const seconds = (performance.now() - started) / 1000;
  log(
    `dashboard: ${sizes.insights.toLocaleString('en')} insights (${recent.toLocaleString('en')} in the last 90 days), ${replies.toLocaleString('en')} replies, ` +
      `thread teams ${JSON.stringify(threadTeams)}, ${sizes.issues.toLocaleString('en')} issues with ${issueWrites.evidence().toLocaleString('en')} evidence links in ${seconds.toFixed(1)} s`,
  );
  return { insights: sizes.insights, last90Days: recent, threadTeams, replies, issues: sizes.issues, seconds };
}

/**
 * Builds the full-text index the product's way (`searchIndexer.rebuild()`, as
 * a first start or `npm run reindex` does) and counts the insights matching
 * each search word.
 */
export function buildProductSearch(db: Database.Database, indexer: SearchIndexer, log: (line: string) => void): SearchFixtures {
  const started = performance.now();
  const docs = indexer.rebuild((step, done) => log(`search: ${step} (${done.toLocaleString('en')} documents, ${((performance.now() - started) / 1000).toFixed(1)} s)`));
  const seconds = (performance.now() - started) / 1000;
  const count = db.prepare<[string], { n: number }>(
    `SELECT count(*) AS n FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid WHERE search_fts MATCH ? AND d.kind = 'insight'`,
  );
  const counts = Object.fromEntries(Object.entries(SEARCH_WORDS).map(([k, word]) => [k, count.get(`"${word}"`)?.n ?? 0])) as SearchFixtures['counts'];
  log(`search: ${docs.toLocaleString('en')} documents indexed in ${seconds.toFixed(1)} s; insights matching ${JSON.stringify(counts)}`);
  return { seconds, docs, counts };
}
