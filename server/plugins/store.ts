import fp from 'fastify-plugin';
import { startCheckpointer } from '../../db/checkpointer.js';
import { openDatabase, type DbHandle } from '../../db/client.js';
import { Store } from '../store/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    database: DbHandle;
  }
}

/**
 * Opens the database once per app, with its checkpointer, and closes both when
 * the app closes, after in-flight requests finish.
 */
export default fp<{ file: string }>(
  async (app, opts) => {
    const handle = openDatabase(opts.file);
    app.decorate('database', handle);
    app.decorate('store', new Store(handle.db));
    const checkpointer = startCheckpointer(handle.sqlite);
    app.addHook('onClose', async () => {
      await checkpointer.stop();
      handle.close();
    });
  },
  { name: 'store' },
);
