import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LoadSettings, Measurement } from './load.js';
import type { Goal } from './scenario.js';

export interface BenchSettings extends LoadSettings {
  /** Generated insights per server (BENCH_INSIGHTS); 0 when no selected scenario needs them. */
  insights: number;
  /** Generated issues for the issue list (BENCH_ISSUES); 0 when not selected. */
  issues: number;
  /** Issues claimed in each measured claim race (BENCH_CLAIM_ISSUES). */
  claimIssues: number;
  /** Dashboard workspace (BENCH_DASHBOARD_INSIGHTS, BENCH_DASHBOARD_ISSUES). */
  dashboard: { insights: number; issues: number };
  /** Live clients per fan-out step (BENCH_FANOUT) and events per step (BENCH_FANOUT_EVENTS). */
  fanout: number[];
  fanoutEvents: number;
  /** Whether the full-text index was built over the insights dataset (BENCH_SEARCH_INDEX). */
  searchIndex: boolean;
}

export interface ScenarioResult {
  name: string;
  measures: string;
  /** Concurrent connections of this row. */
  connections: number;
  baseline: Measurement | null;
  product: Measurement | null;
  /** product req/s ÷ baseline req/s, when both ran. */
  ratio: number | null;
  /** The scenario's goal, when it has one. */
  goal: Goal | null;
  /** PASS or MISS against the goal (informational), null without a goal or numbers. */
  verdict: 'PASS' | 'MISS' | null;
  /** What the row missed, e.g. "ratio 52% < 60%". */
  missed: string[];
  /** Why the scenario's numbers are missing or not of successful requests. */
  problems: string[];
}

/** A measurement that is not a row of requests per second: a delivery latency, memory, a build time, a count. */
export interface MetricResult {
  scenario: string;
  metric: string;
  /** Unit of `baseline` and `product`, e.g. 'ms', 'KiB', 's', '%'. */
  unit: string;
  baseline: number | null;
  product: number | null;
  /** Overrides how the values print (e.g. "3 → 9 ms (3.0×)"). */
  shown?: { baseline?: string; product?: string };
  /** Judged on `product`: at most `max`, at least `min`. */
  goal: { max?: number; min?: number; text: string; source?: string } | null;
  verdict: 'PASS' | 'MISS' | null;
  /** More detail, printed below the tables. */
  note?: string;
}

export interface DatasetReport {
  /** Which environment (pair of servers) generated it, e.g. 'insights'. */
  name: string;
  /** What was generated, in words. */
  description: string;
  /** Seconds each server took to generate it (null: that server did not). */
  seconds: { baseline: number | null; product: number | null };
}

export interface Report {
  startedAt: string;
  finishedAt: string;
  node: string;
  platform: string;
  cpus: number;
  settings: BenchSettings;
  datasets: DatasetReport[];
  ok: boolean;
  /** Failures outside any one scenario (a server that did not start or died). */
  problems: string[];
  scenarios: ScenarioResult[];
  metrics: MetricResult[];
}

const num = (n: number | undefined, digits = 0): string => (n === undefined ? '—' : n.toFixed(digits));
/** autocannon records latencies in whole milliseconds: 0 means under 1 ms. */
const ms = (n: number | undefined): string => (n === undefined ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(1));
const pct = (r: number) => `${(r * 100).toFixed(0)}%`;
/** p99, with the requests that got no answer within autocannon's 10 s (they are in no percentile). */
const p99Cell = (m: Measurement | null | undefined): string => {
  if (!m) return '—';
  // Nothing answered within the run: slower than the run is long (the probe showed it answers at all).
  if (m.requests === 0) return `>${m.seconds.toFixed(0)}s${m.timeouts > 0 ? ` +${m.timeouts} t/o` : ''}`;
  return m.timeouts > 0 ? `${ms(m.latency.p99)} +${m.timeouts} t/o` : ms(m.latency.p99);
};

const p99Applies = (goal: Goal, connections: number) =>
  goal.p99Ms !== undefined && (goal.p99AtConnections === undefined || goal.p99AtConnections === connections);

/** Marks a row against its scenario's goal: the ratio at every concurrency, p99 only at the goal's. */
export function judge(result: ScenarioResult): void {
  const { goal, ratio, product, connections } = result;
  result.missed = [];
  result.verdict = null;
  if (!goal || !product) return;
  if (goal.ratio !== undefined) {
    if (ratio === null) return;
    if (ratio < goal.ratio) result.missed.push(`ratio ${pct(ratio)} < ${pct(goal.ratio)}`);
  }
  if (p99Applies(goal, connections)) {
    // Requests that timed out (autocannon: 10 s) are in no percentile: any of them misses a p99 goal.
    if (product.requests === 0) result.missed.push(`unanswered (nothing answered within the ${product.seconds.toFixed(0)} s run)`);
    else if (product.timeouts > 0) result.missed.push(`timeouts (${product.timeouts} requests got no answer within 10 s)`);
    else if (product.latency.p99 > (goal.p99Ms as number)) result.missed.push(`p99 ${ms(product.latency.p99)} ms > ${goal.p99Ms} ms`);
  }
  if (goal.ratio === undefined && !p99Applies(goal, connections)) return;
  result.verdict = result.missed.length === 0 ? 'PASS' : 'MISS';
}

/** A measurement line, judged against its goal. */
export function metric(m: Omit<MetricResult, 'verdict' | 'goal'> & { goal?: MetricResult['goal'] }): MetricResult {
  const goal = m.goal ?? null;
  let verdict: MetricResult['verdict'] = null;
  if (goal && m.product !== null && Number.isFinite(m.product)) {
    const ok = (goal.max === undefined || m.product <= goal.max) && (goal.min === undefined || m.product >= goal.min);
    verdict = ok ? 'PASS' : 'MISS';
  }
  return { ...m, goal, verdict };
}

