/**
 * The bare baseline (a child of bench/run.ts): Fastify 5 and better-sqlite3
 * with the product's pragmas, no plugins, no ORM, no schema validation; each
 * scenario registers its route of the same shape as the product's.
 */
import Fastify from 'fastify';
import { hash } from '@node-rs/argon2';
import { join } from 'node:path';
import { announceReady, childOptions, type ChildInfo } from '../children.js';
import type { Credentials } from '../scenario.js';
import { scenarios } from '../scenarios/index.js';
import { openBaseline, seedUser } from './context.js';
import { seedBaselineInsights } from './insights.js';

export interface BaselineOptions {
  dataDir: string;
  admin: Credentials;
  /** The demo agent (a member); shares the admin's password, as the demo accounts do. */
  agent: Credentials;
  /** Insights to generate before listening (0: none, no insights scenario runs). */
  insights: number;
}

const { dataDir, admin, agent, insights } = childOptions<BaselineOptions>();
const ctx = openBaseline(join(dataDir, 'baseline.db'));
// The product hashes with @node-rs/argon2's defaults (server/features/auth/passwords.ts): same cost here.
const passwordHash = await hash(admin.password);
seedUser(ctx, { email: admin.email, role: 'admin', displayName: 'Ada Admin', handle: 'admin' }, passwordHash);
seedUser(ctx, { email: agent.email, role: 'member', displayName: 'Alex Agent', handle: 'agent' }, agent.password === admin.password ? passwordHash : await hash(agent.password));

const app = Fastify({ logger: false });
for (const scenario of scenarios) scenario.baseline(app, ctx);

const info: ChildInfo = {};
if (insights > 0) info.insights = seedBaselineInsights(ctx, insights, (line) => process.stderr.write(`bench: baseline: ${line}\n`));

const address = await app.listen({ port: 0, host: '127.0.0.1' });

announceReady(
  address,
  async () => {
    await app.close();
    ctx.db.close();
  },
  info,
);
