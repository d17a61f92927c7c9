import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type Client, type TestApp } from '../helpers/app.js';
import { createTeam, createUser, userInput } from '../helpers/factories.js';

describe('users', () => {
  let t: TestApp;
  let admin: Client;
  let lead: Client;
  let member: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    [admin, lead, member] = await Promise.all([loginAs(t.app, 'admin'), loginAs(t.app, 'lead'), loginAs(t.app, 'member')]);
  });
  afterAll(() => t.close());

  it('only admins create and change users; every signed-in person can read the directory', async () => {
    for (const client of [lead, member]) {
      expect((await client({ method: 'POST', url: '/api/users', payload: userInput() })).statusCode).toBe(403);
      expect((await client({ method: 'PATCH', url: '/api/users/user-agent', payload: { displayName: 'X' } })).statusCode).toBe(403);
      expect((await client({ method: 'GET', url: '/api/users' })).statusCode).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/users', payload: userInput() })).statusCode).toBe(401);
  });

  it('creates a user with teams, in the wire shape, and records user.created', async () => {
    const team = await createTeam(admin);
    const res = await admin({ method: 'POST', url: '/api/users', payload: userInput({ role: 'lead', teamIds: [team.id], email: 'Mixed.Case@Example.test' }) });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['id', 'email', 'displayName', 'handle', 'role', 'teams', 'active']));
    expect(body).toMatchObject({ role: 'lead', active: true, teams: [{ id: team.id, slug: team.slug, name: team.name }] });
    expect(body.invite).toBeUndefined();
    const events = t.app.database.sqlite.prepare("select type from events where subject_id = ? and type = 'user.created'").all(body.id);
    expect(events).toHaveLength(1);
  });

  it('answers 409 for an email taken in another case, or a handle taken, naming the field', async () => {
    const first = await createUser(admin);
    const sameEmail = await admin({ method: 'POST', url: '/api/users', payload: userInput({ email: first.email.toUpperCase() }) });
    expect(sameEmail.statusCode).toBe(409);
    expect(sameEmail.json().error).toMatchObject({ code: 'conflict', details: { field: 'email' } });
    const sameHandle = await admin({ method: 'POST', url: '/api/users', payload: userInput({ handle: first.handle.toUpperCase() }) });
    expect(sameHandle.statusCode).toBe(409);
    expect(sameHandle.json().error.details.field).toBe('handle');
    const teamSlug = await admin({ method: 'POST', url: '/api/users', payload: userInput({ handle: 'support' }) });
    expect(teamSlug.statusCode).toBe(409);
  });

  it('rejects bad input with 400 and the fields at fault', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...userInput(), email: 'not-an-email' }, 'body.email'],
      [{ ...userInput(), role: 'superuser' }, 'body.role'],
      [{ ...userInput(), handle: 'has spaces' }, 'body.handle'],
      [{ ...userInput(), password: 'short' }, 'body.password'],
      [{ ...userInput(), displayName: '' }, 'body.displayName'],
      [{ ...userInput(), teamIds: 'support' }, 'body.teamIds'],
    ];
    for (const [payload, path] of cases) {
      const res = await admin({ method: 'POST', url: '/api/users', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('invalid_input');
      expect(res.json().error.details.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const unknownTeam = await admin({ method: 'POST', url: '/api/users', payload: userInput({ teamIds: ['no-such-team'] }) });
    expect(unknownTeam.statusCode).toBe(400);
    expect(unknownTeam.json().error.details.field).toBe('teamIds');
  });

  it('PATCH changes name, handle, role and password, and refuses an empty change', async () => {
    const person = await createUser(admin);
    const res = await admin({ method: 'PATCH', url: `/api/users/${person.id}`, payload: { displayName: 'Renamed', handle: `renamed-${person.handle}`, role: 'lead', password: 'a brand new password' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Renamed', role: 'lead' });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: person.email, password: 'a brand new password' } })).statusCode).toBe(200);
    expect((await admin({ method: 'PATCH', url: `/api/users/${person.id}`, payload: {} })).statusCode).toBe(400);
    expect((await admin({ method: 'PATCH', url: '/api/users/nobody', payload: { displayName: 'X' } })).statusCode).toBe(404);
    expect((await admin({ method: 'PATCH', url: `/api/users/${person.id}`, payload: { active: 'yes' } })).statusCode).toBe(400);
  });

  it('keeps at least one active admin', async () => {
    const res = await admin({ method: 'PATCH', url: '/api/users/user-admin', payload: { role: 'member' } });
    expect(res.statusCode).toBe(409);
    expect((await admin({ method: 'GET', url: '/api/me' })).json().role).toBe('admin');
  });

  it('pages through every user exactly once with limit and cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/users?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await member({ method: 'GET', url })).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((u: { id: string }) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = t.app.database.sqlite.prepare('select count(*) as n from users').get() as { n: number };
    expect(seen).toHaveLength(all.n);
    expect(new Set(seen).size).toBe(all.n);
  });

  it('filters the directory by q', async () => {
    const res = await member({ method: 'GET', url: '/api/users?q=priya' });
    expect(res.json().items.map((u: { handle: string }) => u.handle)).toEqual(['priya']);
  });

  it('honours Idempotency-Key: the same key returns the first result and creates one user', async () => {
    const payload = userInput();
    const headers = { 'idempotency-key': 'create-once-1' };
    const first = await admin({ method: 'POST', url: '/api/users', payload, headers });
    const second = await admin({ method: 'POST', url: '/api/users', payload, headers });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const n = t.app.database.sqlite.prepare('select count(*) as n from users where email = ?').get(payload.email) as { n: number };
    expect(n.n).toBe(1);
    // A failed attempt does not burn the key.
    const bad = await admin({ method: 'POST', url: '/api/users', payload: { ...userInput(), email: 'bad' }, headers: { 'idempotency-key': 'retry-me' } });
    expect(bad.statusCode).toBe(400);
    const fixed = await admin({ method: 'POST', url: '/api/users', payload: userInput(), headers: { 'idempotency-key': 'retry-me' } });
    expect(fixed.statusCode).toBe(201);
  });

  it('concurrent requests with one Idempotency-Key create a single user', async () => {
    const payload = userInput();
    const headers = { 'idempotency-key': 'race-1' };
    const results = await Promise.all(Array.from({ length: 5 }, () => admin({ method: 'POST', url: '/api/users', payload, headers })));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const n = t.app.database.sqlite.prepare('select count(*) as n from users where email = ?').get(payload.email) as { n: number };
    expect(n.n).toBe(1);
  });
});
