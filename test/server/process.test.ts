import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/client-build.js';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs `npm start`'s entry the way an operator does, with only environment variables. */
function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: projectRoot,
    env: { ...process.env, FRONTLINE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start in time:\n${out}`)), 60_000);
    child.stdout?.on('data', () => {
      if (out.includes('Frontline is running at')) {
        clearTimeout(timer);
        resolve({ child, output: () => out, exited });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

const freePort = () => 20000 + Math.floor(Math.random() * 20000);
const login = (base: string, email: string, password: string) =>
  fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

describe('the server process', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  it('with FRONTLINE_DEMO=0 and an admin from the environment starts an empty workspace with just that admin', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'frontline-proc-'));
    const port = freePort();
    const server = await start({
      PORT: String(port),
      HOST: '127.0.0.1',
      FRONTLINE_DATA_DIR: dataDir,
      FRONTLINE_DEMO: '0',
      FRONTLINE_ADMIN_EMAIL: 'owner@company.test',
      FRONTLINE_ADMIN_PASSWORD: 'a long admin password',
      FRONTLINE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
    cleanups.push(() => {
      server.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });
    const base = `http://127.0.0.1:${port}`;
    expect(server.output()).toContain(`Frontline is running at ${base}`);
    expect(server.output()).not.toContain('frontline-demo');
    expect(existsSync(join(dataDir, 'frontline.db'))).toBe(true);
    expect((await login(base, 'admin@example.com', 'frontline-demo')).status).toBe(401);
    const res = await login(base, 'owner@company.test', 'a long admin password');
    expect(res.status).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const users = await (await fetch(`${base}/api/users`, { headers: { cookie } })).json();
    expect(users.items.map((u: { email: string }) => u.email)).toEqual(['owner@company.test']);
    const teams = await (await fetch(`${base}/api/teams`, { headers: { cookie } })).json();
    expect(teams.items).toEqual([]);
    // The client is served on its routes.
    const page = await fetch(`${base}/admin`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module"');
  });

  it('seeds and prints the demo accounts by default, finishes in-flight requests on SIGTERM, then exits cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'frontline-proc-'));
    const port = freePort();
    const server = await start({ PORT: String(port), FRONTLINE_DATA_DIR: dataDir, FRONTLINE_LOG_LEVEL: 'info' });
    cleanups.push(() => {
      server.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });
    const out = server.output();
    expect(out).toContain(`Frontline is running at http://localhost:${port}`);
    expect(out).toMatch(/DEMO WORKSPACE/);
    for (const email of ['admin@example.com', 'lead@example.com', 'agent@example.com']) expect(out).toContain(email);
    expect(out).toContain('frontline-demo');
    // Login hashes with argon2, so it is still in flight when the signal arrives right after the server logs its arrival.
    const inFlight = login(`http://127.0.0.1:${port}`, 'admin@example.com', 'frontline-demo');
    const arrived = Date.now();
    while (!/"url":"\/api\/auth\/login"/.test(server.output()) && Date.now() - arrived < 5000) await new Promise((r) => setImmediate(r));
    server.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await server.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  });
});
