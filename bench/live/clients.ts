/**
 * The live fan-out's clients (a child of bench/run.ts, in a process of its
 * own so that neither the servers nor the parent's autocannon share its event
 * loop): thousands of `ws` connections to a server's /api/live, driven over
 * IPC by live/fanout.ts.
 *
 * Every frame's receipt time is taken first thing in its socket's `message`
 * handler, on the machine's clock (performance.timeOrigin + now(), sub-ms),
 * and compared with the event's `at` (the server's clock, whole ms, taken
 * just before the commit): the same clock, so the difference is the delay
 * from commit to receipt, over-stated by under 1 ms. The last client's
 * receipt also includes this process handling the frames of the clients
 * before it (a few µs each); the bare baseline pays the same.
 */
import { WebSocket } from 'ws';
import { childOptions, onParentRequest, type ParentRequest } from '../children.js';

export interface ConnectRequest extends ParentRequest {
  type: 'connect';
  /** ws://…/api/live */
  url: string;
  headers: Record<string, string>;
  /** Open sockets wanted in all (those already open count). */
  total: number;
  /** Handshakes in flight at once. */
  concurrency: number;
}
export interface ConnectResult {
  open: number;
  failed: number;
  seconds: number;
  errors: string[];
}

export interface Trigger {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface EventsRequest extends ParentRequest {
  type: 'events';
  trigger: Trigger;
  /** Events to trigger one after the other, or as many as fit in `durationMs`. */
  count?: number;
  durationMs?: number;
  /** Wait for every open client at most this long per event. */
  timeoutMs: number;
  /** Pause between one event reaching everyone and the next trigger. */
  gapMs: number;
}
export interface EventTiming {
  /** Open sockets when it was triggered, and how many received it in time. */
  expected: number;
  received: number;
  /** Milliseconds from the event's `at` to the first, median and last client's receipt (last: null when some never got it). */
  firstMs: number;
  medianMs: number;
  lastMs: number | null;
}
export interface EventsResult {
  events: EventTiming[];
  /** Sockets closed by the server meanwhile (e.g. cut off as too slow), by close code. */
  closed: Record<string, number>;
}

childOptions<Record<string, never>>();

const sockets = new Set<WebSocket>();
const closedByCode: Record<string, number> = {};
const now = () => performance.timeOrigin + performance.now();

interface Arrival {
  at: number;
  subjectId: string;
  times: number[];
}
/** Frames of events being waited for, by seq; older ones are ignored. */
const arrivals = new Map<number, Arrival>();
const bySubject = new Map<string, Arrival>();
let finishedUpTo = 0;
let waiter: { subjectId: string; expected: number; done: () => void } | null = null;

/** Events start `{"seq":<digits>` (shared/events.ts, hub.ts serialize): read the seq without parsing the frame. */
function onFrame(data: Buffer): void {
  const received = now();
  if (data.length < 8 || data[0] !== 0x7b || data[2] !== 0x73 || data[3] !== 0x65 || data[4] !== 0x71) return;
  let seq = 0;
  for (let i = 7; i < data.length; i++) {
    const c = data[i] as number;
    if (c < 48 || c > 57) break;
    seq = seq * 10 + (c - 48);
  }
  if (seq <= finishedUpTo) return;
  let arrival = arrivals.get(seq);
  if (!arrival) {
    // Parsed once per event, by its first receiver.
    const event = JSON.parse(data.toString('utf8')) as { at: string; subject: { id: string } };
    arrival = { at: Date.parse(event.at), subjectId: event.subject.id, times: [] };
    arrivals.set(seq, arrival);
    bySubject.set(arrival.subjectId, arrival);
  }
  arrival.times.push(received);
  if (waiter && waiter.subjectId === arrival.subjectId && arrival.times.length >= waiter.expected) waiter.done();
}

function open(url: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers, perMessageDeflate: false, handshakeTimeout: 20_000 });
    let opened = false;
    socket.on('message', onFrame);
    socket.once('open', () => {
      opened = true;
      sockets.add(socket);
      resolve();
    });
    socket.on('error', (err) => {
      if (!opened) reject(err);
    });
    socket.once('unexpected-response', (_req, res) => reject(new Error(`answered ${res.statusCode}`)));
    socket.once('close', (code) => {
      if (sockets.delete(socket)) closedByCode[code] = (closedByCode[code] ?? 0) + 1;
    });
  });
}

