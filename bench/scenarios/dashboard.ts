import { fixtureOf, type Scenario } from '../scenario.js';

const NAME = 'GET /api/dashboard?period=90d';

interface DashboardBody {
  insightsByWeek?: unknown[];
  silo?: { threads?: number; crossTeam?: number };
  interactions?: unknown[];
  timeToResolve?: { count?: number };
}

/**
 * The leads' dashboard for the last 90 days over a workspace of
 * BENCH_DASHBOARD_INSIGHTS insights and BENCH_DASHBOARD_ISSUES issues. Product
 * only: a dozen aggregate queries have no bare equivalent worth measuring, so
 * the row is judged on its p99 alone.
 */
export const dashboard: Scenario = {
  name: NAME,
  measures:
    'GET /api/dashboard?period=90d as the demo lead over the dashboard workspace: issue counts and durations, open issues by age and team target, top issues, insights by channel, sentiment and week, the silo index and the team interaction matrix. Product only',
  group: 'dashboard',
  dataset: 'dashboard',
  connections: [10],
  goal: { p99Ms: 150, p99AtConnections: 10, source: "the dashboard's issue" },

  async plan(target) {
    const sizes = fixtureOf(target, 'dashboard', NAME);
    const cookie = await target.signIn(target.lead);
    return {
      request: { method: 'GET', path: '/api/dashboard?period=90d', headers: { cookie } },
      // The figures the dataset is there to feed (tiny datasets may legitimately lack some).
      check(text) {
        const body = JSON.parse(text) as DashboardBody;
        if (!body.insightsByWeek?.length) return 'no insights by week: the dataset has nothing in the last 90 days?';
        if (sizes.last90Days >= 100 && (!body.silo?.threads || !body.silo.crossTeam)) return `silo index without data (${JSON.stringify(body.silo)})`;
        if (sizes.last90Days >= 100 && !body.interactions?.length) return 'no team interactions';
        if (sizes.issues >= 200 && !body.timeToResolve?.count) return 'no issues resolved in the period';
        return null;
      },
    };
  },
};
