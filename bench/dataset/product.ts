/**
 * The insights dataset in the product's own tables (runs in the product child,
 * after bootstrap() migrated the schema and seeded the demo workspace, before
 * it listens). Plain SQL on the app's better-sqlite3 handle: the rows the
 * services would have written for posts without @mentions — the insight, one
 * insight_tags row per tag, a thread_teams row per team of the author (via
 * 'author') — and a thread whose replies bring in their authors' teams (via
 * 'reply') and set reply_count.
 */
import type Database from 'better-sqlite3';
import { generateInsights, type Author, type DatasetWriter, type InsightsFixtures } from './generate.js';

export function seedProductInsights(db: Database.Database, count: number, log: (line: string) => void): InsightsFixtures {
  const users = db.prepare<[], { id: string }>('SELECT id FROM users WHERE active = 1 ORDER BY id').all();
  const memberships = db.prepare<[], { userId: string; teamId: string }>('SELECT user_id AS userId, team_id AS teamId FROM team_members ORDER BY team_id').all();
  const authors: Author[] = users.map((u) => ({ id: u.id, teamIds: memberships.filter((m) => m.userId === u.id).map((m) => m.teamId) }));
  const customerIds = db
    .prepare<[], { id: string }>('SELECT id FROM customers WHERE merged_into IS NULL ORDER BY created_at, id')
    .all()
    .map((c) => c.id);
  if (customerIds.length === 0) throw new Error('The product has no customers: was the demo workspace seeded?');

  const insertInsight = db.prepare(
    `INSERT INTO insights (id, author_id, body, channel, sentiment, tags, source_url, customer_id, reply_count, created_at, edited_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, NULL)`,
  );
  const insertTag = db.prepare('INSERT INTO insight_tags (insight_id, tag, created_at) VALUES (?, ?, ?)');
  const insertThreadTeam = db.prepare('INSERT OR IGNORE INTO thread_teams (insight_id, team_id, via, created_at) VALUES (?, ?, ?, ?)');
  const insertReply = db.prepare(
    'INSERT INTO replies (id, insight_id, author_id, body, created_at, edited_at, deleted_at) VALUES (?, ?, ?, ?, ?, NULL, NULL)',
  );

  const writer: DatasetWriter = {
    insight(row, author) {
      insertInsight.run(row.id, row.authorId, row.body, row.channel, row.sentiment, JSON.stringify(row.tags), row.customerId, row.replyCount, row.createdAt);
      for (const tag of row.tags) insertTag.run(row.id, tag, row.createdAt);
      for (const teamId of author.teamIds) insertThreadTeam.run(row.id, teamId, 'author', row.createdAt);
    },
    reply(row, author) {
      insertReply.run(row.id, row.insightId, row.authorId, row.body, row.createdAt);
      for (const teamId of author.teamIds) insertThreadTeam.run(row.insightId, teamId, 'reply', row.createdAt);
    },
  };
  return generateInsights(db, { count, authors, customerIds, writer, tables: ['insights', 'insight_tags', 'thread_teams', 'replies'], log });
}
