/**
 * The whole data model. Times are ISO 8601 UTC strings (they sort as text and
 * travel to the wire unchanged); ids are opaque random strings; JSON columns
 * hold small documents only. See docs/adr/0001-data-layer.md.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

const id = () => text('id').primaryKey();
const createdAt = () => text('created_at').notNull();

export const users = sqliteTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    handle: text('handle').notNull(),
    role: text('role', { enum: ['member', 'lead', 'admin'] }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    passwordHash: text('password_hash'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    uniqueIndex('users_handle_unique').on(sql`lower(${t.handle})`),
  ],
);

export const teams = sqliteTable(
  'teams',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    targetDays: integer('target_days').notNull().default(14),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('teams_slug_unique').on(t.slug)],
);

export const teamMembers = sqliteTable(
  'team_members',
  {
    teamId: text('team_id').notNull().references(() => teams.id),
    userId: text('user_id').notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user').on(t.userId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** sha256 of the cookie value: a stolen database does not yield live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    createdAt: createdAt(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const invites = sqliteTable(
  'invites',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    createdAt: createdAt(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
  },
  (t) => [index('invites_user').on(t.userId)],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: id(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The token acts as this user. */
    userId: text('user_id').notNull().references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_unique').on(t.tokenHash)],
);

export const customers = sqliteTable(
  'customers',
  {
    id: id(),
    name: text('name').notNull(),
    company: text('company'),
    email: text('email'),
    handles: text('handles', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    crmId: text('crm_id'),
    tier: text('tier', { enum: ['standard', 'key', 'enterprise'] }).notNull().default('standard'),
    mergedInto: text('merged_into'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('customers_name').on(sql`lower(${t.name})`), index('customers_merged').on(t.mergedInto)],
);

export const insights = sqliteTable(
  'insights',
  {
    id: id(),
    authorId: text('author_id').notNull().references(() => users.id),
    body: text('body').notNull(),
    channel: text('channel', {
      enum: ['call', 'chat', 'email', 'social', 'forum', 'survey', 'in_person', 'other'],
    }).notNull(),
    sentiment: text('sentiment', { enum: ['negative', 'neutral', 'positive'] }).notNull(),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    sourceUrl: text('source_url'),
    customerId: text('customer_id').references(() => customers.id),
    /** Live replies, kept with the row so the feed needs no count query. */
    replyCount: integer('reply_count').notNull().default(0),
    /** The teams taking part (thread_teams), in the order they came in: kept with the row for the feed. */
    teamIds: text('team_ids', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** How many of team_ids, the first ones, came in as the author's teams: the thread's starters. */
    authorTeamCount: integer('author_team_count').notNull().default(0),
    /** Mentions in the body, reactions and linked issues: a list looks them up only for rows that have some. */
    mentionCount: integer('mention_count').notNull().default(0),
    reactionCount: integer('reaction_count').notNull().default(0),
    issueCount: integer('issue_count').notNull().default(0),
    createdAt: createdAt(),
    editedAt: text('edited_at'),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    index('insights_created').on(t.createdAt, t.id),
    index('insights_customer').on(t.customerId, t.createdAt),
    index('insights_author').on(t.authorId, t.createdAt),
  ],
);

export const insightTags = sqliteTable(
  'insight_tags',
  {
    insightId: text('insight_id').notNull().references(() => insights.id),
    tag: text('tag').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tag, t.insightId] }), index('insight_tags_insight').on(t.insightId)],
);

export const replies = sqliteTable(
  'replies',
  {
    id: id(),
    insightId: text('insight_id').notNull().references(() => insights.id),
    authorId: text('author_id').notNull().references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
    editedAt: text('edited_at'),
    deletedAt: text('deleted_at'),
  },
  (t) => [index('replies_insight').on(t.insightId, t.createdAt), index('replies_created').on(t.createdAt)],
);

/**
 * Teams taking part in a thread: the author's teams, teams @mentioned in it and
 * teams of everyone who replied. Kept as rows so the feed can filter by team and
 * the dashboard can read who talks to whom.
 */
export const threadTeams = sqliteTable(
  'thread_teams',
  {
    insightId: text('insight_id').notNull().references(() => insights.id),
    teamId: text('team_id').notNull().references(() => teams.id),
    /** How the team first came in: author, mention or reply. */
    via: text('via', { enum: ['author', 'mention', 'reply'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.insightId, t.teamId] }), index('thread_teams_team').on(t.teamId, t.insightId)],
);

/** A resolved @mention, stored so that a later rename does not break it. */
export const mentions = sqliteTable(
  'mentions',
  {
    id: id(),
    insightId: text('insight_id').notNull().references(() => insights.id),
    replyId: text('reply_id').references(() => replies.id),
    userId: text('user_id').references(() => users.id),
    teamId: text('team_id').references(() => teams.id),
    createdAt: createdAt(),
  },
  (t) => [index('mentions_insight').on(t.insightId), index('mentions_reply').on(t.replyId)],
);

