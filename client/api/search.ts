import { searchResults, type SearchKind, type SearchResults, type SearchSort } from '../../shared/search.js';
import { api, ApiError } from './http.js';

export interface SearchParams {
  q: string;
  kind?: SearchKind | null;
  sort?: SearchSort;
  limit?: number;
  cursor?: string | null;
}

/**
 * GET /api/search: one page of hits for a query in the search language, with
 * the count of matches of each kind. The answer is checked against the shared
 * schema; a query the server cannot take rejects with its 400 in words.
 */
export async function search(params: SearchParams, signal?: AbortSignal): Promise<SearchResults> {
  const body = await api.get<unknown>('/search', { q: params.q, kind: params.kind ?? undefined, sort: params.sort, limit: params.limit, cursor: params.cursor ?? undefined }, { signal });
  const parsed = searchResults.safeParse(body);
  if (!parsed.success) throw new ApiError(200, 'bad_response', 'The server sent search results the app could not read. Reload and try again.');
  return parsed.data;
}
