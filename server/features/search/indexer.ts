import type Database from 'better-sqlite3';

/**
 * Applies the search outbox to the full-text index in batches, off the
 * request path. Each batch re-reads the current state of every touched
 * thing, so applying one twice is harmless and nothing is lost across a crash:
 * outbox rows are deleted in the same transaction that indexes them.
 *
 * Raw SQL on purpose: FTS5 and its external-content protocol are SQLite's own
 * (a PostgreSQL backend would use tsvector columns instead).
 */
/** Outbox rows applied per transaction. */
const DRAIN_BATCH = 1000;

export class SearchIndexer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private interval: ReturnType<typeof setInterval> | null = null;
  private readonly statements;

  constructor(private readonly sqlite: Database.Database) {
    const source = {
      insight: `select i.id as refId, coalesce(c.name, '') as title, i.body as body,
          trim(coalesce(c.company, '') || ' ' || replace(replace(replace(i.tags, '[', ''), ']', ''), '"', ' ')) as extra,
          i.created_at as at, i.channel, i.sentiment, i.author_id as authorId, i.deleted_at as deletedAt
        from insights i left join customers c on c.id = i.customer_id where i.id = ?`,
      reply: `select r.id as refId, '' as title, r.body as body, '' as extra, r.created_at as at,
          null as channel, null as sentiment, r.author_id as authorId, coalesce(r.deleted_at, i.deleted_at) as deletedAt
        from replies r join insights i on i.id = r.insight_id where r.id = ?`,
      issue: `select id as refId, title, description || ' ' || coalesce(resolution_note, '') as body, kind as extra, created_at as at,
          null as channel, null as sentiment, null as authorId, null as deletedAt from issues where id = ?`,
      customer: `select id as refId, name as title, trim(coalesce(company, '') || ' ' || coalesce(email, '') || ' ' || coalesce(crm_id, '')) as body,
          replace(replace(replace(handles, '{', ''), '}', ''), '"', ' ') as extra, created_at as at,
          null as channel, null as sentiment, null as authorId, merged_into as deletedAt from customers where id = ?`,
    };
    this.statements = {
      batch: sqlite.prepare('select id, kind, ref_id as refId from search_outbox order by id limit ?'),
      deleteOutbox: sqlite.prepare('delete from search_outbox where id <= ?'),
      source: Object.fromEntries(Object.entries(source).map(([k, q]) => [k, sqlite.prepare(q)])) as Record<string, Database.Statement>,
      findDoc: sqlite.prepare('select id, title, body, extra from search_docs where kind = ? and ref_id = ?'),
      ftsDelete: sqlite.prepare(`insert into search_fts(search_fts, rowid, title, body, extra) values ('delete', ?, ?, ?, ?)`),
      ftsInsert: sqlite.prepare('insert into search_fts(rowid, title, body, extra) values (?, ?, ?, ?)'),
      removeDoc: sqlite.prepare('delete from search_docs where id = ?'),
      updateDoc: sqlite.prepare('update search_docs set title = ?, body = ?, extra = ?, at = ?, channel = ?, sentiment = ?, author_id = ? where id = ?'),
      insertDoc: sqlite.prepare('insert into search_docs (kind, ref_id, title, body, extra, at, channel, sentiment, author_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      pending: sqlite.prepare('select count(*) as n from search_outbox'),
    };
    this.drainBatch = sqlite.transaction(this.drainBatch.bind(this));
  }

  pending(): number {
    return (this.statements.pending.get() as { n: number }).n;
  }

  /** Applies up to `size` outbox rows; returns how many were applied. */
  drainBatch(size = DRAIN_BATCH): number {
    const s = this.statements;
    const rows = s.batch.all(size) as { id: number; kind: string; refId: string }[];
    if (rows.length === 0) return 0;
    const seen = new Set<string>();
    for (const row of rows) {
      const key = `${row.kind}:${row.refId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const current = s.source[row.kind]?.get(row.refId) as
        | { refId: string; title: string; body: string; extra: string; at: string; channel: string | null; sentiment: string | null; authorId: string | null; deletedAt: string | null }
        | undefined;
      const doc = s.findDoc.get(row.kind, row.refId) as { id: number; title: string; body: string; extra: string } | undefined;
      if (doc) s.ftsDelete.run(doc.id, doc.title, doc.body, doc.extra);
      if (!current || current.deletedAt) {
        if (doc) s.removeDoc.run(doc.id);
        continue;
      }
      const text = [current.title, current.body, current.extra] as const;
      const facets = [current.channel, current.sentiment, current.authorId] as const;
      if (doc) {
        s.updateDoc.run(...text, current.at, ...facets, doc.id);
        s.ftsInsert.run(doc.id, ...text);
      } else {
        const inserted = s.insertDoc.run(row.kind, row.refId, ...text, current.at, ...facets);
        s.ftsInsert.run(inserted.lastInsertRowid, ...text);
      }
    }
    s.deleteOutbox.run(rows[rows.length - 1]?.id);
    return rows.length;
  }

  /**
   * Drains everything pending, yielding to the event loop between batches.
   * It stops after a batch that was not full: rows committed meanwhile wait
   * for the next scheduled drain, so that under steady posting the index is
   * written in batches rather than one small transaction per post.
   */
  async drain(onProgress?: (applied: number, remaining: number) => void, size = DRAIN_BATCH): Promise<void> {
    let applied = 0;
    for (;;) {
      if (!this.sqlite.open) return;
      const n = this.drainBatch(size);
      applied += n;
      if (n > 0) onProgress?.(applied, this.pending());
      if (n < size) return;
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Soon after a commit (debounced), and every second as a safety net. */
  schedule(delayMs = 50): void {
    if (this.stopped) return;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      if (!this.stopped) void this.drain();
    }, delayMs);
  }

  private stopped = true;

  start(): void {
    this.stopped = false;
    this.interval = setInterval(() => this.schedule(0), 1000);
    this.interval.unref();
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.interval) clearInterval(this.interval);
    this.timer = null;
    this.interval = null;
  }

  /**
   * Rebuilds the whole index from the source tables in bulk (first start, the
   * demo's seed and `npm run reindex`): documents of every kind are copied in
   * one pass, oldest first, so that their place in the index follows time as it
   * does for content indexed as it is written (newest-first search and the
   * feed's `q` read the index in that order); then FTS5 builds its index in one
   * pass. Reports each step.
   */
  rebuild(onProgress: (step: string, done: number) => void = () => undefined): number {
    const kinds = [
      `select 'customer' as kind, id, name, trim(coalesce(company, '') || ' ' || coalesce(email, '') || ' ' || coalesce(crm_id, '')),
          replace(replace(replace(handles, '{', ''), '}', ''), '"', ' '), created_at as at, null, null, null from customers where merged_into is null`,
      `select 'insight', i.id, coalesce(c.name, ''), i.body,
          trim(coalesce(c.company, '') || ' ' || replace(replace(replace(i.tags, '[', ''), ']', ''), '"', ' ')), i.created_at, i.channel, i.sentiment, i.author_id
          from insights i left join customers c on c.id = i.customer_id where i.deleted_at is null`,
      `select 'reply', r.id, '', r.body, '', r.created_at, null, null, r.author_id from replies r join insights i on i.id = r.insight_id
          where r.deleted_at is null and i.deleted_at is null`,
      `select 'issue', id, title, description || ' ' || coalesce(resolution_note, ''), kind, created_at, null, null, null from issues`,
    ];
    let total = 0;
    this.sqlite.transaction(() => {
      this.sqlite.exec(`insert into search_fts(search_fts) values ('delete-all'); delete from search_docs; delete from search_outbox;`);
      total = this.sqlite
        .prepare(`insert into search_docs (kind, ref_id, title, body, extra, at, channel, sentiment, author_id) select * from (${kinds.join(' union all ')}) order by at, kind, id`)
        .run().changes;
      onProgress('copied insights, replies, issues and customers', total);
      this.sqlite.exec(`insert into search_fts(search_fts) values ('rebuild')`);
      onProgress('built the full-text index', total);
    })();
    return total;
  }

  isEmpty(): boolean {
    return this.sqlite.prepare('select 1 from search_docs limit 1').get() === undefined;
  }
}
