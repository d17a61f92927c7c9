/**
 * The live fan-out (issue 6), run by scenarios/live-fanout.ts: for the bare
 * `ws` server and then the product, each in a child of its own started with
 * --expose-gc and a raised open-files limit, connect BENCH_FANOUT clients in
 * steps (1,000, then 5,000: the step adds sockets to those already open) from
 * the clients' child, and at each step
 *   - the server's memory per connection: its RSS (process.memoryUsage() over
 *     IPC, right after a full GC) with the clients connected, minus its RSS
 *     before the first client, divided by the clients;
 *   - BENCH_FANOUT_EVENTS events, one at a time (the next once every client
 *     has the previous one): the delay from each event's `at` to its receipt
 *     by the last client, p50 and p99 over the events.
 * The product's events are real posts (POST /api/insights as the agent) that
 * every client hears as `insight.created`; the bare server's are a frame of
 * the same shape and size (POST /broadcast). At the largest step, the product
 * also answers GET /api/me under autocannon twice: idle, then while events
 * are triggered back to back.
 */
import { fileURLToPath } from 'node:url';
import { startChild, type ChildServer } from '../children.js';
import { measure, measurementProblem, type Measurement } from '../load.js';
import type { ProductOptions } from '../product.js';
import { metric, type BenchSettings, type MetricResult, type ScenarioResult } from '../report.js';
import type { Accounts, CustomOutcome } from '../scenario.js';
import { target } from '../targets.js';
import type { ConnectRequest, ConnectResult, EventsRequest, EventsResult, EventTiming, Trigger } from './clients.js';

export interface FanoutEnv {
  name: string;
  settings: BenchSettings;
  dataDir: string;
  accounts: Accounts;
  productFlags: readonly string[];
  log(line: string): void;
}

const SOURCE = 'issue 6';
/** Last-client p99 goals by clients: ≤ 50 ms for 1,000, ≤ 200 ms for 5,000 (other counts: none). */
const LAST_CLIENT_GOAL_MS: Record<number, number> = { 1000: 50, 5000: 200 };
const MEMORY_GOAL_KIB = 20;
const EVENT_TIMEOUT_MS = 5_000;
const GAP_MS = 20;
const HANDSHAKES_IN_FLIGHT = 100;

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  gc: boolean;
  liveClients: number;
}

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const kib = (bytes: number) => bytes / 1024;
const n = (x: number) => x.toLocaleString('en');

interface StepResult {
  clients: number;
  /** Open sockets as the server counts them (the hub's size; the bare server's clients). */
  serverClients: number;
  rss: number;
  connect: ConnectResult;
  rssPerClient: number;
  heapPerClient: number;
  events: EventTiming[];
  closed: Record<string, number>;
}

interface ServerRun {
  steps: StepResult[];
  memoryBefore: Memory;
}

/** Connects the steps' clients to one server and measures each step. */
async function runSteps(env: FanoutEnv, clients: ChildServer, server: ChildServer, kind: string, ws: { url: string; headers: Record<string, string> }, trigger: Trigger): Promise<ServerRun> {
  const steps: StepResult[] = [];
  const memoryBefore = await server.request<Memory>({ type: 'memory' });
  for (const count of [...new Set(env.settings.fanout)].sort((a, b) => a - b)) {
    env.log(`bench: ${env.name} · ${kind}: connecting ${n(count)} clients …`);
    const connect = await clients.request<ConnectResult>({ type: 'connect', url: ws.url, headers: ws.headers, total: count, concurrency: HANDSHAKES_IN_FLIGHT } satisfies ConnectRequest, 300_000);
    if (connect.failed > 0) throw new Error(`${kind}: ${connect.failed} of ${n(count)} clients could not connect (${connect.errors.join('; ')})`);
    // Let the upgrades' garbage go before weighing the connections.
    await sleep(1_000);
    const memory = await server.request<Memory>({ type: 'memory' });
    env.log(`bench: ${env.name} · ${kind}: ${n(connect.open)} open in ${connect.seconds.toFixed(1)} s; ${env.settings.fanoutEvents} events …`);
    const result = await clients.request<EventsResult>(
      { type: 'events', trigger, count: env.settings.fanoutEvents, timeoutMs: EVENT_TIMEOUT_MS, gapMs: GAP_MS } satisfies EventsRequest,
      env.settings.fanoutEvents * (EVENT_TIMEOUT_MS + 1_000) + 30_000,
    );
    const last = result.events.flatMap((e) => (e.lastMs === null ? [] : [e.lastMs]));
    env.log(`bench: ${env.name} · ${kind} @${n(count)}: last client p50 ${percentile(last, 0.5).toFixed(1)} ms, p99 ${percentile(last, 0.99).toFixed(1)} ms`);
    if (memory.liveClients !== connect.open) env.log(`bench: ${env.name} · ${kind}: the server counts ${n(memory.liveClients)} live clients, the clients ${n(connect.open)}`);
    steps.push({
      clients: connect.open,
      serverClients: memory.liveClients,
      rss: memory.rss,
      connect,
      rssPerClient: (memory.rss - memoryBefore.rss) / connect.open,
      heapPerClient: (memory.heapUsed - memoryBefore.heapUsed) / connect.open,
      events: result.events,
      closed: result.closed,
    });
  }
  return { steps, memoryBefore };
}

