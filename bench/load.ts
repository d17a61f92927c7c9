import autocannon, { type Request, type Result } from 'autocannon';
import type { LoadPlan, PlannedRequest, RequestContext, Target } from './scenario.js';

export interface LoadSettings {
  /** Measured seconds per scenario and target. */
  seconds: number;
  connections: number;
  /** Unmeasured seconds first, at the same concurrency (JIT, caches, SQLite pages). */
  warmupSeconds: number;
}

export interface Measurement {
  /** Completed requests per second over the measured run. */
  rps: number;
  /** Milliseconds. */
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  requests: number;
  seconds: number;
  non2xx: number;
  /** Of the non-2xx, answers the plan expects (e.g. 409 for a lost race). */
  expectedNon2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

type Server = Pick<Target, 'kind' | 'url'>;

const withNext = (plan: LoadPlan, context: RequestContext): PlannedRequest => (plan.next ? { ...plan.request, ...plan.next(context) } : plan.request);

/** One request before the load, so a broken scenario fails with its status and body instead of a table of errors. */
async function probe(target: Server, plan: LoadPlan): Promise<void> {
  const context: RequestContext = {};
  const req = withNext(plan, context);
  const res = await fetch(`${target.url}${req.path}`, { method: req.method, headers: req.headers, body: req.body });
  const text = await res.text();
  plan.onResponse?.(res.status, text, context);
  if (!res.ok && !plan.expected?.includes(res.status)) throw new Error(`${target.kind}: ${req.method} ${req.path} answered ${res.status}: ${text.slice(0, 300)}`);
  const wrong = res.ok ? plan.check?.(text) : null;
  if (wrong) throw new Error(`${target.kind}: ${req.method} ${req.path}: ${wrong}`);
}

function toAutocannon(plan: LoadPlan): Request {
  const { method, path, headers, body } = plan.request;
  const request: Request = { method, path, headers, body };
  const { next, onResponse } = plan;
  if (next) request.setupRequest = (req, context) => ({ ...req, ...next(context) });
  if (onResponse) request.onResponse = (status, text, context) => onResponse(status, text, context);
  return request;
}

const run = (target: Server, plan: LoadPlan, connections: number, length: { seconds: number } | { amount: number }): Promise<Result> =>
  Promise.resolve(
    autocannon({
      url: target.url,
      // autocannon needs at least one request per connection.
      connections: 'amount' in length ? Math.max(1, Math.min(connections, length.amount)) : connections,
      ...('amount' in length ? { amount: length.amount } : { duration: length.seconds }),
      requests: [toAutocannon(plan)],
    }),
  );

/**
 * Waits until the server is idle again: when requests take longer than a run
 * (a slow query under load), the server still works through those the run
 * left behind, and the next measurement must not start on top of them. A
 * request to a path no server has (404) is answered between two of those
 * slow requests (Fastify's hooks are asynchronous, so it can overtake them),
 * hence: ask until two answers in a row come back quickly.
 */
export async function waitIdle(target: Server, log?: (line: string) => void, timeoutMs = 600_000): Promise<number> {
  const QUICK_MS = 100;
  const started = performance.now();
  let quick = 0;
  while (quick < 2) {
    const left = timeoutMs - (performance.now() - started);
    if (left <= 0) throw new Error(`${target.kind} was still busy ${timeoutMs / 1000}s after the load`);
    const asked = performance.now();
    try {
      const res = await fetch(`${target.url}/api/bench-idle-check`, { signal: AbortSignal.timeout(Math.max(1, Math.ceil(left))) });
      await res.arrayBuffer();
    } catch (err) {
      throw new Error(`${target.kind} did not answer within ${timeoutMs / 1000}s after the load: ${(err as Error).message}`, { cause: err });
    }
    quick = performance.now() - asked < QUICK_MS ? quick + 1 : 0;
    if (quick < 2) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const ms = performance.now() - started;
  if (ms > 1_000) log?.(`bench: ${target.kind} needed ${(ms / 1000).toFixed(1)} s to finish what the load left queued`);
  return ms;
}

/** Probes, warms up, then measures `plan` against `target`. */
export async function measure(target: Server, plan: LoadPlan, settings: LoadSettings, log?: (line: string) => void): Promise<Measurement> {
  await probe(target, plan);
  if (plan.amount) {
    if (plan.amount.warmup > 0) await run(target, plan, settings.connections, { amount: plan.amount.warmup });
  } else if (settings.warmupSeconds > 0) {
    await run(target, plan, settings.connections, { seconds: settings.warmupSeconds });
  }
  await waitIdle(target, log);
  const result = await run(target, plan, settings.connections, plan.amount ? { amount: plan.amount.measured } : { seconds: settings.seconds });
  await waitIdle(target, log);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  const expectedNon2xx = (plan.expected ?? []).reduce((n, code) => n + (statusCodes[String(code)] ?? 0), 0);
  return {
    rps: result.duration > 0 ? result.requests.total / result.duration : 0,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    requests: result.requests.total,
    seconds: result.duration,
    non2xx: result.non2xx,
    expectedNon2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

/**
 * Why a measurement's numbers are not of successful requests, or null when
 * they are. A run in which nothing was answered (slower than the run is long,
 * or than autocannon's 10 s timeout) is a MISS of a p99 goal (report.ts
 * judge), not a failure: the probe showed the server answers, and waitIdle
 * that it is alive.
 */
export function measurementProblem(m: Measurement): string | null {
  const unexpected = m.non2xx - m.expectedNon2xx;
  const problems = [
    unexpected > 0 ? `${unexpected} unexpected non-2xx (${JSON.stringify(m.statusCodes)})` : '',
    m.errors - m.timeouts > 0 ? `${m.errors - m.timeouts} connection errors` : '',
  ].filter(Boolean);
  return problems.length > 0 ? problems.join(', ') : null;
}
