import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../db/client.js';
import { teamMembers, teams, users } from '../../../db/schema.js';
import type { createTeamBody, Team, updateTeamBody } from '../../../shared/teams.js';
import { conflict, invalid, notFound } from '../../errors.js';
import type { Principal } from '../../plugins/auth.js';
import type { Store } from '../../store/store.js';
import { newId, nowIso } from '../../store/ids.js';
import { findUserById } from '../users/queries.js';
import { findTeam, findTeamBySlug, loadTeam } from './queries.js';

type CreateTeam = z.output<typeof createTeamBody>;
type UpdateTeam = z.output<typeof updateTeamBody>;

/** A slug is an @mention target: it may clash neither with another team nor with a person's handle. */
function assertSlugFree(tx: Tx, slug: string, exceptTeamId?: string): void {
  const team = findTeamBySlug(tx, slug);
  if (team && team.id !== exceptTeamId) throw conflict('Another team already uses this slug.', { field: 'slug' });
  if (tx.select({ id: users.id }).from(users).where(sql`lower(${users.handle}) = ${slug}`).get()) {
    throw conflict('A person already uses this as their @handle.', { field: 'slug' });
  }
}

function requireTeam(tx: Tx, idOrSlug: string) {
  const team = findTeam(tx, idOrSlug);
  if (!team) throw notFound('Team');
  return team;
}

export function createTeam(store: Store, actor: Principal, input: CreateTeam): Team {
  const id = newId();
  store.write(({ tx, append }) => {
    assertSlugFree(tx, input.slug);
    const memberIds = [...new Set(input.memberIds ?? [])];
    for (const userId of memberIds) {
      if (!findUserById(tx, userId)) throw invalid(`User ${userId} does not exist.`, { field: 'memberIds' });
    }
    const at = nowIso();
    tx.insert(teams)
      .values({ id, slug: input.slug, name: input.name, description: input.description, targetDays: input.targetDays, createdAt: at, updatedAt: at })
      .run();
    append('team.created', { actorId: actor.userId, subject: { type: 'team', id }, data: { teamId: id, slug: input.slug, name: input.name } });
    for (const userId of memberIds) {
      tx.insert(teamMembers).values({ teamId: id, userId, createdAt: at }).run();
      append('team.member_added', { actorId: actor.userId, subject: { type: 'team', id }, data: { teamId: id, userId } });
    }
  });
  return loadTeam(store.db, id) as Team;
}

export function updateTeam(store: Store, actor: Principal, idOrSlug: string, input: UpdateTeam): Team {
  const id = store.write(({ tx, append }) => {
    const current = requireTeam(tx, idOrSlug);
    if (input.slug !== undefined) assertSlugFree(tx, input.slug, current.id);
    const changes: Record<string, unknown> = {};
    for (const key of ['name', 'slug', 'description', 'targetDays'] as const) {
      if (input[key] !== undefined && input[key] !== current[key]) changes[key] = input[key];
    }
    if (Object.keys(changes).length === 0) return current.id;
    tx.update(teams).set({ ...changes, updatedAt: nowIso() }).where(eq(teams.id, current.id)).run();
    append('team.updated', { actorId: actor.userId, subject: { type: 'team', id: current.id }, data: { teamId: current.id, changes } });
    return current.id;
  });
  return loadTeam(store.db, id) as Team;
}

/** PUT semantics: adding someone who is already a member changes nothing and appends no event. */
export function addMember(store: Store, actor: Principal, idOrSlug: string, userId: string): Team {
  const teamId = store.write(({ tx, append }) => {
    const team = requireTeam(tx, idOrSlug);
    if (!findUserById(tx, userId)) throw notFound('User');
    const added = tx.insert(teamMembers).values({ teamId: team.id, userId, createdAt: nowIso() }).onConflictDoNothing().run();
    if (added.changes === 1) {
      append('team.member_added', { actorId: actor.userId, subject: { type: 'team', id: team.id }, data: { teamId: team.id, userId } });
    }
    return team.id;
  });
  return loadTeam(store.db, teamId) as Team;
}

export function removeMember(store: Store, actor: Principal, idOrSlug: string, userId: string): Team {
  const teamId = store.write(({ tx, append }) => {
    const team = requireTeam(tx, idOrSlug);
    if (!findUserById(tx, userId)) throw notFound('User');
    const removed = tx.delete(teamMembers).where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, userId))).run();
    if (removed.changes === 1) {
      append('team.member_removed', { actorId: actor.userId, subject: { type: 'team', id: team.id }, data: { teamId: team.id, userId } });
    }
    return team.id;
  });
  return loadTeam(store.db, teamId) as Team;
}
