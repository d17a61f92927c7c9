import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { parseSearch } from '../../../shared/search-query.js';
import { searchQuery, searchResults } from '../../../shared/search.js';
import { invalid } from '../../errors.js';
import { requireUser } from '../../plugins/auth.js';
import { decodeCursor, encodeCursor } from '../../store/cursor.js';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Full text over insights, replies, issues and customers: words, "phrases", -exclusions, prefix*, and filters like tag:billing team:support status:open before:2026-11-01',
        querystring: searchQuery,
        response: { 200: searchResults },
      },
    },
    async (request) => {
      requireUser(request);
      const { q, kind, sort, limit, cursor } = request.query;
      // Ranked pages go by position in the ranking; newest-first ones by the last match's place in the index.
      const offset = sort === 'relevance' ? (decodeCursor<[number]>(cursor, 1)?.[0] ?? 0) : 0;
      const before = sort === 'newest' ? decodeCursor<[string, number]>(cursor, 2) : null;
      if (before && (before[0] !== 'newest' || typeof before[1] !== 'number')) throw invalid('The cursor is not one this server gave out.', { field: 'cursor' });
      const result = await app.searchPool.search(parseSearch(q), { kind, sort, limit, offset: Number(offset) || 0, before: before?.[1] });
      const next = !result.hasMore ? null : sort === 'newest' ? encodeCursor(['newest', result.last as number]) : encodeCursor([offset + limit]);
      return { query: q, counts: result.counts, capped: result.capped, items: result.items, nextCursor: next };
    },
  );
};
