/**
 * The product under test (a child of bench/run.ts): buildApp on the fresh data
 * folder it is given, API rate limit off, logs at warn, demo workspace seeded,
 * then (when asked) the datasets of its environment, written with plain SQL
 * before it listens.
 */
import { buildApp } from '../server/app.js';
import { bootstrap } from '../server/bootstrap.js';
import { announceReady, childOptions, freePort, onParentRequest, type ChildInfo } from './children.js';
import type { DatasetOptions } from './dataset/fixtures.js';
import { buildProductSearch, seedProductClaims, seedProductDashboard, seedProductInsights, seedProductIssues } from './dataset/product.js';

export interface ProductOptions {
  dataDir: string;
  datasets: DatasetOptions;
}

const { dataDir, datasets } = childOptions<ProductOptions>();
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

const log = (line: string) => process.stderr.write(`bench: product: ${line}\n`);
const { sqlite } = app.database;
const info: ChildInfo = {};
if (datasets.insights) info.insights = seedProductInsights(sqlite, datasets.insights, log);
if (datasets.searchIndex) info.search = buildProductSearch(sqlite, app.searchIndexer, log);
if (datasets.issues) info.issues = seedProductIssues(sqlite, datasets.issues, log);
if (datasets.claims) info.claims = seedProductClaims(sqlite, datasets.claims, log);
if (datasets.dashboard) info.dashboard = seedProductDashboard(sqlite, datasets.dashboard, log);
// The demo's writes (and any bulk load) leave nothing for the indexer to catch up on while measured.
await app.searchIndexer.drain();

// The live scenario asks for the server's memory with its connections (after a full GC when started with --expose-gc).
onParentRequest(async (request) => {
  if (request.type !== 'memory') throw new Error(`unknown request ${request.type}`);
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice, a moment apart: what the first collection frees in old space is often released only by the next.
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc?.();
  return { ...process.memoryUsage(), gc: gc !== undefined, liveClients: app.live.size };
});

await app.listen({ port, host: '127.0.0.1' });

announceReady(url, () => app.close(), info);
