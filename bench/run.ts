/**
 * `npm run bench`: every scenario against a bare Fastify + better-sqlite3
 * baseline and against the product, each server in its own child process,
 * load from this one. Prints a table and writes bench/results/latest.json.
 * Exits non-zero only when something failed (a server, a probe, error
 * responses), never because numbers are low. See bench/README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../db/seed/demo.js';
import type { BaselineOptions } from './baseline/server.js';
import { killAllChildren, startChild, type ChildServer } from './children.js';
import { measure, measurementProblem, type LoadSettings } from './load.js';
import type { ProductOptions } from './product.js';
import { formatTable, writeReport, type Report, type ScenarioResult } from './report.js';
import type { Credentials, Target } from './scenario.js';
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

function readSettings(): LoadSettings {
  return {
    seconds: numberFromEnv('BENCH_SECONDS', 5, { min: 1, integer: false }),
    connections: numberFromEnv('BENCH_CONNECTIONS', 10, { min: 1, integer: true }),
    warmupSeconds: numberFromEnv('BENCH_WARMUP_SECONDS', 1, { min: 0, integer: false }),
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
  const adminEmail = DEMO_LOGINS.find((l) => l.role === 'admin')?.email;
  if (!adminEmail) throw new Error('The demo workspace has no admin login');
  const admin: Credentials = { email: adminEmail, password: DEMO_PASSWORD };

  log(`bench: starting the baseline and the product (data in ${root})`);
  const started = await Promise.allSettled([
    startChild('baseline', fileURLToPath(new URL('./baseline/server.ts', import.meta.url)), {
      dataDir: root,
      admin,
    } satisfies BaselineOptions),
    startChild('product', fileURLToPath(new URL('./product.ts', import.meta.url)), {
      dataDir: join(root, 'product'),
    } satisfies ProductOptions),
  ]);
  const servers: ChildServer[] = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const report: Report = {
    startedAt,
    finishedAt: startedAt,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    settings,
    ok: true,
    problems: started.flatMap((s) => (s.status === 'rejected' ? [String((s.reason as Error).message ?? s.reason)] : [])),
    scenarios: [],
  };

  try {
    if (report.problems.length === 0) {
      const [baseline, product] = servers as [ChildServer, ChildServer];
      const targets: [Target, ChildServer][] = [
        [target('baseline', baseline.url, admin), baseline],
        [target('product', product.url, admin), product],
      ];
      for (const scenario of selected) {
        const result: ScenarioResult = { name: scenario.name, measures: scenario.measures, baseline: null, product: null, ratio: null, problems: [] };
        for (const [t, server] of targets) {
          try {
            if (server.exit()) throw new Error(`${server.name} is not running (${server.exit()})`);
            log(`bench: ${scenario.name} · ${t.kind} …`);
            const measured = await measure(t, await scenario.plan(t), settings);
            // Numbers from a server that died mid-run are not worth printing.
            if (server.exit()) throw new Error(`${server.name} ${server.exit()} during the run`);
            const problem = measurementProblem(measured);
            if (problem) result.problems.push(`${t.kind}: ${problem}`);
            result[t.kind] = measured;
            log(`bench: ${scenario.name} · ${t.kind}: ${measured.rps.toFixed(0)} req/s, p99 ${measured.latency.p99} ms`);
          } catch (err) {
            result.problems.push(`${t.kind}: ${(err as Error).message}`);
            log(`bench: ${scenario.name} · ${t.kind} failed: ${(err as Error).message}`);
          }
        }
        if (result.baseline && result.product && result.baseline.rps > 0) result.ratio = result.product.rps / result.baseline.rps;
        report.scenarios.push(result);
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
