/**
 * `npm run reindex`: rebuilds the full-text search index from the data, with
 * progress. Safe while the server runs (WAL; the rebuild is one transaction).
 */
import { join } from 'node:path';
import { openDatabase } from '../db/client.js';
import { loadConfig } from '../server/config.js';
import { SearchIndexer } from '../server/features/search/indexer.js';

const config = loadConfig();
const file = join(config.dataDir, 'frontline.db');
const handle = openDatabase(file);
const started = Date.now();
console.log(`Rebuilding the search index of ${file}…`);
const total = new SearchIndexer(handle.sqlite).rebuild((step, done) => {
  console.log(`  ${step} (${done.toLocaleString('en')} documents, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
});
console.log(`Done: ${total.toLocaleString('en')} documents indexed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
handle.close();
