/**
 * The bare baseline (a child of bench/run.ts): Fastify 5 and better-sqlite3
 * with the product's pragmas, no plugins, no ORM, no schema validation; each
 * scenario registers its route of the same shape as the product's.
 */
import Fastify from 'fastify';
import { hash } from '@node-rs/argon2';
import { join } from 'node:path';
import { announceReady, childOptions } from '../children.js';
import type { Credentials } from '../scenario.js';
import { scenarios } from '../scenarios/index.js';
import { openBaseline, seedAdmin } from './context.js';

export interface BaselineOptions {
  dataDir: string;
  admin: Credentials;
}

const { dataDir, admin } = childOptions<BaselineOptions>();
const ctx = openBaseline(join(dataDir, 'baseline.db'));
// The product hashes with @node-rs/argon2's defaults (server/features/auth/passwords.ts): same cost here.
seedAdmin(ctx, admin.email, await hash(admin.password));

const app = Fastify({ logger: false });
for (const scenario of scenarios) scenario.baseline(app, ctx);
const address = await app.listen({ port: 0, host: '127.0.0.1' });

announceReady(address, async () => {
  await app.close();
  ctx.db.close();
});
