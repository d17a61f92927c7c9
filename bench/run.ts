/**
 * `npm run bench`: every scenario against a bare Fastify + better-sqlite3
 * baseline and against the product, each server in its own child process,
 * load from this one. Scenarios that need the same dataset share one pair of
 * servers; each dataset gets a fresh pair, started when its first scenario
 * runs and stopped after its last. Prints the tables and writes
 * bench/results/latest.json. Exits non-zero only when something failed (a
 * server, a probe, error responses), never because numbers are low. See
 * bench/README.md.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../db/seed/demo.js';
import type { BaselineOptions } from './baseline/server.js';
import { killAllChildren, startChild, type ChildServer } from './children.js';
import { SEARCH_WORDS, type SearchWord } from './dataset/content.js';
import type { ChildInfo, DatasetName, DatasetOptions } from './dataset/fixtures.js';
import { measure, measurementProblem } from './load.js';
import type { ProductOptions } from './product.js';
import { formatTable, judge, metric, writeReport, type BenchSettings, type DatasetReport, type MetricResult, type Report, type ScenarioResult } from './report.js';
import type { Accounts, AnyScenario, Credentials, CustomScenario, LoadPlan, Scenario, Target } from './scenario.js';
import { claimPoolSize } from './scenarios/claim-race.js';
import { scenarios } from './scenarios/index.js';
import { target } from './targets.js';

const RESULTS_FILE = fileURLToPath(new URL('./results/latest.json', import.meta.url));
const SEARCH_BUILD_GOAL_S = 60;

function numberFromEnv(name: string, fallback: number, { min, integer }: { min: number; integer: boolean }): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new Error(`${name} must be ${integer ? 'a whole number' : 'a number'} of at least ${min}, got "${raw}"`);
  }
  return n;
}

function numbersFromEnv(name: string, fallback: number[], min: number): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const list = raw.split(',').map((s) => Number(s.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < min)) throw new Error(`${name} must be a comma-separated list of whole numbers of at least ${min}, got "${raw}"`);
  return list;
}

function readSettings(selected: readonly AnyScenario[]): BenchSettings {
  const search = process.env.BENCH_SEARCH_INDEX?.trim();
  if (search && !['0', '1'].includes(search)) throw new Error(`BENCH_SEARCH_INDEX must be 0 or 1, got "${search}"`);
  return {
    seconds: numberFromEnv('BENCH_SECONDS', 5, { min: 1, integer: false }),
    connections: numberFromEnv('BENCH_CONNECTIONS', 10, { min: 1, integer: true }),
    warmupSeconds: numberFromEnv('BENCH_WARMUP_SECONDS', 1, { min: 0, integer: false }),
    // A page of 50 after a cursor needs more than 50 rows; below ~1,000 the numbers mean little.
    insights: numberFromEnv('BENCH_INSIGHTS', 1_000_000, { min: 100, integer: true }),
    // The first page of 50 by priority needs more than 50 issues.
    issues: numberFromEnv('BENCH_ISSUES', 10_000, { min: 100, integer: true }),
    claimIssues: numberFromEnv('BENCH_CLAIM_ISSUES', 2_000, { min: 10, integer: true }),
    dashboard: {
      insights: numberFromEnv('BENCH_DASHBOARD_INSIGHTS', 100_000, { min: 100, integer: true }),
      issues: numberFromEnv('BENCH_DASHBOARD_ISSUES', 10_000, { min: 10, integer: true }),
    },
    fanout: numbersFromEnv('BENCH_FANOUT', [1_000, 5_000], 1),
    fanoutEvents: numberFromEnv('BENCH_FANOUT_EVENTS', 50, { min: 1, integer: true }),
    // Built when a search scenario runs, unless BENCH_SEARCH_INDEX says otherwise.
    searchIndex: search ? search === '1' : selected.some((s) => s.group === 'search'),
  };
}

/** BENCH_ONLY: scenario names (as in the table) or group names (e.g. `search`), comma-separated. */
function selectScenarios(): readonly AnyScenario[] {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!only?.length) return scenarios;
  const groups = new Set(scenarios.flatMap((s) => (s.group ? [s.group] : [])));
  const unknown = only.filter((name) => !scenarios.some((s) => s.name === name) && !groups.has(name));
  if (unknown.length > 0) {
    throw new Error(`BENCH_ONLY names no scenario or group ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}; groups: ${[...groups].join(', ')}`);
  }
  return scenarios.filter((s) => only.includes(s.name) || (s.group !== undefined && only.includes(s.group)));
}

