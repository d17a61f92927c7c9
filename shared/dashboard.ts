import { z } from 'zod';
import { ISSUE_KINDS, ISSUE_STATUSES } from './issues.js';
import { CHANNELS, SENTIMENTS } from './insights.js';

export const DASHBOARD_PERIODS = ['7d', '30d', '90d'] as const;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const dashboardQuery = z
  .object({
    period: z.enum(DASHBOARD_PERIODS).optional(),
    from: z.string().regex(isoDate, 'Use a date like 2026-11-01.').optional(),
    to: z.string().regex(isoDate, 'Use a date like 2026-11-30.').optional(),
    teamId: z.string().max(100).optional(),
    format: z.enum(['json', 'csv']).default('json'),
    table: z.string().max(40).optional(),
  })
  .refine((q) => !(q.period && (q.from || q.to)), { message: 'Use either period or from/to, not both.', path: ['period'] })
  .refine((q) => !q.from === !q.to, { message: 'A custom range needs both from and to.', path: ['from'] })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to".', path: ['from'] })
  .refine((q) => q.format !== 'csv' || !!q.table, { message: 'CSV export needs table=<name>.', path: ['table'] });

const durations = z.object({ count: z.number().int(), medianHours: z.number().nullable(), p90Hours: z.number().nullable() });
const teamRef = z.object({ id: z.string(), slug: z.string(), name: z.string() });

export const dashboard = z.object({
  period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  team: teamRef.nullable(),
  issuesByStatus: z.record(z.enum(ISSUE_STATUSES), z.number().int()),
  issuesByKind: z.record(z.enum(ISSUE_KINDS), z.number().int()),
  timeToClaim: durations,
  timeToResolve: durations,
  resolveTrend: z.array(z.object({ week: z.string(), resolved: z.number().int(), medianHours: z.number().nullable() })),
  openByAge: z.array(z.object({ bucket: z.string(), count: z.number().int(), pastTarget: z.number().int() })),
  pastTarget: z.array(z.object({ team: teamRef, targetDays: z.number().int(), open: z.number().int(), pastTarget: z.number().int() })),
  topIssues: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(ISSUE_STATUSES), team: teamRef.nullable(), evidence: z.number().int(), customers: z.number().int() })),
  insightsByChannel: z.record(z.enum(CHANNELS), z.number().int()),
  insightsBySentiment: z.record(z.enum(SENTIMENTS), z.number().int()),
  insightsByWeek: z.array(z.object({ week: z.string(), count: z.number().int() })),
  silo: z.object({
    threads: z.number().int(),
    crossTeam: z.number().int(),
    /** Share of threads in the period in which two or more teams took part (0..1), null without threads. */
    index: z.number().nullable(),
    trend: z.array(z.object({ week: z.string(), threads: z.number().int(), crossTeam: z.number().int(), index: z.number().nullable() })),
  }),
  teams: z.array(teamRef.extend({ threads: z.number().int(), replies: z.number().int() })),
  /** from (the team that replied or was pulled in) → to (the team that started the thread): how often. */
  interactions: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int() })),
});
export type Dashboard = z.infer<typeof dashboard>;

/** Tables a CSV export can name. */
export const DASHBOARD_TABLES = ['issuesByStatus', 'issuesByKind', 'resolveTrend', 'openByAge', 'pastTarget', 'topIssues', 'insightsByChannel', 'insightsBySentiment', 'insightsByWeek', 'siloTrend', 'interactions', 'teams'] as const;
