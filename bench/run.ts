/**
 * `npm run bench`: every scenario against a bare Fastify + better-sqlite3
 * baseline and against the product, each server in its own child process,
 * load from this one. Prints a table and writes bench/results/latest.json.
 * Exits non-zero only when something failed (a server, a probe, error
 * responses), never because numbers are low. See bench/README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../db/seed/demo.js';
import type { BaselineOptions } from './baseline/server.js';
import { killAllChildren, startChild, type ChildServer } from './children.js';
import { measure, measurementProblem } from './load.js';
import type { ProductOptions } from './product.js';
import { formatTable, judge, writeReport, type BenchSettings, type Report, type ScenarioResult } from './report.js';
import type { Credentials, LoadPlan, Target } from './scenario.js';
import { scenarios } from './scenarios/index.js';
import { target } from './targets.js';

const RESULTS_FILE = fileURLToPath(new URL('./results/latest.json', import.meta.url));

function numberFromEnv(name: string, fallback: number, { min, integer }: { min: number; integer: boolean }): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new Error(`${name} must be ${integer ? 'a whole number' : 'a number'} of at least ${min}, got "${raw}"`);
  }
  return n;
}

function readSettings(): BenchSettings {
  return {
    seconds: numberFromEnv('BENCH_SECONDS', 5, { min: 1, integer: false }),
    connections: numberFromEnv('BENCH_CONNECTIONS', 10, { min: 1, integer: true }),
    warmupSeconds: numberFromEnv('BENCH_WARMUP_SECONDS', 1, { min: 0, integer: false }),
    // A page of 50 after a cursor needs more than 50 rows; below ~1,000 the numbers mean little.
    insights: numberFromEnv('BENCH_INSIGHTS', 1_000_000, { min: 100, integer: true }),
  };
}

function selectScenarios() {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!only?.length) return scenarios;
  const unknown = only.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(`BENCH_ONLY names no scenario ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`);
  }
  return scenarios.filter((s) => only.includes(s.name));
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

async function main(): Promise<number> {
  const startedAt = new Date().toISOString();
  const settings = readSettings();
  const selected = selectScenarios();
  // The dataset is generated only when a selected scenario needs it (BENCH_ONLY may leave it out).
  if (!selected.some((s) => s.dataset === 'insights')) settings.insights = 0;
  const login = (role: string) => {
    const email = DEMO_LOGINS.find((l) => l.role === role)?.email;
    if (!email) throw new Error(`The demo workspace has no ${role} login`);
    return { email, password: DEMO_PASSWORD } satisfies Credentials;
  };
  const accounts = { admin: login('admin'), agent: login('member') };
  const { insights } = settings;

  log(`bench: starting the baseline and the product (data in ${root})${insights > 0 ? `, each generating ${insights.toLocaleString('en')} insights` : ''}`);
  // Generation runs before a server listens: allow for it (~30 s per million here; slower machines need more).
  const timeoutMs = 120_000 + insights * 0.3;
  // BENCH_CPU_PROF=<dir>: the product child writes a .cpuprofile there when it stops (open it in Chrome DevTools).
  const profileDir = process.env.BENCH_CPU_PROF?.trim();
  const productFlags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [];
  if (profileDir) log(`bench: the product will write a CPU profile to ${resolve(profileDir)}`);
  const started = await Promise.allSettled([
    startChild('baseline', fileURLToPath(new URL('./baseline/server.ts', import.meta.url)), { dataDir: root, ...accounts, insights } satisfies BaselineOptions, {
      timeoutMs,
    }),
    startChild('product', fileURLToPath(new URL('./product.ts', import.meta.url)), { dataDir: join(root, 'product'), insights } satisfies ProductOptions, {
      timeoutMs,
      execArgv: productFlags,
    }),
  ]);
  const servers: ChildServer[] = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const report: Report = {
    startedAt,
    finishedAt: startedAt,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    settings,
    dataset:
      insights > 0
        ? {
            insights,
            seconds: {
              baseline: servers.find((s) => s.name === 'baseline')?.info.insights?.seconds ?? null,
              product: servers.find((s) => s.name === 'product')?.info.insights?.seconds ?? null,
            },
          }
        : null,
    ok: true,
    problems: started.flatMap((s) => (s.status === 'rejected' ? [String((s.reason as Error).message ?? s.reason)] : [])),
    scenarios: [],
  };

  try {
    if (report.problems.length === 0) {
      const [baseline, product] = servers as [ChildServer, ChildServer];
      const targets: [Target, ChildServer][] = [
        [target('baseline', baseline.url, accounts, baseline.info.insights ?? null), baseline],
        [target('product', product.url, accounts, product.info.insights ?? null), product],
      ];
      for (const scenario of selected) {
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
          for (const [t, server] of targets) {
            try {
              if (server.exit()) throw new Error(`${server.name} is not running (${server.exit()})`);
              log(`bench: ${label} · ${t.kind} …`);
              if (!plans.has(t.kind)) plans.set(t.kind, scenario.plan(t));
              const measured = await measure(t, await (plans.get(t.kind) as Promise<LoadPlan>), { ...settings, connections });
              // Numbers from a server that died mid-run are not worth printing.
              if (server.exit()) throw new Error(`${server.name} ${server.exit()} during the run`);
              const problem = measurementProblem(measured);
              if (problem) result.problems.push(`${t.kind}: ${problem}`);
              result[t.kind] = measured;
              log(`bench: ${label} · ${t.kind}: ${measured.rps.toFixed(0)} req/s, p99 ${measured.latency.p99} ms`);
            } catch (err) {
              result.problems.push(`${t.kind}: ${(err as Error).message}`);
              log(`bench: ${label} · ${t.kind} failed: ${(err as Error).message}`);
            }
          }
          if (result.baseline && result.product && result.baseline.rps > 0) result.ratio = result.product.rps / result.baseline.rps;
          judge(result);
          report.scenarios.push(result);
        }
      }
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }

  report.finishedAt = new Date().toISOString();
  report.ok = report.problems.length === 0 && report.scenarios.every((s) => s.problems.length === 0);
  console.log(`\n${formatTable(report)}\n`);
  writeReport(RESULTS_FILE, report);
  log(`bench: wrote ${RESULTS_FILE}${report.ok ? '' : ' (with problems, see (!) above)'}`);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('bench: crashed:', err);
    process.exit(1);
  },
);
