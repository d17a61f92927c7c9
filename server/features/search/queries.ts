import type Database from 'better-sqlite3';
import { CHANNELS, SENTIMENTS } from '../../../shared/insights.js';
import { ISSUE_STATUSES } from '../../../shared/issues.js';
import { toFtsQuery, type ParsedSearch, type SearchTerm } from '../../../shared/search-query.js';
import { SEARCH_KINDS, type SearchHit, type SearchKind, type SearchSort } from '../../../shared/search.js';
import { invalid } from '../../errors.js';
import { escapeHtml, highlighter } from './highlight.js';
import { bm25Scorer, documentFrequency, frequencyFromWindow, indexStats } from './ranking.js';

/** Matches ranked per query: a word in most documents ranks only its newest CANDIDATES matches. */
export const CANDIDATES = 500;
/** BM25 column weights: title, body, extra. */
const WEIGHTS = [4, 1, 2];
const RECENCY_DAYS = 30;

interface Candidate {
  id: number;
  kind: SearchKind;
  refId: string;
  at: string;
  title: string;
  body: string;
  extra: string;
  sizes: string | null;
  /** Relevance with the recency boost, set when ranked. */
  score: number;
}

/** BM25 of a candidate for the positive terms, weighted by how many documents hold each (see ranking.ts). */
function relevanceOf(sqlite: Database.Database, terms: readonly SearchTerm[], candidates: { ids: readonly number[]; onlyTerm: boolean }) {
  const stats = indexStats(sqlite, 'search_fts');
  const frequencies = candidates.onlyTerm
    ? [frequencyFromWindow(sqlite, 'search_fts', candidates.ids, CANDIDATES, stats)]
    : terms.map((term) => documentFrequency(sqlite, 'search_fts', toFtsQuery([term]) as string, CANDIDATES, stats));
  const score = bm25Scorer(terms, frequencies, WEIGHTS, stats);
  return (c: Candidate) => score({ columns: [c.title, c.body, c.extra], sizes: c.sizes });
}

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

/** Turns typed filters into SQL over `d` (search_docs), validating each value. */
/** SQL conditions over `d` (search_docs) and their parameters, in order. */
interface Conditions {
  where: string[];
  params: unknown[];
}

