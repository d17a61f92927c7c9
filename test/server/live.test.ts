import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../../db/schema.js';
import { connectLive, type LiveClient } from '../helpers/ws.js';
import { startServer, type RunningServer } from '../helpers/server.js';

type Msg = Record<string, unknown> & { seq?: number; type: string };

describe('live events over a real websocket', () => {
  let server: RunningServer;
  const cookies = new Map<string, string>();
  const open: LiveClient[] = [];

  beforeAll(async () => {
    server = await startServer({ demo: 'people', config: { replayLimit: 50 }, build: { liveSendBufferLimit: 64 * 1024, heartbeatMs: 200 } });
  });
  afterAll(async () => {
    for (const c of open) c.socket.terminate();
    await server.close();
  });

  const cookieOf = async (email: string) => {
    const known = cookies.get(email);
    if (known) return known;
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email, password: 'frontline-demo' }) });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    cookies.set(email, cookie);
    return cookie;
  };
  const live = async (email: string, since?: number) => {
    const client = await connectLive(`${server.url.replace('http', 'ws')}/api/live${since === undefined ? '' : `?since=${since}`}`, { headers: { cookie: await cookieOf(email), origin: server.url } });
    open.push(client);
    return client;
  };
  const api = async (email: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', cookie: await cookieOf(email), origin: server.url }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: res.status === 204 ? null : await res.json() };
  };
  const latestSeq = () => (server.app.database.sqlite.prepare('select coalesce(max(seq), 0) as s from events').get() as { s: number }).s;
  const seqs = (c: LiveClient) => (c.messages as Msg[]).filter((m) => typeof m.seq === 'number' && m.type !== 'hello' && m.type !== 'resync').map((m) => m.seq as number);
  /** Appends `n` events straight through the store, as services do. */
  const writeEvents = (n: number, pad = 0, from = 0) => {
    for (let i = from; i < from + n; i++) {
      server.app.store.write(({ append }) =>
        append('team.updated', { actorId: 'user-admin', subject: { type: 'team', id: 'team-support' }, data: { teamId: 'team-support', changes: { note: `${i}${'x'.repeat(pad)}` } } }),
      );
    }
  };

  it('refuses an unauthenticated upgrade (401) and a foreign Origin (403)', async () => {
    await expect(connectLive(`${server.url.replace('http', 'ws')}/api/live`, { headers: { origin: server.url } })).rejects.toMatchObject({ statusCode: 401 });
    await expect(connectLive(`${server.url.replace('http', 'ws')}/api/live`, { headers: { origin: 'https://evil.example', cookie: await cookieOf('agent@example.com') } })).rejects.toMatchObject({ statusCode: 403 });
  });

  it('sends {seq, type, at, actor, data} for a committed change, after a hello with the current seq', async () => {
    const client = await live('agent@example.com');
    const hello = await client.waitFor((m) => m.type === 'hello');
    expect(hello).toMatchObject({ seq: latestSeq(), protocolVersion: 1 });
    const posted = await api('sales@example.com', 'POST', '/api/insights', { body: 'live one', channel: 'chat', sentiment: 'neutral' });
    const event = await client.waitFor<Msg>((m) => m.type === 'insight.created');
    expect(event).toMatchObject({ type: 'insight.created', actor: { id: 'user-jordan', displayName: 'Jordan Blake' }, data: { insightId: posted.body.id } });
    expect(event.at).toMatch(/Z$/);
    expect(event.seq).toBe(latestSeq());
  });

  it('replays what a client missed, then goes live, with no gap and no duplicate across a forced disconnect while events are written', async () => {
    const first = await live('agent@example.com');
    await first.waitFor((m) => m.type === 'hello');
    const start = latestSeq();
    writeEvents(10);
    await first.waitFor((m) => m.seq === start + 10);
    first.socket.terminate();
    const lastSeen = Math.max(...seqs(first));
    writeEvents(20); // missed while away
    const again = await live('agent@example.com', lastSeen);
    writeEvents(15); // arrive during and after the replay
    const end = latestSeq();
    await again.waitFor((m) => m.seq === end);
    const received = [...seqs(first).filter((s) => s > start), ...seqs(again)];
    expect(received).toEqual(Array.from({ length: end - start }, (_, i) => start + 1 + i));
  });

  it('answers resync when more than FRONTLINE_REPLAY_LIMIT events were missed, or since is ahead of the log', async () => {
    const since = latestSeq();
    writeEvents(60);
    const behind = await live('agent@example.com', since);
    expect(await behind.waitFor((m) => m.type === 'resync')).toMatchObject({ seq: latestSeq() });
    const ahead = await live('agent@example.com', latestSeq() + 1000);
    await ahead.waitFor((m) => m.type === 'resync');
    writeEvents(1);
    await ahead.waitFor((m) => m.seq === latestSeq());
  });

  it('a notification reaches only its recipient', async () => {
    const agent = await live('agent@example.com');
    const third = await live('sales@example.com');
    await Promise.all([agent.waitFor((m) => m.type === 'hello'), third.waitFor((m) => m.type === 'hello')]);
    await api('marketing@example.com', 'POST', '/api/insights', { body: 'ping @agent', channel: 'chat', sentiment: 'neutral' });
    const note = await agent.waitFor<Msg>((m) => m.type === 'notification.created');
    expect(note).toMatchObject({ data: { userId: 'user-agent', kind: 'mention' } });
    await third.waitFor((m) => m.type === 'insight.created' && (m.data as { authorId: string }).authorId === 'user-noah');
    expect((third.messages as Msg[]).some((m) => m.type === 'notification.created')).toBe(false);
    // Replay respects the audience too.
    const replayed = await live('sales@example.com', (note.seq as number) - 5);
    await replayed.waitFor((m) => m.seq === note.seq! + 1 || m.type === 'insight.created');
    expect((replayed.messages as Msg[]).some((m) => m.type === 'notification.created')).toBe(false);
  });

  it('presence: who views a thread appears and clears on disconnect', async () => {
    const watcher = await live('lead@example.com');
    const viewer = await live('agent@example.com');
    await Promise.all([watcher.waitFor((m) => m.type === 'hello'), viewer.waitFor((m) => m.type === 'hello')]);
    viewer.send({ type: 'presence', viewing: 'insight:abc123' });
    const seen = await watcher.waitFor<Msg>((m) => m.type === 'presence' && m.subject === 'insight:abc123' && (m.users as unknown[]).length === 1);
    expect(seen.users).toEqual([{ id: 'user-agent', displayName: 'Alex Agent' }]);
    viewer.send({ type: 'presence', viewing: 'not a subject' });
    await viewer.close();
    await watcher.waitFor((m) => m.type === 'presence' && m.subject === 'insight:abc123' && (m.users as unknown[]).length === 0);
  });

  it('closes a deactivated user’s sockets at once', async () => {
    const created = await api('admin@example.com', 'POST', '/api/users', { email: 'leaving@example.test', displayName: 'Leaving', handle: 'leaving', password: 'a fine password' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'leaving@example.test', password: 'a fine password' }) });
    expect(login.status, await login.clone().text()).toBe(200);
    cookies.set('leaving@example.test', (login.headers.get('set-cookie') ?? '').split(';')[0] as string);
    const socket = await live('leaving@example.test');
    await socket.waitFor((m) => m.type === 'hello');
    await api('admin@example.com', 'PATCH', `/api/users/${created.body.id}`, { active: false });
    expect((await socket.closed).code).toBe(4001);
  });

  it('drops dead peers that stop answering pings', async () => {
    const client = await live('agent@example.com');
    await client.waitFor((m) => m.type === 'hello');
    const size = server.app.live.size;
    // A peer that never answers pings: stop the client from replying by pausing its socket.
    (client.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    await new Promise((r) => setTimeout(r, 800));
    expect(server.app.live.size).toBe(size - 1);
  });

  it('events written by the store outside HTTP reach clients too (one publish path)', async () => {
    const client = await live('agent@example.com');
    await client.waitFor((m) => m.type === 'hello');
    server.app.store.write(({ tx, append }) => {
      const at = new Date().toISOString();
      tx.insert(teams).values({ id: 'team-live', slug: 'live-team', name: 'Live', createdAt: at, updatedAt: at }).run();
      append('team.created', { actorId: null, subject: { type: 'team', id: 'team-live' }, data: { teamId: 'team-live', slug: 'live-team', name: 'Live' } });
    });
    expect(await client.waitFor((m) => m.type === 'team.created')).toMatchObject({ actor: null, data: { slug: 'live-team' } });
  });
});

