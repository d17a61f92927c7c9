/**
 * The servers under test run in child processes so that autocannon, in the
 * parent, never shares their event loop. Child side: `childOptions()` then
 * `announceReady(url)`. Parent side: `startChild()`, `stop()`, and
 * `killAllChildren()` for every way the parent can end.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import type { InsightsFixtures } from './dataset/generate.js';

/** What a child tells the parent beside its URL: the fixtures it generated, if any. */
export interface ChildInfo {
  insights?: InsightsFixtures;
}

type Message = { type: 'ready'; url: string; info: ChildInfo };

export interface ChildServer {
  name: string;
  url: string;
  info: ChildInfo;
  /** Null while running; why it ended otherwise. */
  exit(): string | null;
  /** SIGTERM, then SIGKILL if it has not ended after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();

export interface StartOptions {
  /** How long the child may take until it listens (dataset generation included). */
  timeoutMs?: number;
  /** Extra node flags, e.g. --cpu-prof. */
  execArgv?: readonly string[];
}

/** Forks `entry` (a .ts file, loaded through tsx) with `options` as JSON in argv[2]; resolves once it listens. */
export function startChild(name: string, entry: string, options: unknown, { timeoutMs = 120_000, execArgv = [] }: StartOptions = {}): Promise<ChildServer> {
  const child = fork(entry, [JSON.stringify(options)], {
    execArgv: ['--import', import.meta.resolve('tsx'), ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  running.add(child);
  let exitReason: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitReason = signal ? `killed by ${signal}` : `exited with code ${code}`;
      running.delete(child);
      resolve();
    });
  });

  const server = (url: string, info: ChildInfo): ChildServer => ({
    name,
    url,
    info,
    exit: () => exitReason,
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

/* ---- child side ---- */

/** The options the parent passed to `startChild`. */
export function childOptions<T>(): T {
  const raw = process.argv[2];
  if (!raw) throw new Error('This file is started by bench/run.ts, not directly.');
  return JSON.parse(raw) as T;
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
