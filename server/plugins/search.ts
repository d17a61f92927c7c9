import fp from 'fastify-plugin';
import { SearchIndexer } from '../features/search/indexer.js';
import { SearchPool } from '../features/search/pool.js';
import { recordSearchChange } from '../features/search/outbox.js';

declare module 'fastify' {
  interface FastifyInstance {
    searchIndexer: SearchIndexer;
    searchPool: SearchPool;
  }
}

/**
 * Keeps the full-text index in step with the data, off the request path:
 * every change writes an outbox row in its own transaction; the indexer
 * applies them in batches shortly after each commit (and every second), and
 * builds the whole index on the first start of a database that has content.
 * Ranked searches run in a pool of worker threads (features/search/pool.ts).
 */
export default fp(
  async (app) => {
    const indexer = new SearchIndexer(app.database.sqlite);
    app.decorate('searchIndexer', indexer);
    const pool = new SearchPool(app.database.sqlite.name);
    app.decorate('searchPool', pool);
    app.store.onAppend(recordSearchChange);
    const stop = app.store.onCommit(() => indexer.schedule());
    app.addHook('onReady', async () => {
      if (indexer.isEmpty()) {
        const hasContent = app.database.sqlite.prepare('select 1 from insights limit 1').get() !== undefined;
        if (hasContent) {
          app.log.info('building the search index for existing content');
          indexer.rebuild((step, done) => app.log.info({ done }, step));
        }
      }
      indexer.start();
    });
    app.addHook('onClose', async () => {
      stop();
      indexer.stop();
      await pool.close();
    });
  },
  { name: 'search', dependencies: ['store'] },
);
