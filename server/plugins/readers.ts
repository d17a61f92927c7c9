import fp from 'fastify-plugin';
import { ReaderPool } from '../readers/pool.js';

declare module 'fastify' {
  interface FastifyInstance {
    readers: ReaderPool;
  }
}

/** Reader threads for the heaviest reads (server/readers), closed with the app. */
export default fp(
  async (app) => {
    const readers = new ReaderPool(app.database.sqlite.name);
    app.decorate('readers', readers);
    app.addHook('onClose', async () => readers.close());
  },
  { name: 'readers', dependencies: ['store'] },
);
