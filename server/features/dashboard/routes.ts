import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DASHBOARD_TABLES, dashboard, dashboardQuery, type Dashboard } from '../../../shared/dashboard.js';
import { invalid } from '../../errors.js';
import { requireRole } from '../../plugins/auth.js';
import { findTeam } from '../teams/queries.js';
import { dashboardCsv } from './csv.js';
import { DashboardQueries } from './queries.js';

const DAY = 86_400_000;
const MAX_RANGE_DAYS = 731;

const CACHE_ENTRIES = 64;
const MINUTE = 60_000;

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const queries = new DashboardQueries(app.database.sqlite);
  const latestSeq = app.database.sqlite.prepare('select coalesce(max(seq), 0) as seq from events');
  /**
   * Answers by (query, minute, last event): any write appends an event and so
   * changes the key, and rolling periods move on the minute — an answer is never
   * staler than the data, and at most a minute behind the clock.
   */
  const cache = new Map<string, Dashboard>();

  app.get(
    '/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Lead metrics for a period (period=7d|30d|90d, or from/to dates), overall or for teamId; format=csv&table=<name> exports one table',
        querystring: dashboardQuery,
        response: { 200: dashboard },
      },
    },
    async (request, reply) => {
      requireRole(request, 'lead', 'admin');
      const q = request.query;
      const now = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
      let from: Date;
      let to: Date;
      let label: string;
      if (q.from && q.to) {
        from = new Date(`${q.from}T00:00:00.000Z`);
        to = new Date(Date.parse(`${q.to}T00:00:00.000Z`) + DAY);
        const real = (date: Date, text: string) => !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
        if (!real(from, q.from) || !real(new Date(to.getTime() - DAY), q.to)) throw invalid('Those dates do not exist.', { field: 'from' });
        if ((to.getTime() - from.getTime()) / DAY > MAX_RANGE_DAYS) throw invalid('Choose a range of at most two years.', { field: 'from' });
        label = `${q.from} to ${q.to}`;
      } else {
        const days = Number((q.period ?? '30d').replace('d', ''));
        to = now;
        from = new Date(now.getTime() - days * DAY);
        label = `Last ${days} days`;
      }
      const team = q.teamId ? findTeam(app.store.db, q.teamId) : null;
      if (q.teamId && !team) throw invalid(`There is no team "${q.teamId}".`, { field: 'teamId' });
      const key = JSON.stringify([from.toISOString(), to.toISOString(), team?.id ?? null, now.getTime(), (latestSeq.get() as { seq: number }).seq]);
      let body = cache.get(key);
      if (!body) {
        body = {
          period: { from: from.toISOString(), to: to.toISOString(), label },
          team: team ? { id: team.id, slug: team.slug, name: team.name } : null,
          ...queries.build({ from: from.toISOString(), to: to.toISOString(), teamId: team?.id ?? null, now: now.toISOString() }),
        };
        if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
        cache.set(key, body);
      }
      if (q.format === 'csv') {
        const csv = dashboardCsv(body, q.table ?? '');
        if (csv === null) throw invalid(`Unknown table "${q.table}". Tables: ${DASHBOARD_TABLES.join(', ')}.`, { field: 'table' });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="frontline-${q.table}-${from.toISOString().slice(0, 10)}.csv"`)
          .serializer((payload: unknown) => String(payload))
          // The route's response schema describes the JSON form; this reply bypasses it with its own serializer.
          .send(csv as unknown as Dashboard);
      }
      return body;
    },
  );
};