function stepMetrics(name: string, kind: 'baseline' | 'product', run: ServerRun): MetricResult[] {
  const out: MetricResult[] = [];
  const slot = (x: number) => ({ baseline: kind === 'baseline' ? x : null, product: kind === 'product' ? x : null });
  let previous: StepResult | null = null;
  for (const step of run.steps) {
    const marginal = previous && step.clients > previous.clients ? kib((step.rss - previous.rss) / (step.clients - previous.clients)) : null;
    previous = step;
    const delivered = step.events.flatMap((e) => (e.lastMs === null ? [] : [e.lastMs]));
    const missed = step.events.filter((e) => e.lastMs === null).length;
    const medians = step.events.map((e) => e.medianMs).filter(Number.isFinite);
    const goal = LAST_CLIENT_GOAL_MS[step.clients];
    const at = `@${n(step.clients)} clients`;
    out.push(
      metric({ scenario: name, metric: `${at}: event to last client, p50`, unit: 'ms', ...slot(percentile(delivered, 0.5)) }),
      metric({
        scenario: name,
        metric: `${at}: event to last client, p99 (${step.events.length} events)`,
        unit: 'ms',
        ...slot(percentile(delivered, 0.99)),
        goal: goal === undefined ? null : { max: goal, text: `≤ ${goal} ms`, source: SOURCE },
      }),
      metric({ scenario: name, metric: `${at}: event to median client, p50`, unit: 'ms', ...slot(percentile(medians, 0.5)) }),
      metric({
        scenario: name,
        metric: `${at}: events some client did not get within ${EVENT_TIMEOUT_MS / 1000} s`,
        unit: '',
        ...slot(missed),
        goal: { max: 0, text: 'none' },
        note: Object.keys(step.closed).length > 0 ? `${kind}: sockets closed by the server, by code: ${JSON.stringify(step.closed)}` : undefined,
      }),
      metric({
        scenario: name,
        metric: `${at}: server RSS per connection, since before the first (after GC)`,
        unit: 'KiB',
        ...slot(kib(step.rssPerClient)),
        goal: { max: MEMORY_GOAL_KIB, text: `≤ ${MEMORY_GOAL_KIB} KiB`, source: SOURCE },
        note:
          `${kind}: RSS ${n(Math.round(kib(run.memoryBefore.rss) / 1024))} MiB before the first client; JS heap ${kib(step.heapPerClient).toFixed(1)} KiB per connection` +
          `${run.memoryBefore.gc ? '' : ' (no --expose-gc: without a GC first)'}; ${n(step.clients)} connected in ${step.connect.seconds.toFixed(1)} s` +
          `${step.serverClients === step.clients ? '' : `, the server counted ${n(step.serverClients)}`}`,
      }),
    );
    // The RSS before the first client still holds pages start-up freed, which the first connections reuse
    // (the first figure can read low, even below 0); between two steps that slack is gone.
    if (marginal !== null) {
      out.push(
        metric({
          scenario: name,
          metric: `${at}: server RSS per connection added since the previous step`,
          unit: 'KiB',
          ...slot(marginal),
          goal: { max: MEMORY_GOAL_KIB, text: `≤ ${MEMORY_GOAL_KIB} KiB`, source: SOURCE },
        }),
      );
    }
  }
  return out;
}

const rowOf = (name: string, measures: string, connections: number, m: Measurement | null, problem: string | null): ScenarioResult => ({
  name,
  measures,
  connections,
  baseline: null,
  product: m,
  ratio: null,
  goal: null,
  verdict: null,
  missed: [],
  problems: problem ? [`product: ${problem}`] : [],
});

