/**
 * The servers under test (and the live scenario's websocket clients) run in
 * child processes so that autocannon, in the parent, never shares their event
 * loop. Child side: `childOptions()`, `onParentRequest()`, then
 * `announceReady(url)`. Parent side: `startChild()`, `request()`, `stop()`, and
 * `killAllChildren()` for every way the parent can end.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import type { ChildInfo } from './dataset/fixtures.js';

export type { ChildInfo };

/** A question the parent asks a running child over IPC (e.g. its memory), answered with JSON. */
export interface ParentRequest {
  type: string;
  [key: string]: unknown;
}

type Message =
  | { type: 'ready'; url: string; info: ChildInfo }
  | { type: 'response'; id: number; ok: true; body: unknown }
  | { type: 'response'; id: number; ok: false; error: string };

export interface ChildServer {
  name: string;
  url: string;
  info: ChildInfo;
  /** The child's process id (for /proc/<pid>/status). */
  pid: number;
  /** Null while running; why it ended otherwise. */
  exit(): string | null;
  /** Asks the child (see `onParentRequest`); rejects after `timeoutMs` or when the child ends. */
  request<T>(request: ParentRequest, timeoutMs?: number): Promise<T>;
  /** SIGTERM, then SIGKILL if it has not ended after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();

export interface StartOptions {
  /** How long the child may take until it listens (dataset generation included). */
  timeoutMs?: number;
  /** Extra node flags, e.g. --cpu-prof. */
  execArgv?: readonly string[];
  /**
   * Start through bash with the open-files limit raised to the hard limit
   * (thousands of sockets): `ulimit -n` cannot be raised from inside node.
   */
  manyFiles?: boolean;
}

/** Starts `entry` (a .ts file, loaded through tsx) with `options` as JSON in argv[2]; resolves once it announces it is ready. */
export function startChild(name: string, entry: string, options: unknown, { timeoutMs = 120_000, execArgv = [], manyFiles = false }: StartOptions = {}): Promise<ChildServer> {
  const nodeArgs = ['--import', import.meta.resolve('tsx'), ...execArgv];
  const child = manyFiles
    ? // bash execs node in its own place (same pid), and node finds the IPC channel bash inherited.
      spawn('bash', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, ...nodeArgs, entry, JSON.stringify(options)], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
    : fork(entry, [JSON.stringify(options)], { execArgv: nodeArgs, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  running.add(child);
  let exitReason: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitReason = signal ? `killed by ${signal}` : `exited with code ${code}`;
      running.delete(child);
      resolve();
    });
  });

  let nextId = 1;
  const waiting = new Map<number, { resolve: (body: unknown) => void; reject: (err: Error) => void }>();
  child.on('message', (message: Message) => {
    if (message.type !== 'response') return;
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.ok) pending.resolve(message.body);
    else pending.reject(new Error(`${name}: ${message.error}`));
  });
  void exited.then(() => {
    for (const pending of waiting.values()) pending.reject(new Error(`${name} ${exitReason}`));
    waiting.clear();
  });

  const server = (url: string, info: ChildInfo): ChildServer => ({
    name,
    url,
    info,
    pid: child.pid ?? 0,
    exit: () => exitReason,
    request<T>(request: ParentRequest, timeoutMs = 60_000) {
      if (exitReason !== null) return Promise.reject(new Error(`${name} ${exitReason}`));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`${name} did not answer ${request.type} within ${timeoutMs / 1000}s`));
        }, timeoutMs);
        waiting.set(id, {
          resolve: (body) => {
            clearTimeout(timer);
            resolve(body as T);
          },
          reject: (err) => {
            clearTimeout(timer);
            reject(err);
          },
        });
        child.send({ type: 'request', id, request });
      });
    },
    async stop(graceMs = 5_000) {
      if (exitReason !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  });

  return new Promise<ChildServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs / 1000}s`));
    }, timeoutMs);
    child.on('message', (message: Message) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve(server(message.url, message.info ?? {}));
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} ${exitReason} before it was ready`));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** Last resort, synchronous (safe in process.on('exit')): SIGKILL every child still running. */
export function killAllChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Resident memory of a process in bytes (VmRSS of /proc/<pid>/status), or null where there is no /proc. */
export async function residentBytes(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kib === undefined ? null : Number(kib) * 1024;
  } catch {
    return null;
  }
}

/* ---- child side ---- */

/** The options the parent passed to `startChild`. */
export function childOptions<T>(): T {
  const raw = process.argv[2];
  if (!raw) throw new Error('This file is started by bench/run.ts, not directly.');
  return JSON.parse(raw) as T;
}

/** Answers the parent's `request()`s; `handle` may be async and may throw (the parent's promise rejects). */
export function onParentRequest(handle: (request: ParentRequest) => unknown): void {
  process.on('message', (message: { type?: string; id?: number; request?: ParentRequest }) => {
    if (message?.type !== 'request' || typeof message.id !== 'number' || !message.request) return;
    const { id, request } = message;
    Promise.resolve()
      .then(() => handle(request))
      .then(
        (body) => process.send?.({ type: 'response', id, ok: true, body } satisfies Message),
        (err: unknown) => process.send?.({ type: 'response', id, ok: false, error: String((err as Error)?.message ?? err) } satisfies Message),
      );
  });
}

/** Tells the parent the server listens (with `info`), and ends this process with its parent or on SIGTERM. */
export function announceReady(url: string, close: () => Promise<void>, info: ChildInfo = {}): void {
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    const force = setTimeout(() => process.exit(1), 3_000);
    force.unref();
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // The parent died without stopping us (e.g. SIGKILL): the IPC channel closes.
  process.on('disconnect', shutdown);
  process.send?.({ type: 'ready', url, info } satisfies Message);
}

/** A free loopback port, for servers that must know their URL before they listen. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
