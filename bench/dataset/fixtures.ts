/**
 * What a child generates before it listens (asked for by the parent in its
 * options) and what it hands back with its ready message. Types only.
 */
import type { SearchWord } from './content.js';
import type { InsightsFixtures } from './generate.js';

/** The datasets a scenario can ask for; each runs in its own pair of servers (see run.ts). */
export type DatasetName = 'insights' | 'issues' | 'claims' | 'dashboard';

/** What a child should generate; absent fields: nothing. */
export interface DatasetOptions {
  /** BENCH_INSIGHTS generated insights (feed, thread, posting, search). */
  insights?: number;
  /** Build the full-text index over them (product: `searchIndexer.rebuild()`; baseline: its own FTS5 table). */
  searchIndex?: boolean;
  /** BENCH_ISSUES issues of every status (issue list). */
  issues?: number;
  /** Fresh open issues at version 1 (claim race). */
  claims?: number;
  /** The dashboard's workspace: insights over a year with cross-team threads, and issues (product only). */
  dashboard?: { insights: number; issues: number };
}

export interface SearchFixtures {
  /** Wall-clock seconds the index build took. */
  seconds: number;
  /** Documents in the index. */
  docs: number;
  /** Insights matching each of SEARCH_WORDS, as the index counts them. */
  counts: Record<SearchWord, number>;
}

export interface IssuesFixtures {
  count: number;
  evidence: number;
  seconds: number;
}

export interface ClaimsFixtures {
  /** Open issues at version 1, in the order the claim race uses them. */
  ids: string[];
  seconds: number;
}

export interface DashboardFixtures {
  insights: number;
  /** Of them, posted in the last 90 days. */
  last90Days: number;
  /** thread_teams rows by how the team came in. */
  threadTeams: Record<'author' | 'reply' | 'mention', number>;
  replies: number;
  issues: number;
  seconds: number;
}

/** Everything a child may hand the parent with its ready message. */
export interface ChildInfo {
  insights?: InsightsFixtures;
  search?: SearchFixtures;
  issues?: IssuesFixtures;
  claims?: ClaimsFixtures;
  dashboard?: DashboardFixtures;
}
