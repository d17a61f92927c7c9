import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { buildApp } from '../../server/app.js';
import { buildTestApp, type TestApp } from './app.js';

export interface RunningServer extends TestApp {
  url: string;
  port: number;
  /** Stops the server (as a crash would, connections dropped) and starts it again on the same port and data. */
  restart(downForMs?: number): Promise<void>;
}

/**
 * A listening server on a free loopback port, for websocket and browser tests.
 * The public URL matches the listening origin so Origin checks pass for the browser.
 */
export async function startServer(options: Parameters<typeof buildTestApp>[0] = {}): Promise<RunningServer> {
  // The public URL must be known before the app is built; reserve a port first.
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const test = await buildTestApp({ demo: 'full', ...options, config: { publicUrl: url, port, ...options.config } });
  await test.app.listen({ port, host: '127.0.0.1' });
  const running: RunningServer = {
    ...test,
    url,
    port,
    close: async () => {
      await running.app.close();
      rmSync(test.dataDir, { recursive: true, force: true });
    },
    restart: async (downForMs = 500) => {
      await running.app.close();
      await new Promise((r) => setTimeout(r, downForMs));
      running.app = await buildApp({
        logger: false,
        ...options.build,
        config: { ...running.app.config },
      });
      await running.app.listen({ port, host: '127.0.0.1' });
    },
  };
  return running;
}
