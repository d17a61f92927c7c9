import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('signs in with the demo admin (email ignoring case) and sets a safe session cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'Admin@Example.com', password: 'frontline-demo' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: 'admin@example.com', role: 'admin', active: true });
    const cookie = res.cookies.find((c) => c.name === 'frontline_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'lead@example.com', password: 'nope-nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ghost@example.com', password: 'nope-nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('unauthenticated');
  });

  it('GET /api/me has role and teams, and is 401 when signed out', async () => {
    const agent = await loginAs(t.app, 'member');
    const me = await agent({ method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'agent@example.com', role: 'member', teams: [{ slug: 'support', name: 'Support' }] });
    const anon = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('unauthenticated');
  });

  it('expired sessions are cleared at the next start', async () => {
    const { sqlite } = t.app.database;
    sqlite.prepare("insert into sessions (token_hash, user_id, created_at, expires_at) values ('old', 'user-agent', '2020-01-01T00:00:00.000Z', '2020-01-31T00:00:00.000Z')").run();
    const { bootstrap } = await import('../../server/bootstrap.js');
    await bootstrap(t.app);
    expect(sqlite.prepare("select count(*) as n from sessions where token_hash = 'old'").get()).toEqual({ n: 0 });
  });

  it('logout ends the session on the server', async () => {
    const lead = await loginAs(t.app, 'lead');
    expect((await lead({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await lead({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('a deactivated user cannot sign in and their open sessions end at once', async () => {
    const admin = await loginAs(t.app, 'admin');
    const person = await createUser(admin);
    const session = await loginAs(t.app, { email: person.email, password: person.password as string });
    expect((await session({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await admin({ method: 'PATCH', url: `/api/users/${person.id}`, payload: { active: false } })).statusCode).toBe(200);
    expect((await session({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: person.email, password: person.password } });
    expect(again.statusCode).toBe(403);
  });

  it('refuses state changes from a foreign Origin or a cross-site fetch, login included', async () => {
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'admin@example.com', password: 'frontline-demo' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('forbidden');
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { email: 'admin@example.com', password: 'frontline-demo' },
    });
    expect(crossSite.statusCode).toBe(403);
    const sameOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' },
      payload: { email: 'admin@example.com', password: 'frontline-demo' },
    });
    expect(sameOrigin.statusCode).toBe(200);
  });

  it('an invite link lets the person set their own password once', async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = await admin({ method: 'POST', url: '/api/users', payload: { email: 'invited@example.test', displayName: 'Invited', handle: 'invited' } });
    expect(res.statusCode).toBe(201);
    const { invite } = res.json();
    expect(invite.url).toMatch(/^http:\/\/localhost:3000\/accept-invite\?token=/);
    expect(Date.parse(invite.expiresAt)).toBeGreaterThan(Date.now());
    const token = new URL(invite.url).searchParams.get('token');
    const before = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'invited@example.test', password: 'my own password' } });
    expect(before.statusCode).toBe(401);
    const accepted = await t.app.inject({ method: 'POST', url: '/api/auth/accept-invite', payload: { token, password: 'my own password' } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.cookies.some((c) => c.name === 'frontline_session')).toBe(true);
    const reused = await t.app.inject({ method: 'POST', url: '/api/auth/accept-invite', payload: { token, password: 'another password' } });
    expect(reused.statusCode).toBe(404);
    const short = await t.app.inject({ method: 'POST', url: '/api/auth/accept-invite', payload: { token, password: 'short' } });
    expect(short.statusCode).toBe(400);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'invited@example.test', password: 'my own password' } });
    expect(login.statusCode).toBe(200);
  });
});

describe('auth behind TLS', () => {
  it('marks the session cookie Secure when the public URL is https', async () => {
    const t = await buildTestApp({ config: { publicUrl: 'https://frontline.example.com' } });
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: 'https://frontline.example.com' },
        payload: { email: 'admin@example.com', password: 'frontline-demo' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'frontline_session')?.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toBeDefined();
    } finally {
      await t.close();
    }
  });
});

describe('login rate limiting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const attempt = (email: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { email, password } });

  it('answers 429 after repeated failures for one account, even with the right password', async () => {
    for (let i = 0; i < 10; i++) expect((await attempt('lead@example.com', 'wrong-password', '10.0.0.1')).statusCode).toBe(401);
    const blocked = await attempt('lead@example.com', 'frontline-demo', '10.0.0.2');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    expect(blocked.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.headers['retry-after']).toBeDefined();
    // Another account from a fresh address is unaffected.
    expect((await attempt('agent@example.com', 'frontline-demo', '10.0.0.3')).statusCode).toBe(200);
  });

  it('answers 429 after repeated failures from one address across accounts', async () => {
    for (let i = 0; i < 30; i++) await attempt(`nobody-${i}@example.com`, 'wrong-password', '10.9.9.9');
    expect((await attempt('admin@example.com', 'frontline-demo', '10.9.9.9')).statusCode).toBe(429);
    expect((await attempt('admin@example.com', 'frontline-demo', '10.9.9.8')).statusCode).toBe(200);
  });
});
