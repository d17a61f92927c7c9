import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const MIGRATIONS = join(import.meta.dirname, '../../db/migrations');

/** The statements of a committed migration that fill new columns from existing rows. */
function backfillOf(prefix: string): string[] {
  const file = readdirSync(MIGRATIONS).find((name) => name.startsWith(prefix) && name.endsWith('.sql'));
  if (!file) throw new Error(`no migration ${prefix}`);
  return readFileSync(join(MIGRATIONS, file), 'utf8')
    .split('--> statement-breakpoint')
    .map((statement) => statement.trim())
    .filter((statement) => /^(--.*\n)*UPDATE/i.test(statement));
}

describe('migrations fill what the services keep', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ demo: 'full' });
  });
  afterAll(() => t.close());

  const summaries = () =>
    t.app.database.sqlite
      .prepare('select id, team_ids, author_team_count, mention_count, reaction_count, issue_count from insights order by id')
      .all();
  const facets = () => t.app.database.sqlite.prepare('select id, channel, sentiment, author_id from search_docs order by id').all();

  it('rebuilds the feed and dashboard summaries of insights written before them', () => {
    const kept = summaries();
    expect(kept.some((row) => (row as { reaction_count: number }).reaction_count > 0)).toBe(true);
    expect(kept.some((row) => (row as { issue_count: number }).issue_count > 0)).toBe(true);
    expect(kept.some((row) => (row as { mention_count: number }).mention_count > 0)).toBe(true);
    const { sqlite } = t.app.database;
    sqlite.exec(`update insights set team_ids = '[]', author_team_count = 0, mention_count = 0, reaction_count = 0, issue_count = 0`);
    for (const statement of [...backfillOf('0006_'), ...backfillOf('0008_'), ...backfillOf('0009_')]) sqlite.exec(statement);
    expect(summaries()).toEqual(kept);
  });

  it('copies the filtered fields onto search documents indexed before them', async () => {
    await t.app.searchIndexer.drain();
    const kept = facets();
    expect(kept.some((row) => (row as { channel: string | null }).channel !== null)).toBe(true);
    t.app.database.sqlite.exec('update search_docs set channel = null, sentiment = null, author_id = null');
    for (const statement of backfillOf('0007_')) t.app.database.sqlite.exec(statement);
    expect(facets()).toEqual(kept);
  });
});
