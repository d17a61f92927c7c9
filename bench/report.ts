import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LoadSettings, Measurement } from './load.js';

export interface ScenarioResult {
  name: string;
  measures: string;
  baseline: Measurement | null;
  product: Measurement | null;
  /** product req/s ÷ baseline req/s, when both ran. */
  ratio: number | null;
  /** Why the scenario's numbers are missing or not of successful requests. */
  problems: string[];
}

export interface Report {
  startedAt: string;
  finishedAt: string;
  node: string;
  platform: string;
  cpus: number;
  settings: LoadSettings;
  ok: boolean;
  /** Failures outside any one scenario (a server that did not start or died). */
  problems: string[];
  scenarios: ScenarioResult[];
}

const num = (n: number | undefined, digits = 0): string => (n === undefined ? '—' : n.toFixed(digits));
/** autocannon records latencies in whole milliseconds: 0 means under 1 ms. */
const ms = (n: number | undefined): string => (n === undefined ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The table printed at the end of a run. */
export function formatTable(report: Report): string {
  const header = ['scenario', 'baseline req/s', 'product req/s', 'product/baseline', 'base p50 ms', 'base p99 ms', 'prod p50 ms', 'prod p99 ms'];
  const rows = report.scenarios.map((s) => [
    s.problems.length > 0 ? `${s.name} (!)` : s.name,
    num(s.baseline?.rps),
    num(s.product?.rps),
    s.ratio === null ? '—' : `${(s.ratio * 100).toFixed(0)}%`,
    ms(s.baseline?.latency.p50),
    ms(s.baseline?.latency.p99),
    ms(s.product?.latency.p50),
    ms(s.product?.latency.p99),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  const { seconds, connections, warmupSeconds } = report.settings;
  out.push('', `${connections} connections, ${seconds}s measured after ${warmupSeconds}s warm-up per scenario and server; latency in whole ms; node ${report.node}, ${report.cpus} CPUs.`);
  for (const s of report.scenarios) for (const p of s.problems) out.push(`(!) ${s.name}: ${p}`);
  for (const p of report.problems) out.push(`(!) ${p}`);
  return out.join('\n');
}

export function writeReport(file: string, report: Report): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