function goalText(goal: Goal | null, connections: number): string {
  if (!goal) return '—';
  const parts = [goal.ratio !== undefined ? `≥${pct(goal.ratio)}` : '', p99Applies(goal, connections) ? `p99≤${goal.p99Ms}` : ''];
  return parts.filter(Boolean).join(', ') || '—';
}

function verdictText(s: ScenarioResult): string {
  if (!s.verdict) return s.goal && (s.goal.ratio !== undefined || p99Applies(s.goal, s.connections)) ? '?' : '—';
  if (s.verdict === 'PASS') return 'PASS';
  const what = s.missed.map((m) => m.split(' ')[0]).join('+');
  return `MISS (${what})`;
}

/** Right-aligned columns except the first and last; a rule under the header. */
function grid(header: string[], rows: string[][], leftAligned: readonly number[] = [0, header.length - 1]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (leftAligned.includes(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

const value = (n: number | null, unit: string, shown: string | undefined): string => {
  if (shown !== undefined) return shown;
  if (n === null || !Number.isFinite(n)) return '—';
  const digits = unit === '%' || Math.abs(n) >= 100 || Number.isInteger(n) ? 0 : 1;
  return `${n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })}${unit ? ` ${unit}` : ''}`;
};

/** The tables printed at the end of a run. */
export function formatTable(report: Report): string {
  const out: string[] = [];
  if (report.scenarios.length > 0) {
    const header = ['scenario', 'conns', 'baseline req/s', 'product req/s', 'product/baseline', 'base p50 ms', 'base p99 ms', 'prod p50 ms', 'prod p99 ms', 'goal', 'result'];
    const rows = report.scenarios.map((s) => [
      s.problems.length > 0 ? `${s.name} (!)` : s.name,
      String(s.connections),
      num(s.baseline?.rps),
      num(s.product?.rps),
      s.ratio === null ? '—' : pct(s.ratio),
      s.baseline?.requests === 0 ? '—' : ms(s.baseline?.latency.p50),
      p99Cell(s.baseline),
      s.product?.requests === 0 ? '—' : ms(s.product?.latency.p50),
      p99Cell(s.product),
      goalText(s.goal, s.connections),
      verdictText(s),
    ]);
    out.push(...grid(header, rows));
    const { seconds, warmupSeconds } = report.settings;
    out.push('', `${seconds}s measured after ${warmupSeconds}s warm-up per row and server (fixed request counts where a row says so); latency in whole ms; node ${report.node}, ${report.cpus} CPUs.`);
  }
  if (report.metrics.length > 0) {
    if (out.length > 0) out.push('');
    const header = ['scenario', 'measurement', 'baseline', 'product', 'goal', 'result'];
    const rows = report.metrics.map((m) => [
      m.scenario,
      m.metric,
      value(m.baseline, m.unit, m.shown?.baseline),
      value(m.product, m.unit, m.shown?.product),
      m.goal?.text ?? '—',
      m.verdict ?? '—',
    ]);
    out.push(...grid(header, rows, [0, 1, 4, 5]));
    const notes = report.metrics.filter((m) => m.note);
    if (notes.length > 0) out.push('', ...notes.map((m) => `  ${m.scenario} · ${m.metric}: ${m.note}`));
  }
  if (report.datasets.length > 0) {
    const s = (n: number) => `${n.toFixed(1)} s`;
    out.push('', 'Datasets (generated per run, in each server before it listens):');
    for (const d of report.datasets) {
      const took = [d.seconds.baseline === null ? '' : `${s(d.seconds.baseline)} (baseline)`, d.seconds.product === null ? '' : `${s(d.seconds.product)} (product)`].filter(Boolean);
      out.push(`  ${d.name}: ${d.description}${took.length > 0 ? `, in ${took.join(' and ')}` : ''}.`);
    }
  }
  const goals = [...new Map(report.scenarios.filter((s) => s.goal).map((s) => [s.name, s.goal as Goal])).entries()];
  const sources = [...new Set([...goals.map(([, g]) => g.source), ...report.metrics.map((m) => m.goal?.source)].filter(Boolean))];
  if (goals.length > 0 || report.metrics.some((m) => m.goal)) {
    out.push('', `Goals${sources.length > 0 ? ` (from ${sources.join(', ')})` : ''}, informational — a MISS does not fail the run:`);
    for (const [name, g] of goals) {
      const parts = [
        g.ratio !== undefined ? `product ≥ ${pct(g.ratio)} of the baseline's req/s` : '',
        g.p99Ms !== undefined ? `product p99 ≤ ${g.p99Ms} ms${g.p99AtConnections !== undefined ? ` at ${g.p99AtConnections} connections` : ''}` : '',
      ].filter(Boolean);
      out.push(`  ${name}: ${parts.join('; ')}`);
    }
    if (report.metrics.some((m) => m.goal)) out.push('  measurements: the goal column of their table, judged on the product\'s value');
  }
  for (const s of report.scenarios) for (const m of s.missed) out.push(`MISS ${s.name} @${s.connections}: ${m}`);
  for (const m of report.metrics) {
    if (m.verdict === 'MISS') out.push(`MISS ${m.scenario}: ${m.metric} ${value(m.product, m.unit, m.shown?.product)} (goal ${m.goal?.text})`);
  }
  for (const s of report.scenarios) for (const p of s.problems) out.push(`(!) ${s.name} @${s.connections}: ${p}`);
  for (const p of report.problems) out.push(`(!) ${p}`);
  return out.join('\n');
}

export function writeReport(file: string, report: Report): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
