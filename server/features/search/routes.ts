import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { parseSearch } from '../../../shared/search-query.js';
import { searchQuery, searchResults } from '../../../shared/search.js';
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
      const { q, kind, limit, cursor } = request.query;
      const offset = (decodeCursor<[number]>(cursor, 1)?.[0] as number | undefined) ?? 0;
      const result = await app.searchPool.search(parseSearch(q), { kind, limit, offset: Number(offset) || 0 });
      return { query: q, counts: result.counts, capped: result.capped, items: result.items, nextCursor: result.hasMore ? encodeCursor([offset + limit]) : null };
    },
  );
};
