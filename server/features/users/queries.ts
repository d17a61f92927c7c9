import { keysetAfter } from '../../store/keyset.js';
import { and, asc, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { teamMembers, teams, users } from '../../../db/schema.js';
import type { TeamRef, User } from '../../../shared/users.js';
import { preparedFor } from '../../store/prepared.js';

export type UserRow = typeof users.$inferSelect;

export const findUserById = (db: Queryable, id: string) => db.select().from(users).where(eq(users.id, id)).get();

export const findUserByEmail = (db: Queryable, email: string) =>
  db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).get();

export const findUserByHandle = (db: Queryable, handle: string) =>
  db.select().from(users).where(sql`lower(${users.handle}) = lower(${handle})`).get();

export function teamsOfUsers(db: Queryable, userIds: readonly string[]): Map<string, TeamRef[]> {
  const byUser = new Map<string, TeamRef[]>();
  if (userIds.length === 0) return byUser;
  const rows = db
    .select({ userId: teamMembers.userId, id: teams.id, slug: teams.slug, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(inArray(teamMembers.userId, [...userIds]))
    .orderBy(asc(teams.name))
    .all();
  for (const { userId, ...team } of rows) {
    const list = byUser.get(userId) ?? [];
    list.push(team);
    byUser.set(userId, list);
  }
  return byUser;
}

export const presentUser = (row: UserRow, teamsOfUser: TeamRef[]): User => ({
  id: row.id,
  email: row.email,
  displayName: row.displayName,
  handle: row.handle,
  role: row.role,
  teams: teamsOfUser,
  active: row.active,
  createdAt: row.createdAt,
});

/** Presents many users with one query for all their teams. */
export function presentUsers(db: Queryable, rows: UserRow[]): User[] {
  const teamsByUser = teamsOfUsers(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentUser(r, teamsByUser.get(r.id) ?? []));
}

const userById = preparedFor((db) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare());
const teamsOfUser = preparedFor((db) =>
  db
    .select({ id: teams.id, slug: teams.slug, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, sql.placeholder('id')))
    .orderBy(asc(teams.name))
    .prepare(),
);

/** One user with their teams: on every GET /api/me, so both statements are prepared once. */
export function loadUser(db: Queryable, id: string): User | null {
  const row = userById(db).get({ id });
  return row ? presentUser(row, teamsOfUser(db).all({ id })) : null;
}

/** Users ordered by lower(display name) then id, for stable keyset pages. */
export function listUsers(
  db: Queryable,
  opts: { limit: number; after: readonly [string, string] | null; q?: string; active?: boolean },
) {
  const nameKey = sql<string>`lower(${users.displayName})`;
  const conditions = [];
  if (opts.after) {
    const [name, id] = opts.after;
    conditions.push(keysetAfter(nameKey, users.id, [name, id], 'asc'));
  }
  if (opts.q) {
    const pattern = `%${opts.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        sql`${users.displayName} like ${pattern} escape '\\'`,
        sql`${users.email} like ${pattern} escape '\\'`,
        sql`${users.handle} like ${pattern} escape '\\'`,
      ),
    );
  }
  if (opts.active !== undefined) conditions.push(eq(users.active, opts.active));
  return db
    .select({ ...getTableColumns(users), sortName: nameKey })
    .from(users)
    .where(and(...conditions))
    .orderBy(nameKey, users.id)
    .limit(opts.limit + 1)
    .all();
}

export const userSortKey = (row: { sortName: string; id: string }) => [row.sortName, row.id] as const;
