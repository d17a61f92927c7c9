import { keysetAfter } from '../../store/keyset.js';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { teamMembers, teams, users } from '../../../db/schema.js';
import type { Team } from '../../../shared/teams.js';
import { presentUsers } from '../users/queries.js';

export type TeamRow = typeof teams.$inferSelect;

/** A team by id, or by slug so that integrations can say `/api/teams/support`. */
export const findTeam = (db: Queryable, idOrSlug: string) =>
  db
    .select()
    .from(teams)
    .where(or(eq(teams.id, idOrSlug), eq(teams.slug, idOrSlug.toLowerCase())))
    .get();

export const findTeamBySlug = (db: Queryable, slug: string) => db.select().from(teams).where(eq(teams.slug, slug)).get();

export function presentTeams(db: Queryable, rows: TeamRow[]): Team[] {
  if (rows.length === 0) return [];
  const memberRows = db
    .select({ teamId: teamMembers.teamId, user: users })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(inArray(teamMembers.teamId, rows.map((r) => r.id)))
    .orderBy(asc(users.displayName))
    .all();
  const people = new Map(presentUsers(db, [...new Map(memberRows.map((m) => [m.user.id, m.user])).values()]).map((u) => [u.id, u]));
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    targetDays: row.targetDays,
    createdAt: row.createdAt,
    members: memberRows.filter((m) => m.teamId === row.id).flatMap((m) => people.get(m.user.id) ?? []),
  }));
}

export function loadTeam(db: Queryable, idOrSlug: string): Team | null {
  const row = findTeam(db, idOrSlug);
  return row ? (presentTeams(db, [row])[0] ?? null) : null;
}

/** Teams by lower(name), id. */
export function listTeams(db: Queryable, opts: { limit: number; after: readonly [string, string] | null; q?: string }) {
  const nameKey = sql<string>`lower(${teams.name})`;
  const conditions = [];
  if (opts.after) {
    const [name, id] = opts.after;
    conditions.push(keysetAfter(nameKey, teams.id, [name, id], 'asc'));
  }
  if (opts.q) {
    const pattern = `%${opts.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(sql`${teams.name} like ${pattern} escape '\\'`, sql`${teams.slug} like ${pattern} escape '\\'`));
  }
  return db
    .select({ row: teams, sortName: nameKey })
    .from(teams)
    .where(and(...conditions))
    .orderBy(nameKey, teams.id)
    .limit(opts.limit + 1)
    .all();
}
