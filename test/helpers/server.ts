import type { AddressInfo } from 'node:net';
import { buildTestApp, type TestApp } from './app.js';

export interface RunningServer extends TestApp {
  url: string;
  port: number;
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
  return { ...test, url, port };
}