describe('backpressure', () => {
  it('cuts off a slow client while the others keep receiving everything', async () => {
    // A long heartbeat, so only the send-buffer bound can cut the paused client off.
    const server = await startServer({ demo: 'people', build: { liveSendBufferLimit: 64 * 1024, heartbeatMs: 60_000 } });
    const sockets: LiveClient[] = [];
    try {
      const connect = async (email: string) => {
        const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email, password: 'frontline-demo' }) });
        const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
        const client = await connectLive(`${server.url.replace('http', 'ws')}/api/live`, { headers: { cookie, origin: server.url } });
        sockets.push(client);
        await client.waitFor((m) => m.type === 'hello');
        return client;
      };
      const fast = await connect('lead@example.com');
      const slow = await connect('agent@example.com');
      (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
      const total = 1500;
      // ~12 MB in small bursts, as real traffic comes: more than the kernel's socket buffers and the 64 KiB bound.
      for (let burst = 0; burst < total / 5; burst++) {
        for (let i = 0; i < 5; i++) {
          server.app.store.write(({ append }) =>
            append('team.updated', { actorId: 'user-admin', subject: { type: 'team', id: 'team-support' }, data: { teamId: 'team-support', changes: { note: 'x'.repeat(8 * 1024) } } }),
          );
        }
        await new Promise((r) => setImmediate(r));
      }
      const last = (server.app.database.sqlite.prepare('select max(seq) as s from events').get() as { s: number }).s;
      await fast.waitFor((m) => m.seq === last, 20_000);
      expect((fast.messages as { type: string }[]).filter((m) => m.type === 'team.updated')).toHaveLength(total);
      expect(server.app.live.stats.tooSlow).toBe(1);
      expect(server.app.live.size).toBe(1);
    } finally {
      for (const c of sockets) c.socket.terminate();
      await server.close();
    }
  });
});
