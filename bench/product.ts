/**
 * The product under test (a child of bench/run.ts): buildApp on the fresh data
 * folder it is given, API rate limit off, logs at warn, demo workspace seeded,
 * then (when asked) the datasets of its environment, written with plain SQL
 * between a first start and the one that listens.
 */
import { join } from 'node:path';
import { openDatabase } from '../db/client.js';
import { buildApp } from '../server/app.js';
import { SearchIndexer } from '../server/features/search/indexer.js';
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
const config = {
  dataDir,
  port,
  host: '127.0.0.1',
  publicUrl: url,
  demo: true,
  adminEmail: null,
  adminPassword: null,
  logLevel: 'warn',
  rateLimit: 0,
} as const;

// First the product makes its schema and demo workspace, as on a first start…
const first = await buildApp({ config });
await bootstrap(first);
await first.close();

// …then the datasets go in through a connection of their own (bulk loads leave WAL mode, which
// needs the file to themselves), and the product starts again on the result.
const log = (line: string) => process.stderr.write(`bench: product: ${line}\n`);
const info: ChildInfo = {};
const database = openDatabase(join(dataDir, 'frontline.db'));
const { sqlite } = database;
if (datasets.insights) info.insights = seedProductInsights(sqlite, datasets.insights, log);
if (datasets.searchIndex) info.search = buildProductSearch(sqlite, new SearchIndexer(sqlite), log);
if (datasets.issues) info.issues = seedProductIssues(sqlite, datasets.issues, log);
if (datasets.claims) info.claims = seedProductClaims(sqlite, datasets.claims, log);
if (datasets.dashboard) info.dashboard = seedProductDashboard(sqlite, datasets.dashboard, log);
database.close();

const app = await buildApp({ config });
await bootstrap(app);
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
