/**
 * The product under test (a child of bench/run.ts): buildApp on the fresh data
 * folder it is given, API rate limit off, logs at warn, demo workspace seeded,
 * then (when asked) the generated insights dataset, written with plain SQL
 * before it listens.
 */
import { buildApp } from '../server/app.js';
import { bootstrap } from '../server/bootstrap.js';
import { announceReady, childOptions, freePort, type ChildInfo } from './children.js';
import { seedProductInsights } from './dataset/product.js';

export interface ProductOptions {
  dataDir: string;
  /** Insights to generate before listening (0: none, no insights scenario runs). */
  insights: number;
}

const { dataDir, insights } = childOptions<ProductOptions>();
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

const info: ChildInfo = {};
if (insights > 0) info.insights = seedProductInsights(app.database.sqlite, insights, (line) => process.stderr.write(`bench: product: ${line}\n`));

await app.listen({ port, host: '127.0.0.1' });

announceReady(url, () => app.close(), info);
