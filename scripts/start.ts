/**
 * `npm start`: builds the client when its sources are newer than the last
 * build (so a fresh clone needs nothing else), then starts the server, which
 * applies migrations and seeds the demo workspace on an empty database.
 */
import { ensureClientBuilt } from './client-build.js';

ensureClientBuilt();
await import('../server/main.js');
