import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.js';

describe('claiming is atomic over real HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ demo: 'people' });
  });
  afterAll(() => server.close());

  const login = async (email: string) => {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email, password: 'frontline-demo' }) });
    expect(res.status).toBe(200);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  };

  it('of 24 simultaneous claims exactly one wins; the others get 409 with the current issue', async () => {
    const emails = ['admin@example.com', 'lead@example.com', 'agent@example.com', 'sam.support@example.com', 'priya.support@example.com', 'sales@example.com', 'mia.sales@example.com', 'marketing@example.com', 'lena.marketing@example.com', 'product@example.com', 'eva.product@example.com', 'engineer@example.com'];
    const cookies = await Promise.all(emails.map(login));
    const created = await fetch(`${server.url}/api/issues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies[0] as string, origin: server.url },
      body: JSON.stringify({ title: 'Race me', kind: 'problem', teamId: 'team-engineering' }),
    });
    const issue = await created.json();
    const claims = Array.from({ length: 24 }, (_, i) =>
      fetch(`${server.url}/api/issues/${issue.id}/transitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies[i % cookies.length] as string, origin: server.url },
        body: JSON.stringify({ to: 'claimed', version: issue.version }),
      }).then(async (r) => ({ status: r.status, body: await r.json() })),
    );
    const results = await Promise.all(claims);
    const winners = results.filter((r) => r.status === 200);
    const losers = results.filter((r) => r.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(23);
    for (const loser of losers) expect(loser.body.error.details.current).toMatchObject({ id: issue.id, status: 'claimed', version: 2 });
    const history = winners[0]?.body.history;
    expect(history.filter((h: { to: string }) => h.to === 'claimed')).toHaveLength(1);
    const events = server.app.database.sqlite.prepare("select count(*) as n from events where type = 'issue.transitioned' and subject_id = ?").get(issue.id) as { n: number };
    expect(events.n).toBe(1);
  });
});
