/**
 * The product under test (a child of bench/run.ts): buildApp on the fresh data
 * folder it is given, API rate limit off, logs at warn, demo workspace seeded.
 */
import { buildApp } from '../server/app.js';
import { bootstrap } from '../server/bootstrap.js';
import { announceReady, childOptions, freePort } from './children.js';

export interface ProductOptions {
  dataDir: string;
}

const { dataDir } = childOptions<ProductOptions>();
process.env.FRONTLINE_RATE_LIMIT = '0';
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const app = await buildApp({
  config: {
    dataDir,
    port,
    host: '127.0.0.1',
    publicUrl: url,
    demo: true,
    adminEmail: null,
    adminPassword: null,
    logLevel: 'warn',
    rateLimit: 0,
  },
});
await bootstrap(app);
await app.listen({ port, host: '127.0.0.1' });

announceReady(url, () => app.close());
