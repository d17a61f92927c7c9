import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type Client, type TestApp } from '../helpers/app.js';
import { createCustomer, postInsight } from '../helpers/factories.js';

describe('customers', () => {
  let t: TestApp;
  let agent: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    agent = await loginAs(t.app, 'member');
  });
  afterAll(() => t.close());

  it('creates and edits a customer in the wire shape', async () => {
    const res = await agent({ method: 'POST', url: '/api/customers', payload: { name: 'Rita Ora', company: 'Initech', email: 'rita@initech.test', handles: { twitter: '@rita' }, crmId: 'SF-1', tier: 'key' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Rita Ora', company: 'Initech', email: 'rita@initech.test', handles: { twitter: '@rita' }, crmId: 'SF-1', tier: 'key', mergedInto: null });
    const edited = await agent({ method: 'PATCH', url: `/api/customers/${res.json().id}`, payload: { tier: 'enterprise', company: null } });
    expect(edited.json()).toMatchObject({ tier: 'enterprise', company: null });
    expect((await agent({ method: 'POST', url: '/api/customers', payload: { name: 'X', tier: 'gold' } })).statusCode).toBe(400);
    expect((await agent({ method: 'POST', url: '/api/customers', payload: { name: 'X', email: 'nope' } })).statusCode).toBe(400);
    expect((await agent({ method: 'PATCH', url: '/api/customers/nope', payload: { name: 'X' } })).statusCode).toBe(404);
  });

  it('lists and searches by name, company or email', async () => {
    await createCustomer(agent, { name: 'Searchable Sam', company: 'Umbrella', email: 'sam@umbrella.test' });
    for (const q of ['searchable', 'umbrella', 'sam@umb']) {
      const res = await agent({ method: 'GET', url: `/api/customers?q=${encodeURIComponent(q)}` });
      expect(res.json().items.map((c: { name: string }) => c.name), q).toEqual(['Searchable Sam']);
    }
  });

  it('shows a timeline of insights, newest first, paginated', async () => {
    const customer = await createCustomer(agent);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await postInsight(agent, { customerId: customer.id })).id);
    const first = (await agent({ method: 'GET', url: `/api/customers/${customer.id}?limit=2` })).json();
    expect(first.timeline.items.map((i: { insight: { id: string } }) => i.insight.id)).toEqual([ids[2], ids[1]]);
    const second = (await agent({ method: 'GET', url: `/api/customers/${customer.id}?limit=2&cursor=${first.timeline.nextCursor}` })).json();
    expect(second.timeline.items.map((i: { insight: { id: string } }) => i.insight.id)).toEqual([ids[0]]);
    expect(second.timeline.nextCursor).toBeNull();
  });

  it('merges a duplicate: insights move in one transaction, the duplicate redirects to the survivor', async () => {
    const survivor = await createCustomer(agent, { name: 'Acme Inc' });
    const duplicate = await createCustomer(agent, { name: 'ACME', email: 'ops@acme.test', crmId: 'SF-9' });
    const moved = await postInsight(agent, { customerId: duplicate.id });
    const res = await agent({ method: 'POST', url: `/api/customers/${survivor.id}/merge`, payload: { fromId: duplicate.id } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: survivor.id, email: 'ops@acme.test', crmId: 'SF-9', mergedInto: null });
    const redirect = await agent({ method: 'GET', url: `/api/customers/${duplicate.id}` });
    expect(redirect.statusCode).toBe(200);
    expect(redirect.json()).toMatchObject({ id: survivor.id, mergedInto: survivor.id });
    expect(redirect.json().timeline.items.map((i: { insight: { id: string } }) => i.insight.id)).toContain(moved.id);
    expect((await agent({ method: 'GET', url: `/api/insights/${moved.id}` })).json().customer.id).toBe(survivor.id);
    const posted = await postInsight(agent, { customerId: duplicate.id });
    expect(posted.customer?.id).toBe(survivor.id);
    const list = (await agent({ method: 'GET', url: '/api/customers?q=acme' })).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([survivor.id]);
    const events = t.app.database.sqlite.prepare("select type from events where type = 'customer.merged' and subject_id = ?").all(survivor.id);
    expect(events).toHaveLength(1);
  });

  it('refuses merging into itself (422), an already merged customer (409), or unknown ids (404)', async () => {
    const a = await createCustomer(agent);
    const b = await createCustomer(agent);
    expect((await agent({ method: 'POST', url: `/api/customers/${a.id}/merge`, payload: { fromId: a.id } })).statusCode).toBe(422);
    await agent({ method: 'POST', url: `/api/customers/${a.id}/merge`, payload: { fromId: b.id } });
    expect((await agent({ method: 'POST', url: `/api/customers/${a.id}/merge`, payload: { fromId: b.id } })).statusCode).toBe(409);
    expect((await agent({ method: 'POST', url: `/api/customers/${b.id}/merge`, payload: { fromId: a.id } })).statusCode).toBe(409);
    expect((await agent({ method: 'POST', url: `/api/customers/${a.id}/merge`, payload: { fromId: 'nope' } })).statusCode).toBe(404);
    expect((await agent({ method: 'POST', url: `/api/customers/${a.id}/merge`, payload: {} })).statusCode).toBe(400);
  });
});
