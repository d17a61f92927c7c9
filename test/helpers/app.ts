import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type BuildOptions } from '../../server/app.js';
import { bootstrap, seedDemoWorkspace } from '../../server/bootstrap.js';
import type { Config } from '../../server/config.js';
import type { Role } from '../../shared/roles.js';
import { DEMO_PASSWORD, seedPeople } from '../../db/seed/demo.js';
import { hashPassword } from '../../server/features/auth/passwords.js';

export interface TestApp {
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
}

let demoHash: Promise<string> | null = null;

/**
 * A real app on a real SQLite file in a fresh temp folder. `demo: 'people'`
 * (the default) seeds the demo accounts and teams; `'full'` the whole demo
 * workspace, as `npm start` does on an empty database; `false` nothing.
 */
export async function buildTestApp(options: { demo?: 'people' | 'full' | false; config?: Partial<Config>; build?: Omit<BuildOptions, 'config'> } = {}): Promise<TestApp> {
  const demo = options.demo ?? 'people';
  const dataDir = mkdtempSync(join(tmpdir(), 'frontline-test-'));
  const app = await buildApp({
    logger: false,
    ...options.build,
    config: {
      dataDir,
      demo: false,
      adminEmail: null,
      adminPassword: null,
      publicUrl: 'http://localhost:3000',
      logLevel: 'silent',
      rateLimit: 0,
      ...options.config,
    },
  });
  if (demo) {
    demoHash ??= hashPassword(DEMO_PASSWORD);
    if (demo === 'full') seedDemoWorkspace(app, await demoHash);
    else seedPeople(app.store.db, await demoHash);
  }
  await bootstrap(app);
  return {
    app,
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo account for each role. */
export const DEMO_ACCOUNTS: Record<Role, string> = {
  admin: 'admin@example.com',
  lead: 'lead@example.com',
  member: 'agent@example.com',
};

export type Client = (options: InjectOptions) => Promise<LightMyRequestResponse>;

/** Signs in and returns an `inject` bound to that session's cookie. */
export async function loginAs(app: FastifyInstance, who: Role | { email: string; password: string }): Promise<Client> {
  const credentials = typeof who === 'string' ? { email: DEMO_ACCOUNTS[who], password: DEMO_PASSWORD } : who;
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: credentials });
  if (res.statusCode !== 200) throw new Error(`login as ${credentials.email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'frontline_session');
  if (!cookie) throw new Error('login set no session cookie');
  return (options) =>
    app.inject({ ...options, headers: { cookie: `frontline_session=${cookie.value}`, ...options.headers } });
}

/** An anonymous `inject`. */
export const anonymous = (app: FastifyInstance): Client => (options) => app.inject(options);
