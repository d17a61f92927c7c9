import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type Client, type TestApp } from '../helpers/app.js';
import { createTeam, createUser, teamInput } from '../helpers/factories.js';

describe('teams', () => {
  let t: TestApp;
  let admin: Client;
  let lead: Client;
  let member: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    [admin, lead, member] = await Promise.all([loginAs(t.app, 'admin'), loginAs(t.app, 'lead'), loginAs(t.app, 'member')]);
  });
  afterAll(() => t.close());

  const eventTypes = (teamId: string) =>
    (t.app.database.sqlite.prepare('select type from events where subject_id = ? order by seq').all(teamId) as { type: string }[]).map((e) => e.type);

  it('the demo workspace has the six teams', async () => {
    const res = await member({ method: 'GET', url: '/api/teams' });
    expect(res.statusCode).toBe(200);
    const slugs = res.json().items.map((team: { slug: string }) => team.slug);
    expect(slugs).toEqual(expect.arrayContaining(['support', 'sales', 'marketing', 'product', 'engineering', 'operations']));
    expect(res.json().nextCursor).toBeNull();
  });

  it('admins and leads create teams; members get 403; anonymous 401', async () => {
    expect((await admin({ method: 'POST', url: '/api/teams', payload: teamInput() })).statusCode).toBe(201);
    const byLead = await lead({ method: 'POST', url: '/api/teams', payload: teamInput({ description: 'Helps', targetDays: 5 }) });
    expect(byLead.statusCode).toBe(201);
    expect(byLead.json()).toMatchObject({ description: 'Helps', targetDays: 5, members: [] });
    expect((await member({ method: 'POST', url: '/api/teams', payload: teamInput() })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/teams', payload: teamInput() })).statusCode).toBe(401);
    const id = byLead.json().id;
    expect((await member({ method: 'PATCH', url: `/api/teams/${id}`, payload: { name: 'X' } })).statusCode).toBe(403);
    expect((await member({ method: 'PUT', url: `/api/teams/${id}/members/user-agent` })).statusCode).toBe(403);
    expect((await member({ method: 'DELETE', url: `/api/teams/${id}/members/user-agent` })).statusCode).toBe(403);
  });

  it('defaults targetDays to 14 and answers one team by id or slug', async () => {
    const team = await createTeam(admin);
    expect(team.targetDays).toBe(14);
    expect((await member({ method: 'GET', url: `/api/teams/${team.id}` })).json().slug).toBe(team.slug);
    expect((await member({ method: 'GET', url: `/api/teams/${team.slug}` })).json().id).toBe(team.id);
    expect((await member({ method: 'GET', url: '/api/teams/nope' })).statusCode).toBe(404);
  });

  it('a taken slug is 409; a bad slug or target is 400', async () => {
    expect((await admin({ method: 'POST', url: '/api/teams', payload: teamInput({ slug: 'support' }) })).statusCode).toBe(409);
    expect((await admin({ method: 'POST', url: '/api/teams', payload: teamInput({ slug: 'agent' }) })).statusCode).toBe(409);
    expect((await admin({ method: 'POST', url: '/api/teams', payload: teamInput({ slug: 'Not A Slug' }) })).statusCode).toBe(400);
    expect((await admin({ method: 'POST', url: '/api/teams', payload: teamInput({ targetDays: 0 }) })).statusCode).toBe(400);
    const team = await createTeam(admin);
    expect((await admin({ method: 'PATCH', url: `/api/teams/${team.id}`, payload: { slug: 'sales' } })).statusCode).toBe(409);
  });

  it('PATCH renames and records team.updated with what changed', async () => {
    const team = await createTeam(admin);
    const res = await lead({ method: 'PATCH', url: `/api/teams/${team.id}`, payload: { name: 'Renamed', targetDays: 3 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Renamed', targetDays: 3, slug: team.slug });
    expect(eventTypes(team.id)).toEqual(['team.created', 'team.updated']);
    const payload = t.app.database.sqlite.prepare("select payload from events where subject_id = ? and type = 'team.updated'").get(team.id) as { payload: string };
    expect(JSON.parse(payload.payload).changes).toEqual({ name: 'Renamed', targetDays: 3 });
  });

  it('adds and removes members idempotently, one event per real change', async () => {
    const team = await createTeam(admin);
    const person = await createUser(admin);
    const url = `/api/teams/${team.id}/members/${person.id}`;
    const added = await lead({ method: 'PUT', url });
    expect(added.statusCode).toBe(200);
    expect(added.json().members.map((m: { id: string }) => m.id)).toEqual([person.id]);
    expect((await lead({ method: 'PUT', url })).json().members).toHaveLength(1);
    const me = await admin({ method: 'GET', url: `/api/users/${person.id}` });
    expect(me.json().teams.map((x: { id: string }) => x.id)).toContain(team.id);
    expect((await lead({ method: 'DELETE', url })).json().members).toEqual([]);
    expect((await lead({ method: 'DELETE', url })).statusCode).toBe(200);
    expect(eventTypes(team.id)).toEqual(['team.created', 'team.member_added', 'team.member_removed']);
    expect((await lead({ method: 'PUT', url: `/api/teams/${team.id}/members/nobody` })).statusCode).toBe(404);
    expect((await lead({ method: 'PUT', url: `/api/teams/nope/members/${person.id}` })).statusCode).toBe(404);
  });
});
