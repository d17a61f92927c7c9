/**
 * The baseline's side of the insights scenarios: the tables (the columns and
 * indexes of the product's insights and replies, so a write maintains the
 * same indexes), a workspace of the same size as the demo's (16 people, 64
 * customers) and the generated dataset.
 */
import { generateInsights, type Author, type DatasetWriter, type InsightsFixtures } from '../dataset/generate.js';
import { idOf, seededRandom } from '../dataset/content.js';
import type { BaselineContext } from './context.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS customers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    company TEXT,
    tier TEXT NOT NULL DEFAULT 'standard',
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS insights (
    id TEXT PRIMARY KEY,
    author_id TEXT NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    channel TEXT NOT NULL,
    sentiment TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    source_url TEXT,
    customer_id TEXT REFERENCES customers(id),
    reply_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    deleted_at TEXT
  );
  CREATE INDEX IF NOT EXISTS insights_created ON insights (created_at, id);
  CREATE INDEX IF NOT EXISTS insights_customer ON insights (customer_id, created_at);
  CREATE INDEX IF NOT EXISTS insights_author ON insights (author_id, created_at);
  CREATE TABLE IF NOT EXISTS replies (
    id TEXT PRIMARY KEY,
    insight_id TEXT NOT NULL REFERENCES insights(id),
    author_id TEXT NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    deleted_at TEXT
  );
  CREATE INDEX IF NOT EXISTS replies_insight ON replies (insight_id, created_at);
`;

/** Creates the insights tables if missing; every insights scenario calls it from `baseline()`. */
export function ensureInsightsSchema(ctx: BaselineContext): void {
  ctx.db.exec(SCHEMA);
}

const PEOPLE = ['Sam Rivera', 'Priya Nair', 'Jordan Blake', 'Mia Chen', 'Noah Fischer', 'Lena Okafor', 'Omar Haddad', 'Eva Lindqvist', 'Kai Tanaka', 'Ines Moreau', 'Raj Patel', 'Zoe Novak', 'Tom Becker', 'Lee Lead'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Soylent', 'Cyberdyne', 'Wonka', 'Oscorp', 'Aperture', 'Gringotts', 'Monarch'];

/**
 * People (beside the admin and the agent server.ts made) and customers, then
 * `count` generated insights and the thread. Returns what the parent needs.
 */
export function seedBaselineInsights(ctx: BaselineContext, count: number, log: (line: string) => void): InsightsFixtures {
  ensureInsightsSchema(ctx);
  const { db } = ctx;
  const at = new Date().toISOString();
  const random = seededRandom(64);
  const insertUser = db.prepare(
    "INSERT INTO users (id, email, display_name, handle, role, active, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, 'member', 1, NULL, ?, ?)",
  );
  const insertCustomer = db.prepare('INSERT INTO customers (id, name, company, tier, created_at) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const name of PEOPLE) {
      const handle = name.split(' ')[0]?.toLowerCase() ?? 'someone';
      insertUser.run(`user-${handle}`, `${handle}@example.com`, name, handle, at, at);
    }
    for (let i = 0; i < 64; i++) {
      const roll = random.next();
      insertCustomer.run(idOf(random), `${PEOPLE[i % PEOPLE.length]} ${i}`, COMPANIES[i % COMPANIES.length], roll < 0.1 ? 'enterprise' : roll < 0.3 ? 'key' : 'standard', at);
    }
  })();

  const authors: Author[] = db
    .prepare<[], { id: string }>('SELECT id FROM users WHERE active = 1 ORDER BY id')
    .all()
    .map((u) => ({ id: u.id, teamIds: [] }));
  const customerIds = db
    .prepare<[], { id: string }>('SELECT id FROM customers ORDER BY created_at, id')
    .all()
    .map((c) => c.id);

  const insertInsight = db.prepare(
    `INSERT INTO insights (id, author_id, body, channel, sentiment, tags, source_url, customer_id, reply_count, created_at, edited_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, NULL)`,
  );
  const insertReply = db.prepare(
    'INSERT INTO replies (id, insight_id, author_id, body, created_at, edited_at, deleted_at) VALUES (?, ?, ?, ?, ?, NULL, NULL)',
  );
  const writer: DatasetWriter = {
    insight(row) {
      insertInsight.run(row.id, row.authorId, row.body, row.channel, row.sentiment, JSON.stringify(row.tags), row.customerId, row.replyCount, row.createdAt);
    },
    reply(row) {
      insertReply.run(row.id, row.insightId, row.authorId, row.body, row.createdAt);
    },
  };
  return generateInsights(db, { count, authors, customerIds, writer, tables: ['insights', 'replies'], log });
}

/** An insight row as the bare routes read it, with its author. */
export interface BareInsightRow {
  id: string;
  body: string;
  channel: string;
  sentiment: string;
  tags: string;
  sourceUrl: string | null;
  customerId: string | null;
  replyCount: number;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  authorId: string;
  authorName: string;
  authorHandle: string;
}

/** The columns of a BareInsightRow, over `insights i JOIN users u`. */
export const BARE_INSIGHT_COLUMNS = `i.id, i.body, i.channel, i.sentiment, i.tags, i.source_url AS sourceUrl, i.customer_id AS customerId,
  i.reply_count AS replyCount, i.created_at AS createdAt, i.edited_at AS editedAt, i.deleted_at AS deletedAt,
  u.id AS authorId, u.display_name AS authorName, u.handle AS authorHandle`;

/** A BareInsightRow in the wire shape: tags parsed, the author as an object. */
export function bareInsight({ authorId, authorName, authorHandle, tags, ...rest }: BareInsightRow) {
  return { ...rest, tags: JSON.parse(tags) as string[], author: { id: authorId, displayName: authorName, handle: authorHandle } };
}