export const reactions = sqliteTable(
  'reactions',
  {
    id: id(),
    insightId: text('insight_id').references(() => insights.id),
    replyId: text('reply_id').references(() => replies.id),
    userId: text('user_id').notNull().references(() => users.id),
    kind: text('kind', { enum: ['me_too', 'thanks', 'insightful'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('reactions_insight_unique').on(t.insightId, t.userId, t.kind).where(sql`${t.insightId} is not null`),
    uniqueIndex('reactions_reply_unique').on(t.replyId, t.userId, t.kind).where(sql`${t.replyId} is not null`),
  ],
);

export const issues = sqliteTable(
  'issues',
  {
    id: id(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind', { enum: ['cx-fix', 'problem', 'improvement', 'innovation'] }).notNull(),
    status: text('status', { enum: ['open', 'claimed', 'in_progress', 'resolved', 'wont_fix'] }).notNull(),
    teamId: text('team_id').references(() => teams.id),
    assigneeId: text('assignee_id').references(() => users.id),
    createdById: text('created_by_id').notNull().references(() => users.id),
    /** The evidence part of the priority (shared/priority.ts); age is added when read. */
    priorityScore: integer('priority_score').notNull().default(0),
    /** The counts behind priorityScore, so lists explain it without another query. */
    priorityInputs: text('priority_inputs', { mode: 'json' })
      .$type<{ insights: number; customers: number; enterpriseCustomers: number; keyCustomers: number; meToo: number; negativeShare: number }>()
      .notNull()
      .default({ insights: 0, customers: 0, enterpriseCustomers: 0, keyCustomers: 0, meToo: 0, negativeShare: 0 }),
    priorityOverrideScore: integer('priority_override_score'),
    priorityOverrideReason: text('priority_override_reason'),
    priorityOverrideById: text('priority_override_by_id').references(() => users.id),
    resolutionNote: text('resolution_note'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
    claimedAt: text('claimed_at'),
    closedAt: text('closed_at'),
  },
  (t) => [
    index('issues_status').on(t.status, t.updatedAt),
    // The list's default order (recently updated first, keyset on updated_at, id) reads this instead of sorting every issue.
    index('issues_updated').on(t.updatedAt, t.id),
    index('issues_team').on(t.teamId, t.status),
    index('issues_priority').on(t.priorityScore, t.id),
    index('issues_created').on(t.createdAt),
    index('issues_closed').on(t.closedAt),
    index('issues_claimed').on(t.claimedAt),
  ],
);

export const issueEvidence = sqliteTable(
  'issue_evidence',
  {
    issueId: text('issue_id').notNull().references(() => issues.id),
    insightId: text('insight_id').notNull().references(() => insights.id),
    addedById: text('added_by_id').notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.insightId] }), index('issue_evidence_insight').on(t.insightId)],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: id(),
    userId: text('user_id').notNull().references(() => users.id),
    kind: text('kind', { enum: ['mention', 'claimed', 'status', 'loop_closed'] }).notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    readAt: text('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user').on(t.userId, t.createdAt, t.id)],
);

/** Append-only: the source of live updates, replay, history and audit. Never updated or deleted. */
export const events = sqliteTable(
  'events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    type: text('type').notNull(),
    actorId: text('actor_id'),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** When set, only this user may hear the event (notifications). */
    audienceUserId: text('audience_user_id'),
    at: text('at').notNull(),
  },
  (t) => [index('events_subject').on(t.subjectType, t.subjectId, t.seq)],
);

export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    /** null while the first request is still running. */
    statusCode: integer('status_code'),
    response: text('response'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] })],
);

/**
 * Changes waiting for the search indexer: written in the same transaction as
 * the change (so nothing is missed across a crash), applied in batches off the
 * request path, then deleted.
 */
export const searchOutbox = sqliteTable('search_outbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['insight', 'reply', 'issue', 'customer'] }).notNull(),
  refId: text('ref_id').notNull(),
  createdAt: createdAt(),
});

/**
 * What the full-text index holds, one row per searchable thing; the FTS5 table
 * `search_fts` (created in a hand-written migration) indexes title, body and
 * extra with this table as its external content, rowid = id. Ids grow as
 * content is indexed, so rowid order is close to recency.
 */
export const searchDocs = sqliteTable(
  'search_docs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['insight', 'reply', 'issue', 'customer'] }).notNull(),
    refId: text('ref_id').notNull(),
    title: text('title').notNull().default(''),
    body: text('body').notNull().default(''),
    extra: text('extra').notNull().default(''),
    at: text('at').notNull(),
    /**
     * What the commonest search filters check, copied from the source row so
     * that filtering the newest matches reads only the rows it already joins.
     */
    channel: text('channel'),
    sentiment: text('sentiment'),
    authorId: text('author_id'),
  },
  (t) => [uniqueIndex('search_docs_ref').on(t.kind, t.refId)],
);
