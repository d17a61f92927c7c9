import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LoadSettings, Measurement } from './load.js';
import type { Goal } from './scenario.js';

export interface BenchSettings extends LoadSettings {
  /** Generated insights per server (BENCH_INSIGHTS); 0 when no selected scenario needs them. */
  insights: number;
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

export interface DatasetReport {
  /** Generated insights per server. */
  insights: number;
  /** Seconds each server took to generate them. */
  seconds: { baseline: number | null; product: number | null };
}

export interface Report {
  startedAt: string;
  finishedAt: string;
  node: string;
  platform: string;
  cpus: number;
  settings: BenchSettings;
  dataset: DatasetReport | null;
  ok: boolean;
  /** Failures outside any one scenario (a server that did not start or died). */
  problems: string[];
  scenarios: ScenarioResult[];
}

const num = (n: number | undefined, digits = 0): string => (n === undefined ? '—' : n.toFixed(digits));
/** autocannon records latencies in whole milliseconds: 0 means under 1 ms. */
const ms = (n: number | undefined): string => (n === undefined ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(1));
const pct = (r: number) => `${(r * 100).toFixed(0)}%`;

const p99Applies = (goal: Goal, connections: number) =>
  goal.p99Ms !== undefined && (goal.p99AtConnections === undefined || goal.p99AtConnections === connections);

/** Marks a row against its scenario's goal: the ratio at every concurrency, p99 only at the goal's. */
export function judge(result: ScenarioResult): void {
  const { goal, ratio, product, connections } = result;
  result.missed = [];
  result.verdict = null;
  if (!goal || ratio === null || !product) return;
  if (goal.ratio !== undefined && ratio < goal.ratio) result.missed.push(`ratio ${pct(ratio)} < ${pct(goal.ratio)}`);
  if (p99Applies(goal, connections) && product.latency.p99 > (goal.p99Ms as number)) {
    result.missed.push(`p99 ${ms(product.latency.p99)} ms > ${goal.p99Ms} ms`);
  }
  result.verdict = result.missed.length === 0 ? 'PASS' : 'MISS';
}

function goalText(goal: Goal | null, connections: number): string {
  if (!goal) return '—';
  const parts = [goal.ratio !== undefined ? `≥${pct(goal.ratio)}` : '', p99Applies(goal, connections) ? `p99≤${goal.p99Ms}` : ''];
  return parts.filter(Boolean).join(', ') || '—';
}

function verdictText(s: ScenarioResult): string {
  if (!s.verdict) return s.goal ? '?' : '—';
  if (s.verdict === 'PASS') return 'PASS';
  const what = s.missed.map((m) => m.split(' ')[0]).join('+');
  return `MISS (${what})`;
}

/** The table printed at the end of a run. */
export function formatTable(report: Report): string {
  const header = ['scenario', 'conns', 'baseline req/s', 'product req/s', 'product/baseline', 'base p50 ms', 'base p99 ms', 'prod p50 ms', 'prod p99 ms', 'goal', 'result'];
  const rows = report.scenarios.map((s) => [
    s.problems.length > 0 ? `${s.name} (!)` : s.name,
    String(s.connections),
    num(s.baseline?.rps),
    num(s.product?.rps),
    s.ratio === null ? '—' : pct(s.ratio),
    ms(s.baseline?.latency.p50),
    ms(s.baseline?.latency.p99),
    ms(s.product?.latency.p50),
    ms(s.product?.latency.p99),
    goalText(s.goal, s.connections),
    verdictText(s),
  ]);
  const last = header.length - 1;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === last ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  const { seconds, warmupSeconds } = report.settings;
  out.push('', `${seconds}s measured after ${warmupSeconds}s warm-up per row and server; latency in whole ms; node ${report.node}, ${report.cpus} CPUs.`);
  if (report.dataset) {
    const { insights, seconds: took } = report.dataset;
    const s = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)} s`);
    out.push(`Insights dataset: ${insights.toLocaleString('en')} generated per server, in ${s(took.baseline)} (baseline) and ${s(took.product)} (product).`);
  }
  const goals = [...new Map(report.scenarios.filter((s) => s.goal).map((s) => [s.name, s.goal as Goal])).entries()];
  if (goals.length > 0) {
    const sources = [...new Set(goals.map(([, g]) => g.source).filter(Boolean))];
    out.push(`Goals${sources.length > 0 ? ` (from ${sources.join(', ')})` : ''}, informational — a MISS does not fail the run:`);
    for (const [name, g] of goals) {
      const parts = [
        g.ratio !== undefined ? `product ≥ ${pct(g.ratio)} of the baseline's req/s` : '',
        g.p99Ms !== undefined ? `product p99 ≤ ${g.p99Ms} ms${g.p99AtConnections !== undefined ? ` at ${g.p99AtConnections} connections` : ''}` : '',
      ].filter(Boolean);
      out.push(`  ${name}: ${parts.join('; ')}`);
    }
  }
  for (const s of report.scenarios) for (const m of s.missed) out.push(`MISS ${s.name} @${s.connections}: ${m}`);
  for (const s of report.scenarios) for (const p of s.problems) out.push(`(!) ${s.name} @${s.connections}: ${p}`);
  for (const p of report.problems) out.push(`(!) ${p}`);
  return out.join('\n');
}

export function writeReport(file: string, report: Report): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
