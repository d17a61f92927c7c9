import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../../db/schema.js';
import type { StoredEvent } from '../../server/store/store.js';
import { atTime, newId } from '../../server/store/ids.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

describe('store: a change and its event commit together', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ demo: false });
  });
  afterAll(() => t.close());

  const countOf = (table: string) => (t.app.database.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

  it('opens SQLite with WAL, foreign keys, busy timeout and synchronous=NORMAL', () => {
    const { sqlite } = t.app.database;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('publishes events only after commit, numbered in order', () => {
    const heard: StoredEvent[][] = [];
    const stop = t.app.store.onCommit((events) => heard.push([...events]));
    t.app.store.write(({ tx, append }) => {
      const at = new Date().toISOString();
      tx.insert(teams).values({ id: 't1', slug: 't1', name: 'T1', createdAt: at, updatedAt: at }).run();
      append('team.created', { actorId: null, subject: { type: 'team', id: 't1' }, data: { teamId: 't1', slug: 't1', name: 'T1' } });
      append('team.updated', { actorId: null, subject: { type: 'team', id: 't1' }, data: { teamId: 't1', changes: { name: 'T1' } } });
      expect(heard).toHaveLength(0);
    });
    stop();
    expect(heard).toHaveLength(1);
    const [first, second] = heard[0] ?? [];
    expect(first?.type).toBe('team.created');
    expect((second?.seq ?? 0) - (first?.seq ?? 0)).toBe(1);
  });

  it('rolls back the change and its events together when the body throws, and publishes nothing', () => {
    const heard: StoredEvent[][] = [];
    const stop = t.app.store.onCommit((events) => heard.push([...events]));
    const before = { teams: countOf('teams'), events: countOf('events') };
    expect(() =>
      t.app.store.write(({ tx, append }) => {
        const at = new Date().toISOString();
        tx.insert(teams).values({ id: 't2', slug: 't2', name: 'T2', createdAt: at, updatedAt: at }).run();
        append('team.created', { actorId: null, subject: { type: 'team', id: 't2' }, data: { teamId: 't2', slug: 't2', name: 'T2' } });
        throw new Error('half-way failure');
      }),
    ).toThrow('half-way failure');
    stop();
    expect({ teams: countOf('teams'), events: countOf('events') }).toEqual(before);
    expect(heard).toHaveLength(0);
  });

  it('refuses an async body, which better-sqlite3 could not roll back', () => {
    expect(() => t.app.store.write(async () => undefined)).toThrow(/synchronous/);
  });

  it('commits writes queued in one moment together, each undone alone when it throws', async () => {
    const heard: StoredEvent[][] = [];
    const stop = t.app.store.onCommit((events) => heard.push([...events]));
    const before = { teams: countOf('teams'), events: countOf('events') };
    const team = (id: string, fail = false) =>
      t.app.store.writeGrouped(({ tx, append }) => {
        const at = new Date().toISOString();
        tx.insert(teams).values({ id, slug: id, name: id, createdAt: at, updatedAt: at }).run();
        append('team.created', { actorId: null, subject: { type: 'team', id }, data: { teamId: id, slug: id, name: id } });
        if (fail) throw new Error(`${id} failed`);
        return id;
      });
    const outcomes = await Promise.allSettled([team('g1'), team('g2', true), team('g3')]);
    stop();
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual(['g1', 'g2 failed', 'g3']);
    expect({ teams: countOf('teams'), events: countOf('events') }).toEqual({ teams: before.teams + 2, events: before.events + 2 });
    // One commit, heard once, with the survivors' events only.
    expect(heard.map((events) => events.map((e) => e.subject.id))).toEqual([['g1', 'g3']]);
  });

  it('copies committed pages into the database file in the background, not in the commit that fills the log', async () => {
    const { sqlite } = t.app.database;
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThanOrEqual(10_000);
    const file = sqlite.name;
    const before = statSync(file).size;
    sqlite.exec('create table if not exists ballast (data blob)');
    const insert = sqlite.prepare('insert into ballast values (randomblob(4096))');
    sqlite.transaction(() => {
      for (let i = 0; i < 512; i++) insert.run();
    })();
    // 2 MiB sit in the log, far below the connection's own threshold; the checkpointer moves them.
    await expect.poll(() => statSync(file).size, { timeout: 3000 }).toBeGreaterThan(before + 2 * 1024 * 1024);
  });

  it('makes URL-safe 16-character ids that sort in the order they were made', () => {
    const times = ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.001Z', '2026-06-30T12:00:00.000Z', '2031-02-03T04:05:06.789Z'];
    const ids = times.map((at) => atTime(new Date(at), newId));
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, newId)).size).toBe(1000);
  });
});
