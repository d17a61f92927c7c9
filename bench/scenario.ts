import type { FastifyInstance } from 'fastify';
import type { BaselineContext } from './baseline/context.js';
import type { ChildInfo, DatasetName } from './dataset/fixtures.js';
import type { InsightsFixtures } from './dataset/generate.js';
import type { Measurement } from './load.js';
import type { BenchSettings, MetricResult, ScenarioResult } from './report.js';

export type { DatasetName };

/**
 * A benchmark scenario: one product route measured against a bare route of
 * the same shape. Add one by writing bench/scenarios/<name>.ts and listing it
 * in bench/scenarios/index.ts (see bench/README.md).
 *
 * Scenario modules are loaded by the parent (for `plan`) and by the baseline
 * child (for `baseline`), so they must not import product code: the product
 * is reached only over HTTP.
 */
export interface Scenario {
  kind?: 'http';
  /** Short, unique, used in the table, the JSON and BENCH_ONLY. */
  name: string;
  /** One line: what the request does, for the JSON report and the README. */
  measures: string;
  /** Also selected by BENCH_ONLY=<group> (e.g. 'search'). */
  group?: string;
  /**
   * Registers the bare route on the baseline server (runs in the baseline
   * child). Mirror the product's method, path, cookie and body so that one
   * `plan` drives both; do only the essential database work, with prepared
   * statements and no plugins. Scenarios sharing a route share the function:
   * the baseline registers each function once. Without it the scenario
   * measures the product only (its rows show no ratio).
   */
  baseline?(app: FastifyInstance, ctx: BaselineContext): void;
  /**
   * Prepares the load for one target (runs in the parent, once per target,
   * before the first warm-up): sign in, create fixtures, then describe the
   * request to repeat.
   */
  plan(target: Target): Promise<LoadPlan>;
  /**
   * Concurrencies to measure at, one table row each. Without it the scenario
   * runs once at BENCH_CONNECTIONS.
   */
  connections?: readonly number[];
  /** A performance goal the row is marked PASS or MISS against (informational, never fails the run). */
  goal?: Goal;
  /**
   * Data the scenario needs on both servers before they listen (see
   * dataset/fixtures.ts). Scenarios with the same dataset share a pair of
   * servers; each dataset gets its own pair. Handed to `plan` as `target.info`.
   */
  dataset?: DatasetName;
  /** Extra lines for the measurements table, from the scenario's own rows (e.g. a goal on the ratio). */
  metrics?(row: ScenarioResult, product: ChildInfo): MetricResult[];
}

/**
 * A scenario that is not one request repeated by autocannon (the live
 * fan-out): it starts whatever processes it needs and returns measurements.
 * Loaded by the baseline child too: import heavy modules inside `run`.
 */
export interface CustomScenario {
  kind: 'custom';
  name: string;
  measures: string;
  group?: string;
  run(env: CustomEnv): Promise<CustomOutcome>;
}

export type AnyScenario = Scenario | CustomScenario;

/** What run.ts lends a custom scenario. */
export interface CustomEnv {
  settings: BenchSettings;
  /** A folder of its own for data (deleted after the run). */
  dataDir: string;
  accounts: Accounts;
  /** Extra node flags for the product child (BENCH_CPU_PROF). */
  productFlags: readonly string[];
  log(line: string): void;
}

export interface CustomOutcome {
  /** Autocannon rows, as HTTP scenarios print them (e.g. GET /api/me while broadcasting). */
  rows: ScenarioResult[];
  metrics: MetricResult[];
  /** Failures: make the run exit non-zero. */
  problems: string[];
}

export interface Goal {
  /** Lowest acceptable product req/s ÷ baseline req/s, e.g. 0.6 for 60%. */
  ratio?: number;
  /** Highest acceptable product p99 in ms, checked only at `p99AtConnections`. */
  p99Ms?: number;
  p99AtConnections?: number;
  /** Where the goal comes from, for the report. */
  source?: string;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface Accounts {
  /** The demo admin. */
  admin: Credentials;
  /** The demo agent (a member). */
  agent: Credentials;
  /** The demo lead. */
  lead: Credentials;
}

/** A running server under test. The baseline mirrors the product's paths and session cookie. */
export interface Target extends Accounts {
  kind: 'baseline' | 'product';
  /** Origin, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The generated insights dataset, when a selected scenario asked for it (`dataset: 'insights'`). */
  insights: InsightsFixtures | null;
  /** Everything the server generated before it listened (see dataset/fixtures.ts). */
  info: ChildInfo;
  /** Signs in through POST /api/auth/login and returns the `Cookie` header value of the session. */
  signIn(who: Credentials): Promise<string>;
}

export interface PlannedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Per-connection scratch space: what `next` writes, the same connection's `onResponse` reads. */
export type RequestContext = Record<string, unknown>;

export interface LoadPlan {
  /** The request repeated by every connection. */
  request: PlannedRequest;
  /**
   * Called before every request (through autocannon's setupRequest hook) when
   * requests must differ, e.g. a unique slug per created row; its fields
   * replace those of `request`.
   */
  next?: (context: RequestContext) => Partial<PlannedRequest>;
  /**
   * Checks the probe's 2xx body (once per measurement, before warm-up):
   * returns why the answer is not the expected one, or null. Use it to make
   * sure both servers answer the same thing (e.g. a full page of 50).
   */
  check?: (body: string) => string | null;
  /**
   * Fixed request counts instead of BENCH_WARMUP_SECONDS / BENCH_SECONDS, when
   * every request uses up a fixture (e.g. an issue to claim). With it, `next`
   * is called exactly once per request sent (probe, warm-up, measured).
   */
  amount?: { warmup: number; measured: number };
  /** Non-2xx statuses that are right answers here (e.g. 409 for a lost race): neither failures nor probe errors. */
  expected?: readonly number[];
  /** Sees every answer (probe, warm-up and measured) with the context its `next` filled. */
  onResponse?: (status: number, body: string, context: RequestContext) => void;
  /** After each measured run: what went wrong (fails the run) and lines for the measurements table. */
  settle?: (measured: Measurement) => { problems?: string[]; metrics?: MetricResult[] };
}

/** A JSON body request's headers, merged with `extra`. */
export const jsonHeaders = (extra: Record<string, string> = {}): Record<string, string> => ({
  'content-type': 'application/json',
  ...extra,
});

/** The target's insights dataset, or an error naming the scenario that needed it. */
export function insightsOf(target: Target, scenario: string): InsightsFixtures {
  if (!target.insights) throw new Error(`${scenario} needs the insights dataset, but ${target.kind} generated none (dataset: 'insights' missing?)`);
  return target.insights;
}

/** One fixture of the target's datasets, or an error naming the scenario that needed it. */
export function fixtureOf<K extends keyof ChildInfo>(target: Target, key: K, scenario: string): NonNullable<ChildInfo[K]> {
  const fixture = target.info[key];
  if (!fixture) throw new Error(`${scenario} needs the ${key} fixtures, but ${target.kind} generated none`);
  return fixture as NonNullable<ChildInfo[K]>;
}