/** One pair of servers (or a custom scenario's own processes) and what runs against it. */
interface Environment {
  name: string;
  dataset: DatasetName | null;
  http: Scenario[];
  custom: CustomScenario | null;
}

function environmentsOf(selected: readonly AnyScenario[]): Environment[] {
  const envs = new Map<string, Environment>();
  for (const s of selected) {
    if (s.kind === 'custom') {
      envs.set(`custom:${s.name}`, { name: s.name, dataset: null, http: [], custom: s });
      continue;
    }
    const name = s.dataset ?? 'core';
    const env = envs.get(name) ?? { name, dataset: s.dataset ?? null, http: [], custom: null };
    env.http.push(s);
    envs.set(name, env);
  }
  return [...envs.values()];
}

function datasetOptions(env: Environment, settings: BenchSettings): DatasetOptions {
  switch (env.dataset) {
    case 'insights':
      return { insights: settings.insights, searchIndex: settings.searchIndex };
    case 'issues':
      return { issues: settings.issues };
    case 'claims': {
      const rows = env.http.filter((s) => s.dataset === 'claims').reduce((n, s) => n + (s.connections?.length ?? 1), 0);
      return { claims: claimPoolSize(settings.claimIssues, rows) };
    }
    case 'dashboard':
      return { dashboard: settings.dashboard };
    default:
      return {};
  }
}

function describeDatasets(env: Environment, d: DatasetOptions, infos: { baseline: ChildInfo | null; product: ChildInfo | null }): DatasetReport[] {
  const n = (x: number) => x.toLocaleString('en');
  const out: DatasetReport[] = [];
  const secondsOf = (pick: (i: ChildInfo) => number | undefined) => ({
    baseline: infos.baseline ? (pick(infos.baseline) ?? null) : null,
    product: infos.product ? (pick(infos.product) ?? null) : null,
  });
  if (d.insights) out.push({ name: env.name, description: `${n(d.insights)} insights`, seconds: secondsOf((i) => i.insights?.seconds) });
  if (d.searchIndex) {
    const search = infos.product?.search;
    const words = search
      ? `; insights matching ${Object.entries(SEARCH_WORDS)
          .map(([k, w]) => `<${k}> "${w}": ${n(search.counts[k as SearchWord])}`)
          .join(', ')}`
      : '';
    out.push({ name: env.name, description: `full-text index${search ? ` (${n(search.docs)} documents in the product${words})` : ''}`, seconds: secondsOf((i) => i.search?.seconds) });
  }
  if (d.issues) {
    const evidence = infos.product?.issues?.evidence;
    out.push({ name: env.name, description: `${n(d.issues)} issues${evidence !== undefined ? ` (${n(evidence)} evidence links in the product)` : ''}`, seconds: secondsOf((i) => i.issues?.seconds) });
  }
  if (d.claims) out.push({ name: env.name, description: `${n(d.claims)} open issues to claim`, seconds: secondsOf((i) => i.claims?.seconds) });
  if (d.dashboard) {
    const f = infos.product?.dashboard;
    const detail = f
      ? ` (${n(f.last90Days)} in the last 90 days, ${n(f.replies)} replies, thread teams via author/reply/mention ${n(f.threadTeams.author)}/${n(f.threadTeams.reply)}/${n(f.threadTeams.mention)})`
      : '';
    out.push({ name: env.name, description: `${n(d.dashboard.insights)} insights over a year${detail} and ${n(d.dashboard.issues)} issues, product only`, seconds: secondsOf((i) => i.dashboard?.seconds) });
  }
  return out;
}

/** Adds a measurement line; a line of the same scenario and measurement fills the other server's value (each server's plan reports its own). */
function addMetric(metrics: MetricResult[], m: MetricResult): void {
  const same = metrics.find((x) => x.scenario === m.scenario && x.metric === m.metric);
  if (!same) {
    metrics.push(m);
    return;
  }
  const merged = metric({
    ...same,
    baseline: same.baseline ?? m.baseline,
    product: same.product ?? m.product,
    shown: { ...m.shown, ...same.shown },
    goal: same.goal ?? m.goal,
    note: [same.note, m.note].filter(Boolean).join('; ') || undefined,
  });
  metrics.splice(metrics.indexOf(same), 1, merged);
}

const log = (line: string) => process.stderr.write(`${line}\n`);

