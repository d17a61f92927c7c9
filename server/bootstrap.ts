import { count, eq, and } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { users } from '../db/schema.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedConversations, seedIssues, seedPeople } from '../db/seed/demo.js';
import { hashPassword } from './features/auth/passwords.js';
import { deleteExpiredSessions } from './features/auth/queries.js';
import { newId, nowIso } from './store/ids.js';

export interface BootstrapReport {
  seededDemo: boolean;
  /** The demo accounts exist (seeded now or on an earlier start): print them with the warning. */
  hasDemoAccounts: boolean;
  createdAdmin: string | null;
}

/** The demo workspace: its people, 90 days of conversations and the issues they led to. */
export function seedDemoWorkspace(app: FastifyInstance, passwordHash: string): void {
  seedPeople(app.store.db, passwordHash);
  seedIssues(app.store, seedConversations(app.store));
  // The seed writes its 90 days out of time order: index them in time order, as live content is.
  app.searchIndexer.rebuild();
}

/**
 * How an instance begins: the demo workspace on a new, empty database (unless
 * FRONTLINE_DEMO=0), and the configured admin when no admin exists yet.
 */
export async function bootstrap(app: FastifyInstance): Promise<BootstrapReport> {
  const { db } = app.store;
  const { demo, adminEmail, adminPassword } = app.config;
  const report: BootstrapReport = { seededDemo: false, hasDemoAccounts: false, createdAdmin: null };
  // Expired sessions are refused anyway; clearing them at start keeps the table small.
  deleteExpiredSessions(db);
  const empty = (db.select({ n: count() }).from(users).get()?.n ?? 0) === 0;
  if (empty && demo) {
    seedDemoWorkspace(app, await hashPassword(DEMO_PASSWORD));
    report.seededDemo = true;
  }
  const hasAdmin = db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true))).get();
  if (!hasAdmin && adminEmail && adminPassword) {
    const passwordHash = await hashPassword(adminPassword);
    const id = newId();
    const handle = (adminEmail.split('@')[0] ?? 'admin').toLowerCase().replace(/[^a-z0-9_.-]/g, '') || 'admin';
    app.store.write(({ tx, append }) => {
      const at = nowIso();
      tx.insert(users).values({ id, email: adminEmail, displayName: 'Administrator', handle, role: 'admin', passwordHash, createdAt: at, updatedAt: at }).run();
      append('user.created', { actorId: null, subject: { type: 'user', id }, data: { userId: id, email: adminEmail, role: 'admin' } });
    });
    report.createdAdmin = adminEmail;
  } else if (!hasAdmin && !report.seededDemo) {
    app.log.warn('No admin exists: set FRONTLINE_ADMIN_EMAIL and FRONTLINE_ADMIN_PASSWORD to create one.');
  }
  report.hasDemoAccounts = db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_LOGINS[0]?.email ?? '')).get() !== undefined;
  return report;
}

export const demoBanner = (url: string) =>
  [
    '',
    `  Frontline is running at ${url}`,
    '',
    '  ⚠  DEMO WORKSPACE: these accounts share a public password. Do not use it for real data.',
    ...DEMO_LOGINS.map((l) => `     ${l.email.padEnd(22)} ${`(${l.role})`.padEnd(9)} password: ${DEMO_PASSWORD}`),
    '',
  ].join('\n');
