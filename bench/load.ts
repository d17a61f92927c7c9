import autocannon, { type Request, type Result } from 'autocannon';
import type { LoadPlan, PlannedRequest, Target } from './scenario.js';

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
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

const withNext = (plan: LoadPlan): PlannedRequest => (plan.next ? { ...plan.request, ...plan.next() } : plan.request);

/** One request before the load, so a broken scenario fails with its status and body instead of a table of errors. */
async function probe(target: Target, plan: LoadPlan): Promise<void> {
  const req = withNext(plan);
  const res = await fetch(`${target.url}${req.path}`, { method: req.method, headers: req.headers, body: req.body });
  const text = await res.text();
  if (!res.ok) throw new Error(`${target.kind}: ${req.method} ${req.path} answered ${res.status}: ${text.slice(0, 300)}`);
  const wrong = plan.check?.(text);
  if (wrong) throw new Error(`${target.kind}: ${req.method} ${req.path}: ${wrong}`);
}

function toAutocannon(plan: LoadPlan): Request {
  const { method, path, headers, body } = plan.request;
  const request: Request = { method, path, headers, body };
  const next = plan.next;
  if (next) request.setupRequest = (req) => ({ ...req, ...next() });
  return request;
}

const run = (target: Target, plan: LoadPlan, connections: number, seconds: number): Promise<Result> =>
  Promise.resolve(autocannon({ url: target.url, connections, duration: seconds, requests: [toAutocannon(plan)] }));

/** Probes, warms up, then measures `plan` against `target`. */
export async function measure(target: Target, plan: LoadPlan, settings: LoadSettings): Promise<Measurement> {
  await probe(target, plan);
  if (settings.warmupSeconds > 0) await run(target, plan, settings.connections, settings.warmupSeconds);
  const result = await run(target, plan, settings.connections, settings.seconds);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
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
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

/** Why a measurement's numbers are not of successful requests, or null when they are. */
export function measurementProblem(m: Measurement): string | null {
  const problems = [
    m.non2xx > 0 ? `${m.non2xx} non-2xx (${JSON.stringify(m.statusCodes)})` : '',
    m.errors - m.timeouts > 0 ? `${m.errors - m.timeouts} connection errors` : '',
    m.requests === 0 ? 'no request completed' : '',
  ].filter(Boolean);
  return problems.length > 0 ? problems.join(', ') : null;
}