async function connect(r: ConnectRequest): Promise<ConnectResult> {
  const started = now();
  let failed = 0;
  const errors: string[] = [];
  let wanted = Math.max(0, r.total - sockets.size);
  const worker = async () => {
    while (wanted > 0) {
      wanted--;
      try {
        await open(r.url, r.headers);
      } catch (err) {
        failed++;
        if (errors.length < 5) errors.push(String((err as Error).message ?? err));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(r.concurrency, wanted) }, worker));
  return { open: sockets.size, failed, seconds: (now() - started) / 1000, errors };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Triggers one event over HTTP and waits until every open socket received it (or the timeout). */
async function oneEvent(trigger: Trigger, timeoutMs: number): Promise<EventTiming> {
  const expected = sockets.size;
  const res = await fetch(trigger.url, { method: 'POST', headers: trigger.headers, body: trigger.body });
  const text = await res.text();
  if (!res.ok) throw new Error(`trigger answered ${res.status}: ${text.slice(0, 300)}`);
  const subjectId = (JSON.parse(text) as { id: string }).id;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      waiter = null;
      resolve();
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      waiter = null;
      resolve();
    };
    const arrived = bySubject.get(subjectId);
    if (arrived && arrived.times.length >= expected) done();
    else waiter = { subjectId, expected, done };
  });
  const arrival = bySubject.get(subjectId);
  // Forget this event and everything before it: late frames of it are ignored from now on.
  for (const [seq, a] of arrivals) {
    if (a === arrival) finishedUpTo = Math.max(finishedUpTo, seq);
  }
  for (const [seq, a] of arrivals) {
    if (seq <= finishedUpTo) {
      arrivals.delete(seq);
      bySubject.delete(a.subjectId);
    }
  }
  if (!arrival || arrival.times.length === 0) return { expected, received: 0, firstMs: Number.NaN, medianMs: Number.NaN, lastMs: null };
  const times = arrival.times.sort((a, b) => a - b);
  const since = (t: number) => t - arrival.at;
  return {
    expected,
    received: times.length,
    firstMs: since(times[0] as number),
    medianMs: since(times[Math.floor((times.length - 1) / 2)] as number),
    lastMs: times.length >= expected ? since(times[times.length - 1] as number) : null,
  };
}

async function events(r: EventsRequest): Promise<EventsResult> {
  const out: EventTiming[] = [];
  const until = r.durationMs !== undefined ? now() + r.durationMs : Number.POSITIVE_INFINITY;
  const count = r.count ?? Number.POSITIVE_INFINITY;
  while (out.length < count && now() < until) {
    out.push(await oneEvent(r.trigger, r.timeoutMs));
    if (r.gapMs > 0) await sleep(r.gapMs);
  }
  return { events: out, closed: { ...closedByCode } };
}

async function closeAll(): Promise<{ closed: number }> {
  const all = [...sockets];
  await Promise.all(
    all.map(
      (socket) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            socket.terminate();
            resolve();
          }, 3_000);
          socket.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          sockets.delete(socket);
          socket.close(1000, 'bench done');
        }),
    ),
  );
  for (const code of Object.keys(closedByCode)) delete closedByCode[code];
  return { closed: all.length };
}

onParentRequest((request) => {
  switch (request.type) {
    case 'connect':
      return connect(request as ConnectRequest);
    case 'events':
      return events(request as EventsRequest);
    case 'close':
      return closeAll();
    default:
      throw new Error(`unknown request ${request.type}`);
  }
});

process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
process.send?.({ type: 'ready', url: '', info: {} });
