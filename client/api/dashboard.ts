import { DASHBOARD_PERIODS, DASHBOARD_TABLES, dashboard, type Dashboard } from '../../shared/dashboard.js';
import { ApiError, api } from './http.js';

export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

/** What the dashboard shows: a preset period or a custom range of dates (both inclusive), overall or for one team. */
export type DashboardSelection =
  | { period: DashboardPeriod; from?: undefined; to?: undefined; teamId: string }
  | { period?: undefined; from: string; to: string; teamId: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The selection in a page URL: `?period=90d`, or `?from=2026-11-01&to=2026-11-30`, and `team=<id>`; 30 days by default. */
export function selectionFromQuery(query: URLSearchParams): DashboardSelection {
  const teamId = query.get('team')?.trim() ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  if (ISO_DATE.test(from) && ISO_DATE.test(to)) return { from, to, teamId };
  const period = query.get('period') ?? '';
  return { period: (DASHBOARD_PERIODS as readonly string[]).includes(period) ? (period as DashboardPeriod) : '30d', teamId };
}

/** The page URL's search for a selection (`?period=…&team=…`); 30 days overall is the bare `/dashboard`. */
export function searchOfSelection(selection: DashboardSelection): string {
  const params = new URLSearchParams();
  if (selection.from !== undefined) {
    params.set('from', selection.from);
    params.set('to', selection.to);
  } else if (selection.period !== '30d') {
    params.set('period', selection.period);
  }
  if (selection.teamId) params.set('team', selection.teamId);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The API's query for a selection. */
function apiQuery(selection: DashboardSelection): Record<string, string> {
  const query: Record<string, string> = selection.from !== undefined ? { from: selection.from, to: selection.to } : { period: selection.period };
  if (selection.teamId) query.teamId = selection.teamId;
  return query;
}

/** GET /api/dashboard for a selection, checked against the shared schema. Members get a 403. */
export async function getDashboard(selection: DashboardSelection, signal?: AbortSignal): Promise<Dashboard> {
  const body = await api.get<unknown>('/dashboard', apiQuery(selection), { signal });
  const parsed = dashboard.safeParse(body);
  if (!parsed.success) throw new ApiError(200, 'bad_response', 'The dashboard arrived in a shape the app could not read. Reload and try again.');
  return parsed.data;
}

/** Where one table of the dashboard downloads as CSV (a plain link: the session cookie goes along). */
export function dashboardCsvUrl(selection: DashboardSelection, table: DashboardTable): string {
  const params = new URLSearchParams({ ...apiQuery(selection), format: 'csv', table });
  return `/api/dashboard?${params.toString()}`;
}
