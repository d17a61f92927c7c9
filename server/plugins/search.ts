import fp from 'fastify-plugin';
import { SearchIndexer } from '../features/search/indexer.js';
import { recordSearchChange } from '../features/search/outbox.js';

declare module 'fastify' {
  interface FastifyInstance {
    searchIndexer: SearchIndexer;
  }
}

/**
 * Keeps the full-text index in step with the data, off the request path:
 * every change writes an outbox row in its own transaction; the indexer
 * applies them in batches shortly after each commit (and every second), and
 * builds the whole index on the first start of a database that has content.
 */
export default fp(
  async (app) => {
    const indexer = new SearchIndexer(app.database.sqlite);
    app.decorate('searchIndexer', indexer);
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
    });
  },
  { name: 'search', dependencies: ['store'] },
);
