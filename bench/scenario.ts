import type { FastifyInstance } from 'fastify';
import type { BaselineContext } from './baseline/context.js';
import type { InsightsFixtures } from './dataset/generate.js';

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
  /** Short, unique, used in the table, the JSON and BENCH_ONLY. */
  name: string;
  /** One line: what the request does, for the JSON report and the README. */
  measures: string;
  /**
   * Registers the bare route on the baseline server (runs in the baseline
   * child). Mirror the product's method, path, cookie and body so that one
   * `plan` drives both; do only the essential database work, with prepared
   * statements and no plugins.
   */
  baseline(app: FastifyInstance, ctx: BaselineContext): void;
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
   * Data the scenario needs on both servers before they listen: 'insights'
   * makes both children generate the BENCH_INSIGHTS dataset (see
   * dataset/generate.ts), handed to `plan` as `target.insights`.
   */
  dataset?: 'insights';
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

/** A running server under test. The baseline mirrors the product's paths and session cookie. */
export interface Target {
  kind: 'baseline' | 'product';
  /** Origin, e.g. http://127.0.0.1:41234 */
  url: string;
  /** An admin account that exists on this target. */
  admin: Credentials;
  /** A member account that exists on this target (the demo agent). */
  agent: Credentials;
  /** The generated insights dataset, when a selected scenario asked for it (`dataset: 'insights'`). */
  insights: InsightsFixtures | null;
  /** Signs in through POST /api/auth/login and returns the `Cookie` header value of the session. */
  signIn(who: Credentials): Promise<string>;
}

export interface PlannedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadPlan {
  /** The request repeated by every connection. */
  request: PlannedRequest;
  /**
   * Called before every request (through autocannon's setupRequest hook) when
   * requests must differ, e.g. a unique slug per created row; its fields
   * replace those of `request`.
   */
  next?: () => Partial<PlannedRequest>;
  /**
   * Checks the probe's 2xx body (once per measurement, before warm-up):
   * returns why the answer is not the expected one, or null. Use it to make
   * sure both servers answer the same thing (e.g. a full page of 50).
   */
  check?: (body: string) => string | null;
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