function filterSql(sqlite: Database.Database, filters: ParsedSearch['filters']): Conditions {
  const where: string[] = [];
  const params: unknown[] = [];
  const oneOf = (name: string, value: string, allowed: readonly string[]) => {
    if (!allowed.includes(value)) throw invalid(`${name}: must be one of ${allowed.join(', ')}.`, { field: 'q', filter: name });
  };
  if (filters.kind) {
    oneOf('kind', filters.kind, SEARCH_KINDS);
    where.push('d.kind = ?');
    params.push(filters.kind);
  }
  if (filters.tag) {
    where.push(`d.kind = 'insight' and exists (select 1 from insight_tags t where t.insight_id = d.ref_id and t.tag = ?)`);
    params.push(filters.tag.toLowerCase());
  }
  if (filters.channel) {
    oneOf('channel', filters.channel, CHANNELS);
    where.push('d.channel = ?');
    params.push(filters.channel);
  }
  if (filters.sentiment) {
    oneOf('sentiment', filters.sentiment, SENTIMENTS);
    where.push('d.sentiment = ?');
    params.push(filters.sentiment);
  }
  if (filters.status) {
    oneOf('status', filters.status, ISSUE_STATUSES);
    where.push(`d.kind = 'issue' and exists (select 1 from issues x where x.id = d.ref_id and x.status = ?)`);
    params.push(filters.status);
  }
  if (filters.team) {
    const team = sqlite.prepare('select id from teams where id = ? or slug = ?').get(filters.team, filters.team.toLowerCase()) as { id: string } | undefined;
    if (!team) throw invalid(`team: there is no team "${filters.team}".`, { field: 'q', filter: 'team' });
    where.push(`((d.kind = 'insight' and exists (select 1 from thread_teams tt where tt.insight_id = d.ref_id and tt.team_id = ?))
      or (d.kind = 'reply' and exists (select 1 from replies r join thread_teams tt on tt.insight_id = r.insight_id where r.id = d.ref_id and tt.team_id = ?))
      or (d.kind = 'issue' and exists (select 1 from issues x where x.id = d.ref_id and x.team_id = ?)))`);
    params.push(team.id, team.id, team.id);
  }
  if (filters.author) {
    const handle = filters.author.replace(/^@/, '');
    const user = sqlite.prepare('select id from users where id = ? or lower(handle) = lower(?)').get(handle, handle) as { id: string } | undefined;
    if (!user) throw invalid(`author: nobody has the handle "${handle}".`, { field: 'q', filter: 'author' });
    where.push('d.author_id = ?');
    params.push(user.id);
  }
  if (filters.customer) {
    const like = `%${filters.customer.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const match = `(c.id = ? or c.name like ? escape '\\' or c.company like ? escape '\\')`;
    where.push(`((d.kind = 'insight' and exists (select 1 from insights i join customers c on c.id = i.customer_id where i.id = d.ref_id and ${match}))
      or (d.kind = 'customer' and exists (select 1 from customers c where c.id = d.ref_id and ${match}))
      or (d.kind = 'issue' and exists (select 1 from issue_evidence e join insights i on i.id = e.insight_id join customers c on c.id = i.customer_id where e.issue_id = d.ref_id and ${match})))`);
    params.push(filters.customer, like, like, filters.customer, like, like, filters.customer, like, like);
  }
  for (const [name, op] of [
    ['after', '>='],
    ['before', '<'],
  ] as const) {
    const value = filters[name];
    if (!value) continue;
    if (!DATE.test(value) || Number.isNaN(Date.parse(value))) throw invalid(`${name}: use a date like 2026-11-01.`, { field: 'q', filter: name });
    where.push(`d.at ${op} ?`);
    params.push(new Date(value).toISOString());
  }
  return { where, params };
}


export interface SearchOptions {
  kind?: SearchKind;
  limit: number;
  /** `relevance` ranks the newest CANDIDATES matches and pages by `offset`; `newest` pages through every match by `before`. */
  sort: SearchSort;
  offset: number;
  /** Newest first: only matches indexed before this index position (the previous page's last). */
  before?: number;
  now?: number;
}

export type SearchResult = ReturnType<typeof searchIndex>;

type CandidateValues = [number, SearchKind, string, string, string, string, string, string | null];

/**
 * The matches of a query, newest indexed first: from the full-text index when
 * it has words, else (filters alone) from search_docs. `read` is what is taken
 * of each: its kind only (for the counts), or all a candidate needs (with its
 * token counts from FTS5's docsize when there are words to rank by); `extra`
 * adds conditions with their parameters.
 */
function matches(sqlite: Database.Database, fts: string | null, filters: Conditions, read: 'kind' | 'candidate', limit: number, extra: Conditions = { where: [], params: [] }) {
  const where = [...filters.where, ...extra.where];
  const columns = read === 'kind' ? 'd.kind' : `d.id, d.kind, d.ref_id, d.at, d.title, d.body, d.extra, ${fts ? 'hex(z.sz)' : 'null'}`;
  const sql = fts
    ? `select ${columns} from search_fts join search_docs d on d.id = search_fts.rowid
       ${read === 'candidate' ? 'join search_fts_docsize z on z.id = d.id' : ''} where search_fts match ? ${where.map((w) => `and (${w})`).join(' ')} order by search_fts.rowid desc limit ${limit}`
    : `select ${columns} from search_docs d where ${where.map((w) => `(${w})`).join(' and ')} order by d.id desc limit ${limit}`;
  try {
    return sqlite
      .prepare(sql)
      .raw()
      .all(...(fts ? [fts] : []), ...filters.params, ...extra.params) as unknown[][];
  } catch (error) {
    // toFtsQuery quotes every term, so this is not expected; still, a query is never a 500.
    throw invalid('That search could not be understood. Try plain words.', { field: 'q', reason: (error as Error).message });
  }
}

/** Raw rows made into objects here: better-sqlite3's own objects per row cost more than the query. */
function candidates(sqlite: Database.Database, fts: string | null, filters: Conditions, limit: number, extra?: Conditions): Candidate[] {
  return (matches(sqlite, fts, filters, 'candidate', limit, extra) as CandidateValues[]).map(([id, kind, refId, at, title, body, extra, sizes]) => ({ id, kind, refId, at, title, body, extra, sizes, score: 0 }));
}

const countsOf = (kinds: readonly SearchKind[]) => {
  const counts = Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>;
  for (const kind of kinds) counts[kind]++;
  return counts;
};

export function searchIndex(sqlite: Database.Database, parsed: ParsedSearch, opts: SearchOptions) {
  const fts = toFtsQuery(parsed.terms);
  const hasFilters = Object.keys(parsed.filters).length > 0;
  if (!fts && !hasFilters) {
    throw invalid(parsed.terms.length > 0 ? 'Add a word to look for: excluded words alone match everything.' : 'Type a word to search for.', { field: 'q' });
  }
  const filters = filterSql(sqlite, parsed.filters);
  const terms = fts ? parsed.terms : null;
  if (opts.sort === 'newest') return newestFirst(sqlite, fts, filters, terms, opts);
  let rows = candidates(sqlite, fts, filters, CANDIDATES + 1);
  const positive = parsed.terms.filter((t) => !t.negated);
  // One word, nothing else: the candidates are that word's newest matches, which is what its weight is estimated from.
  const onlyTerm = positive.length === 1 && parsed.terms.length === 1 && filters.where.length === 0;
  const relevance = fts ? relevanceOf(sqlite, positive, { ids: rows.map((r) => r.id), onlyTerm }) : () => 1;
  const capped = rows.length > CANDIDATES;
  if (capped) rows = rows.slice(0, CANDIDATES);
  const now = opts.now ?? Date.now();
  for (const r of rows) {
    const ageDays = Math.max(0, (now - Date.parse(r.at)) / 86_400_000);
    // Recent matches get up to half again their relevance.
    r.score = relevance(r) * (1 + 0.5 * Math.exp(-ageDays / RECENCY_DAYS));
  }
  const ranked = rows.sort((a, b) => b.score - a.score || (a.at < b.at ? 1 : -1));
  const ofKind = opts.kind ? ranked.filter((r) => r.kind === opts.kind) : ranked;
  const page = ofKind.slice(opts.offset, opts.offset + opts.limit);
  const hasMore = ofKind.length > opts.offset + opts.limit;
  return { counts: countsOf(ranked.map((r) => r.kind)), capped, items: present(sqlite, page, terms), hasMore, last: null };
}

/**
 * Newest first: one page read straight from the index after the previous
 * page's last position, however many documents match; nothing is ranked
 * (score 0). The counts cover the newest CANDIDATES matches, as when ranked.
 */
function newestFirst(sqlite: Database.Database, fts: string | null, filters: Conditions, terms: readonly SearchTerm[] | null, opts: SearchOptions) {
  const kinds = matches(sqlite, fts, filters, 'kind', CANDIDATES + 1).map((row) => row[0] as SearchKind);
  const extra: Conditions = { where: [], params: [] };
  if (opts.kind) {
    extra.where.push('d.kind = ?');
    extra.params.push(opts.kind);
  }
  if (opts.before !== undefined) {
    // On the index's own rowid, so that FTS5 starts there rather than at the newest match.
    extra.where.push(`${fts ? 'search_fts.rowid' : 'd.id'} < ?`);
    extra.params.push(opts.before);
  }
  const rows = candidates(sqlite, fts, filters, opts.limit + 1, extra);
  const page = rows.slice(0, opts.limit);
  const hasMore = rows.length > opts.limit;
  return { counts: countsOf(kinds.slice(0, CANDIDATES)), capped: kinds.length > CANDIDATES, items: present(sqlite, page, terms), hasMore, last: page.at(-1)?.id ?? null };
}

function present(sqlite: Database.Database, page: Candidate[], terms: readonly SearchTerm[] | null): SearchHit[] {
  if (page.length === 0) return [];
  const marks = terms ? highlighter(terms) : null;
  const replyIds = page.filter((p) => p.kind === 'reply').map((p) => p.refId);
  const replyThreads = new Map(
    replyIds.length === 0
      ? []
      : (sqlite.prepare(`select id, insight_id as insightId from replies where id in (${replyIds.map(() => '?').join(',')})`).all(...replyIds) as { id: string; insightId: string }[]).map((r) => [r.id, r.insightId]),
  );
  return page.map((p) => {
    const fallbackTitle = { insight: 'Insight', reply: 'Reply', issue: 'Issue', customer: 'Customer' }[p.kind];
    const url =
      p.kind === 'insight' ? `/insights/${p.refId}` : p.kind === 'reply' ? `/insights/${replyThreads.get(p.refId) ?? ''}#reply-${p.refId}` : p.kind === 'issue' ? `/issues/${p.refId}` : `/customers/${p.refId}`;
    const title = p.title ? (marks ? marks.highlight(p.title) : escapeHtml(p.title)) : fallbackTitle;
    const snippet = marks ? marks.snippet([p.body, p.extra]) : escapeHtml(p.body.slice(0, 200));
    return { kind: p.kind, id: p.refId, title, snippet, at: p.at, url, score: Math.round(p.score * 1000) / 1000 };
  });
}
