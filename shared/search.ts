import { z } from 'zod';
import { LIMITS } from './limits.js';

export const SEARCH_KINDS = ['insight', 'reply', 'issue', 'customer'] as const;
export const searchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof searchKind>;

/** Best match first (bm25 with a recency boost), or newest first. */
export const SEARCH_SORTS = ['relevance', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const searchQuery = z.object({
  q: z.string().max(LIMITS.searchQueryLength, `Search for at most ${LIMITS.searchQueryLength} characters.`),
  kind: searchKind.optional(),
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
  cursor: z.string().max(200).optional(),
});

export const searchHit = z.object({
  kind: searchKind,
  id: z.string(),
  title: z.string(),
  /** HTML: the text escaped, with only <mark> around matches. */
  snippet: z.string(),
  at: z.string(),
  /** Where the client shows it: the thread (with the reply in view), issue or customer. */
  url: z.string(),
  /** Relevance (higher is better); 0 when sorted newest first. */
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchResults = z.object({
  query: z.string(),
  counts: z.record(searchKind, z.number().int()),
  /** True when more matches exist than were ranked (very common words): counts are lower bounds. */
  capped: z.boolean(),
  items: z.array(searchHit),
  nextCursor: z.string().nullable(),
});
export type SearchResults = z.infer<typeof searchResults>;