const root = mkdtempSync(join(tmpdir(), 'frontline-bench-'));
const cleanUp = () => {
  killAllChildren();
  rmSync(root, { recursive: true, force: true });
};
// However the run ends, no server outlives it and no temp data stays behind.
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    log(`\nbench: ${signal}, stopping the servers`);
    process.exit(130);
  });
}

async function runHttp(env: Environment, settings: BenchSettings, accounts: Accounts, productFlags: string[], report: Report): Promise<void> {
  const d = datasetOptions(env, settings);
  const needsBaseline = env.http.some((s) => s.baseline);
  const dir = join(root, env.name);
  mkdirSync(dir, { recursive: true });
  const sizes = (d.insights ?? 0) + (d.dashboard?.insights ?? 0);
  // Generation runs before a server listens: allow for it (~30 s per million here, the search index as much again; slower machines need more).
  const timeoutMs = 120_000 + sizes * (d.searchIndex ? 0.6 : 0.3) + (d.issues ?? 0) * 2 + (d.claims ?? 0) * 2;
  const what = describeDatasets(env, d, { baseline: null, product: null }).map((x) => x.description);
  log(`bench: ${env.name}: starting ${needsBaseline ? 'the baseline and the product' : 'the product'} (data in ${dir})${what.length > 0 ? `, generating ${what.join(', ')}` : ''}`);
  const started = await Promise.allSettled([
    needsBaseline
      ? startChild('baseline', fileURLToPath(new URL('./baseline/server.ts', import.meta.url)), {
          dataDir: dir,
          accounts,
          scenarios: env.http.map((s) => s.name),
          datasets: d,
        } satisfies BaselineOptions, { timeoutMs })
      : Promise.resolve(null),
    startChild('product', fileURLToPath(new URL('./product.ts', import.meta.url)), { dataDir: join(dir, 'product'), datasets: d } satisfies ProductOptions, {
      timeoutMs,
      execArgv: productFlags,
    }),
  ]);
  const [baseline, product] = started.map((s) => (s.status === 'fulfilled' ? s.value : null)) as [ChildServer | null, ChildServer | null];
  for (const s of started) if (s.status === 'rejected') report.problems.push(`${env.name}: ${String((s.reason as Error)?.message ?? s.reason)}`);
  report.datasets.push(...describeDatasets(env, d, { baseline: baseline?.info ?? null, product: product?.info ?? null }));
  if (d.searchIndex && product?.info.search) {
    addMetric(
      report.metrics,
      metric({
        scenario: 'search index',
        metric: `rebuild over ${settings.insights.toLocaleString('en')} insights`,
        unit: 's',
        baseline: baseline?.info.search?.seconds ?? null,
        product: product.info.search.seconds,
        goal: { max: SEARCH_BUILD_GOAL_S, text: `≤ ${SEARCH_BUILD_GOAL_S} s`, source: 'issue 7' },
        note: `product: searchIndexer.rebuild() (copies insights, replies, issues and customers into search_docs, then FTS5 'rebuild'), ${product.info.search.docs.toLocaleString('en')} documents; baseline: FTS5 'rebuild' of an external-content table over its insights`,
      }),
    );
  }

  try {
    if (!product || (needsBaseline && !baseline)) return;
    const servers: [Target, ChildServer][] = [
      ...(baseline ? [[target('baseline', baseline.url, accounts, baseline.info), baseline] as [Target, ChildServer]] : []),
      [target('product', product.url, accounts, product.info), product],
    ];
    for (const scenario of env.http) {
      // One plan per server (one sign-in, one sequence of requests) for all the scenario's rows.
      const plans = new Map<Target['kind'], Promise<LoadPlan>>();
      for (const connections of scenario.connections ?? [settings.connections]) {
        const result: ScenarioResult = {
          name: scenario.name,
          measures: scenario.measures,
          connections,
          baseline: null,
          product: null,
          ratio: null,
          goal: scenario.goal ?? null,
          verdict: null,
          missed: [],
          problems: [],
        };
        const label = `${scenario.name} @${connections}`;
        for (const [t, server] of servers) {
          if (t.kind === 'baseline' && !scenario.baseline) continue;
          try {
            if (server.exit()) throw new Error(`${server.name} is not running (${server.exit()})`);
            log(`bench: ${label} · ${t.kind} …`);
            if (!plans.has(t.kind)) plans.set(t.kind, scenario.plan(t));
            const plan = await (plans.get(t.kind) as Promise<LoadPlan>);
            const measured = await measure(t, plan, { ...settings, connections }, log);
            // Numbers from a server that died mid-run are not worth printing.
            if (server.exit()) throw new Error(`${server.name} ${server.exit()} during the run`);
            const problem = measurementProblem(measured);
            if (problem) result.problems.push(`${t.kind}: ${problem}`);
            result[t.kind] = measured;
            const settled = plan.settle?.(measured);
            for (const p of settled?.problems ?? []) result.problems.push(`${t.kind}: ${p}`);
            for (const m of settled?.metrics ?? []) addMetric(report.metrics, m);
            log(`bench: ${label} · ${t.kind}: ${measured.rps.toFixed(0)} req/s, p99 ${measured.latency.p99} ms`);
          } catch (err) {
            result.problems.push(`${t.kind}: ${(err as Error).message}`);
            log(`bench: ${label} · ${t.kind} failed: ${(err as Error).message}`);
          }
        }
        if (result.baseline && result.product && result.baseline.rps > 0) result.ratio = result.product.rps / result.baseline.rps;
        judge(result);
        report.scenarios.push(result);
        for (const m of scenario.metrics?.(result, product.info) ?? []) addMetric(report.metrics, m);
      }
    }
  } finally {
    await Promise.all([baseline?.stop(), product?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runCustom(env: Environment, settings: BenchSettings, accounts: Accounts, productFlags: string[], report: Report): Promise<void> {
  const scenario = env.custom as CustomScenario;
  const dir = join(root, env.name.replace(/[^a-z0-9-]+/gi, '-'));
  mkdirSync(dir, { recursive: true });
  log(`bench: ${scenario.name} …`);
  try {
    const outcome = await scenario.run({ settings, dataDir: dir, accounts, productFlags, log });
    report.scenarios.push(...outcome.rows);
    for (const m of outcome.metrics) addMetric(report.metrics, m);
    report.problems.push(...outcome.problems.map((p) => `${scenario.name}: ${p}`));
  } catch (err) {
    report.problems.push(`${scenario.name}: ${(err as Error).message}`);
    log(`bench: ${scenario.name} failed: ${(err as Error).stack ?? err}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const startedAt = new Date().toISOString();
  const selected = selectScenarios();
  const settings = readSettings(selected);
  const envs = environmentsOf(selected);
  // Datasets are generated only when a selected scenario needs them (BENCH_ONLY may leave them out).
  if (!envs.some((e) => e.dataset === 'insights')) settings.insights = 0;
  if (!envs.some((e) => e.dataset === 'issues')) settings.issues = 0;
  if (!envs.some((e) => e.dataset === 'insights')) settings.searchIndex = false;
  const login = (role: string): Credentials => {
    const email = DEMO_LOGINS.find((l) => l.role === role)?.email;
    if (!email) throw new Error(`The demo workspace has no ${role} login`);
    return { email, password: DEMO_PASSWORD };
  };
  const accounts: Accounts = { admin: login('admin'), agent: login('member'), lead: login('lead') };
  // BENCH_CPU_PROF=<dir>: each product child writes a .cpuprofile there when it stops (open it in Chrome DevTools).
  const profileDir = process.env.BENCH_CPU_PROF?.trim();
  const productFlags = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : []), ...(process.env.BENCH_GC_TRACE ? ['--trace-gc'] : [])];
  if (profileDir) log(`bench: product children will write CPU profiles to ${resolve(profileDir)}`);

  const report: Report = {
    startedAt,
    finishedAt: startedAt,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    settings,
    datasets: [],
    ok: true,
    problems: [],
    scenarios: [],
    metrics: [],
  };
  log(`bench: ${selected.length} scenarios in ${envs.length} environments: ${envs.map((e) => e.name).join(', ')}`);
  for (const env of envs) {
    if (env.custom) await runCustom(env, settings, accounts, productFlags, report);
    else await runHttp(env, settings, accounts, productFlags, report);
  }

  report.finishedAt = new Date().toISOString();
  report.ok = report.problems.length === 0 && report.scenarios.every((s) => s.problems.length === 0);
  console.log(`\n${formatTable(report)}\n`);
  writeReport(RESULTS_FILE, report);
  const minutes = (Date.parse(report.finishedAt) - Date.parse(startedAt)) / 60_000;
  log(`bench: wrote ${RESULTS_FILE} after ${minutes.toFixed(1)} min${report.ok ? '' : ' (with problems, see (!) above)'}`);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('bench: crashed:', err);
    process.exit(1);
  },
);
