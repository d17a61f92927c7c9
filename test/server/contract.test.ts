import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type Client, type TestApp } from '../helpers/app.js';
import { teamInput } from '../helpers/factories.js';

describe('contract plumbing', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginAs(t.app, 'admin');
  });
  afterAll(() => t.close());

  const expectError = (res: { statusCode: number; json: () => unknown; body: string }, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    const body = res.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  };

  it('GET /api/health answers {"ok": true} while the database answers, and 503 when it does not', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const broken = await buildTestApp({ demo: false });
    broken.app.database.sqlite.close();
    expectError(await broken.app.inject({ method: 'GET', url: '/api/health' }), 503, 'unavailable');
    await broken.close();
  });

  it('malformed JSON is 400', async () => {
    expectError(await admin({ method: 'POST', url: '/api/teams', headers: { 'content-type': 'application/json' }, payload: '{"name": ' }), 400, 'invalid_input');
  });

  it('a body that is not JSON is 415', async () => {
    expectError(await admin({ method: 'POST', url: '/api/teams', headers: { 'content-type': 'text/plain' }, payload: 'name=x' }), 415, 'unsupported_media_type');
    expectError(await admin({ method: 'POST', url: '/api/teams', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=x' }), 415, 'unsupported_media_type');
  });

  it('a body over 1 MiB is 413', async () => {
    const payload = JSON.stringify({ ...teamInput(), description: 'x'.repeat(1024 * 1024 + 10) });
    expectError(await admin({ method: 'POST', url: '/api/teams', headers: { 'content-type': 'application/json' }, payload }), 413, 'too_large');
  });

  it('a missing body, a wrong type or an unknown enum value is 400 naming the field', async () => {
    expectError(await admin({ method: 'POST', url: '/api/teams' }), 400, 'invalid_input');
    const wrongType = await admin({ method: 'POST', url: '/api/teams', payload: { ...teamInput(), targetDays: 'soon' } });
    expectError(wrongType, 400, 'invalid_input');
    expect(wrongType.json().error.details.fields[0].path).toBe('body.targetDays');
    expectError(await admin({ method: 'GET', url: '/api/users?active=maybe' }), 400, 'invalid_input');
    expectError(await admin({ method: 'GET', url: '/api/users?limit=0' }), 400, 'invalid_input');
    expectError(await admin({ method: 'GET', url: '/api/users?limit=101' }), 400, 'invalid_input');
    expectError(await admin({ method: 'GET', url: '/api/users?cursor=garbage' }), 400, 'invalid_input');
  });

  it('an unknown API route is 404 in the contract shape; client routes get the app', async () => {
    expectError(await admin({ method: 'GET', url: '/api/nothing-here' }), 404, 'not_found');
    expectError(await admin({ method: 'DELETE', url: '/api/teams' }), 404, 'not_found');
  });

  it('publishes OpenAPI generated from the shared schemas, and its docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of ['/api/health', '/api/auth/login', '/api/me', '/api/users', '/api/users/{id}', '/api/teams', '/api/teams/{id}/members/{userId}', '/api/tokens']) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect(JSON.stringify(spec.paths['/api/teams'].post)).toContain('targetDays');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('sends security headers with a strict CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });
});

describe('API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('an admin creates a token shown once; it authenticates integrations until revoked', async () => {
    const admin = await loginAs(t.app, 'admin');
    const created = await admin({ method: 'POST', url: '/api/tokens', payload: { name: 'CRM sync' } });
    expect(created.statusCode).toBe(201);
    const { id, token, name } = created.json();
    expect(name).toBe('CRM sync');
    expect(token).toMatch(/^flt_/);
    const listed = await admin({ method: 'GET', url: '/api/tokens' });
    expect(JSON.stringify(listed.json())).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe('admin@example.com');
    expect((await t.app.inject({ method: 'POST', url: '/api/teams', headers: bearer, payload: teamInput() })).statusCode).toBe(201);
    expect((await admin({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer })).statusCode).toBe(401);
    expect((await admin({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(404);
  });

  it('members and leads cannot manage tokens; a malformed or unknown bearer is 401', async () => {
    for (const role of ['member', 'lead'] as const) {
      const client = await loginAs(t.app, role);
      expect((await client({ method: 'POST', url: '/api/tokens', payload: { name: 'x' } })).statusCode).toBe(403);
      expect((await client({ method: 'GET', url: '/api/tokens' })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Bearer flt_unknown' } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
  });
});

describe('API rate limit', () => {
  it('answers 429 with Retry-After past FRONTLINE_RATE_LIMIT per user, without touching other users', async () => {
    const t = await buildTestApp({ config: { rateLimit: 5 } });
    try {
      const lead = await loginAs(t.app, 'lead');
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await lead({ method: 'GET', url: '/api/me' })).statusCode);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      const limited = await lead({ method: 'GET', url: '/api/me' });
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const agent = await loginAs(t.app, 'member');
      expect((await agent({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
