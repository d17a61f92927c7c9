/**
 * The bare baseline (a child of bench/run.ts): Fastify 5 and better-sqlite3
 * with the product's pragmas, no plugins, no ORM, no schema validation; each
 * scenario of its environment registers its route of the same shape as the
 * product's.
 */
import Fastify from 'fastify';
import { hash } from '@node-rs/argon2';
import { join } from 'node:path';
import { announceReady, childOptions, type ChildInfo } from '../children.js';
import type { DatasetOptions } from '../dataset/fixtures.js';
import type { Accounts, Scenario } from '../scenario.js';
import { scenarios } from '../scenarios/index.js';
import { login } from '../scenarios/login.js';
import { openBaseline, seedUser } from './context.js';
import { seedBaselineInsights } from './insights.js';
import { seedBaselineClaims, seedBaselineIssues } from './issues.js';
import { buildBaselineSearch } from './search.js';

export interface BaselineOptions {
  dataDir: string;
  /** The demo admin, agent (a member) and lead: all share the admin's password, as the demo accounts do. */
  accounts: Accounts;
  /** The scenarios of this environment: only their routes are registered. */
  scenarios: string[];
  datasets: DatasetOptions;
}

const { dataDir, accounts, scenarios: names, datasets } = childOptions<BaselineOptions>();
const ctx = openBaseline(join(dataDir, 'baseline.db'));
// The product hashes with @node-rs/argon2's defaults (server/features/auth/passwords.ts): same cost here.
const hashes = new Map<string, string>();
const hashOf = async (password: string) => hashes.get(password) ?? hashes.set(password, await hash(password)).get(password) as string;
seedUser(ctx, { email: accounts.admin.email, role: 'admin', displayName: 'Ada Admin', handle: 'admin' }, await hashOf(accounts.admin.password));
seedUser(ctx, { email: accounts.agent.email, role: 'member', displayName: 'Alex Agent', handle: 'agent' }, await hashOf(accounts.agent.password));
seedUser(ctx, { email: accounts.lead.email, role: 'lead', displayName: 'Lee Lead', handle: 'lead' }, await hashOf(accounts.lead.password));

const app = Fastify({ logger: false });
// Scenarios that share a route share its function (e.g. the search rows): register each once.
const registered = new Set<NonNullable<Scenario['baseline']>>();
// Every plan signs in first: the login route is always there.
for (const scenario of [login, ...scenarios]) {
  if (scenario.kind === 'custom' || !(scenario === login || names.includes(scenario.name)) || !scenario.baseline || registered.has(scenario.baseline)) continue;
  registered.add(scenario.baseline);
  scenario.baseline(app, ctx);
}

const log = (line: string) => process.stderr.write(`bench: baseline: ${line}\n`);
const info: ChildInfo = {};
if (datasets.insights) info.insights = seedBaselineInsights(ctx, datasets.insights, log);
if (datasets.searchIndex) info.search = buildBaselineSearch(ctx, log);
if (datasets.issues) info.issues = seedBaselineIssues(ctx, datasets.issues, log);
if (datasets.claims) info.claims = seedBaselineClaims(ctx, datasets.claims, log);

const address = await app.listen({ port: 0, host: '127.0.0.1' });

announceReady(
  address,
  async () => {
    await app.close();
    ctx.db.close();
  },
  info,
);
