/**
 * The baseline's full-text index: an FTS5 table over its insights (body and
 * tags, external content, the product's tokenizer and prefix settings), built
 * in one pass after the dataset. The baseline's insights were written oldest
 * first, so rowid order is time order, as search_docs' is in the product
 * after a rebuild.
 */
import { SEARCH_WORDS } from '../dataset/content.js';
import type { SearchFixtures } from '../dataset/fixtures.js';
import type { BaselineContext } from './context.js';

/** The product's CANDIDATES (server/features/search/queries.ts): matches ranked per query, newest first. */
export const SEARCH_CANDIDATES = 500;

const FTS_SCHEMA = `
  CREATE VIRTUAL TABLE IF NOT EXISTS insights_fts USING fts5(
    body, tags,
    content='insights', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2',
    prefix='2 3'
  );
`;

/**
 * Creates the (empty) FTS5 table if missing: the search routes prepare their
 * statements on it when they register; `buildBaselineSearch` fills it after
 * the dataset.
 */
export function ensureSearchSchema(ctx: BaselineContext): void {
  ctx.db.exec(FTS_SCHEMA);
}

export function buildBaselineSearch(ctx: BaselineContext, log: (line: string) => void): SearchFixtures {
  const started = performance.now();
  ensureSearchSchema(ctx);
  ctx.db.exec(`INSERT INTO insights_fts(insights_fts) VALUES ('rebuild')`);
  const seconds = (performance.now() - started) / 1000;
  const docs = (ctx.db.prepare('SELECT count(*) AS n FROM insights').get() as { n: number }).n;
  const count = ctx.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM insights_fts WHERE insights_fts MATCH ?');
  const counts = Object.fromEntries(Object.entries(SEARCH_WORDS).map(([k, word]) => [k, count.get(`"${word}"`)?.n ?? 0])) as SearchFixtures['counts'];
  log(`search: ${docs.toLocaleString('en')} insights indexed in ${seconds.toFixed(1)} s; matching ${JSON.stringify(counts)}`);
  return { seconds, docs, counts };
}

/** The words of a query, each quoted, joined by AND (what the product's toFtsQuery does for plain words); null without any. */
export function ftsQueryOf(text: string): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 ? words.map((w) => `"${w}"`).join(' AND ') : null;
}