export async function runFanout(env: FanoutEnv): Promise<CustomOutcome> {
  const metrics: MetricResult[] = [];
  const rows: ScenarioResult[] = [];
  const problems: string[] = [];
  const file = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const clients = await startChild('live clients', file('./clients.ts'), {}, { manyFiles: true, timeoutMs: 60_000 });
  try {
    // The bare ws server first, as the HTTP scenarios measure the baseline first.
    const bare = await startChild('bare ws', file('./bare-server.ts'), {}, { manyFiles: true, execArgv: ['--expose-gc'], timeoutMs: 60_000 });
    try {
      const run = await runSteps(env, clients, bare, 'baseline', { url: `${bare.url.replace('http', 'ws')}/api/live`, headers: {} }, { url: `${bare.url}/broadcast`, headers: {}, body: '' });
      metrics.push(...stepMetrics(env.name, 'baseline', run));
    } finally {
      await clients.request({ type: 'close' }, 60_000).catch(() => undefined);
      await bare.stop();
    }

    const product = await startChild('product', file('../product.ts'), { dataDir: env.dataDir, datasets: {} } satisfies ProductOptions, {
      manyFiles: true,
      execArgv: ['--expose-gc', ...env.productFlags],
      timeoutMs: 120_000,
    });
    try {
      const t = target('product', product.url, env.accounts, product.info);
      // Sockets as the lead (any signed-in user hears every insight.created); posts as the agent.
      const [leadCookie, agentCookie] = await Promise.all([t.signIn(env.accounts.lead), t.signIn(env.accounts.agent)]);
      const trigger: Trigger = {
        url: `${product.url}/api/insights`,
        headers: { 'content-type': 'application/json', cookie: agentCookie },
        body: JSON.stringify({ body: 'Live fan-out probe: they asked whether everyone sees this at once.', channel: 'chat', sentiment: 'neutral', tags: [] }),
      };
      const run = await runSteps(env, clients, product, 'product', { url: `${product.url.replace('http', 'ws')}/api/live`, headers: { cookie: leadCookie, origin: product.url } }, trigger);
      for (const m of stepMetrics(env.name, 'product', run)) {
        const same = metrics.findIndex((x) => x.scenario === m.scenario && x.metric === m.metric);
        if (same < 0) metrics.push(m);
        else metrics[same] = metric({ ...(metrics[same] as MetricResult), product: m.product, goal: m.goal, note: [metrics[same]?.note, m.note].filter(Boolean).join('; ') || undefined });
      }

      // GET /api/me with every client connected: idle, then while events go out back to back.
      const clientsNow = run.steps[run.steps.length - 1]?.clients ?? 0;
      const me = { request: { method: 'GET' as const, path: '/api/me', headers: { cookie: agentCookie } } };
      const { settings } = env;
      const name = `GET /api/me, ${n(clientsNow)} live clients`;
      env.log(`bench: ${name}, idle …`);
      const idle = await measure(t, me, settings);
      rows.push(rowOf(`${name} idle`, 'GET /api/me with the largest fan-out step connected and no events', settings.connections, idle, measurementProblem(idle)));
      env.log(`bench: ${name}, during broadcasts …`);
      const busyMs = (settings.warmupSeconds + settings.seconds + 2) * 1000;
      const broadcasting = clients.request<EventsResult>({ type: 'events', trigger, durationMs: busyMs, timeoutMs: EVENT_TIMEOUT_MS, gapMs: 0 } satisfies EventsRequest, busyMs + 60_000);
      await sleep(300);
      const busy = await measure(t, me, settings);
      const during = await broadcasting;
      rows.push(rowOf(`${name} broadcasting`, `GET /api/me while posts are broadcast to the same clients back to back (${during.events.length} events)`, settings.connections, busy, measurementProblem(busy)));
      // Whole milliseconds: an idle p99 under 1 ms counts as 1 ms.
      const ratio = busy.latency.p99 / Math.max(1, idle.latency.p99);
      metrics.push(
        metric({
          scenario: env.name,
          metric: `GET /api/me p99 at ${settings.connections} conns, broadcasting ÷ idle (${n(clientsNow)} clients)`,
          unit: '×',
          baseline: null,
          product: ratio,
          shown: { product: `${idle.latency.p99} → ${busy.latency.p99} ms (${ratio.toFixed(1)}×)` },
          goal: { max: 2, text: 'not doubled (≤ 2×)', source: SOURCE },
        }),
      );
      const delivered = during.events.flatMap((e) => (e.lastMs === null ? [] : [e.lastMs]));
      metrics.push(
        metric({
          scenario: env.name,
          metric: `@${n(clientsNow)} clients: event to last client, p99, back to back while GET /api/me runs (${during.events.length} events)`,
          unit: 'ms',
          baseline: null,
          product: percentile(delivered, 0.99),
        }),
      );
    } finally {
      await clients.request({ type: 'close' }, 60_000).catch(() => undefined);
      await product.stop();
    }
  } catch (err) {
    problems.push((err as Error).message);
  } finally {
    await clients.stop();
  }
  return { rows, metrics, problems };
}
