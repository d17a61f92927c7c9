import { and, eq, ne } from 'drizzle-orm';
import { teamMembers, teams, users } from '../../../db/schema.js';
import type { Tx } from '../../../db/client.js';
import { LIMITS } from '../../../shared/limits.js';
import type { CreatedUser, User } from '../../../shared/users.js';
import type { z } from 'zod';
import type { createUserBody, updateUserBody } from '../../../shared/users.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import type { Principal } from '../../plugins/auth.js';
import type { Store } from '../../store/store.js';
import { hashSecret, newId, newSecret, nowIso } from '../../store/ids.js';
import { hashPassword } from '../auth/passwords.js';
import { deleteSessionsOfUser, insertInvite } from '../auth/queries.js';
import { findUserByEmail, findUserByHandle, findUserById, loadUser } from './queries.js';

type CreateUser = z.output<typeof createUserBody>;
type UpdateUser = z.output<typeof updateUserBody>;

function assertUnique(tx: Tx, fields: { email?: string; handle?: string }, exceptId?: string): void {
  const clash = (row: { id: string } | undefined) => row !== undefined && row.id !== exceptId;
  if (fields.email && clash(findUserByEmail(tx, fields.email))) {
    throw conflict('Another account already uses this email.', { field: 'email' });
  }
  if (fields.handle && clash(findUserByHandle(tx, fields.handle))) {
    throw conflict('Another account already uses this handle.', { field: 'handle' });
  }
  if (fields.handle && tx.select({ id: teams.id }).from(teams).where(eq(teams.slug, fields.handle.toLowerCase())).get()) {
    throw conflict('A team already uses this name as its @slug.', { field: 'handle' });
  }
}

function assertTeamsExist(tx: Tx, teamIds: readonly string[]): void {
  for (const teamId of teamIds) {
    if (!tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).get()) {
      throw invalid(`Team ${teamId} does not exist.`, { field: 'teamIds' });
    }
  }
}

export async function createUser(store: Store, actor: Principal, input: CreateUser, publicUrl: string): Promise<CreatedUser> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const inviteToken = input.password ? null : newSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + LIMITS.inviteDays * 86_400_000).toISOString();
  const id = newId();
  store.write(({ tx, append }) => {
    assertUnique(tx, input);
    const teamIds = [...new Set(input.teamIds ?? [])];
    assertTeamsExist(tx, teamIds);
    const at = now.toISOString();
    tx.insert(users)
      .values({ id, email: input.email, displayName: input.displayName, handle: input.handle, role: input.role, passwordHash, createdAt: at, updatedAt: at })
      .run();
    for (const teamId of teamIds) tx.insert(teamMembers).values({ teamId, userId: id, createdAt: at }).run();
    if (inviteToken) insertInvite(tx, { tokenHash: hashSecret(inviteToken), userId: id, createdAt: at, expiresAt });
    append('user.created', { actorId: actor.userId, subject: { type: 'user', id }, data: { userId: id, email: input.email, role: input.role } });
    for (const teamId of teamIds) {
      append('team.member_added', { actorId: actor.userId, subject: { type: 'team', id: teamId }, data: { teamId, userId: id } });
    }
  });
  const created = loadUser(store.db, id) as User;
  return inviteToken ? { ...created, invite: { url: `${publicUrl}/accept-invite?token=${inviteToken}`, expiresAt } } : created;
}

const hasOtherActiveAdmin = (tx: Tx, userId: string) =>
  tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, userId))).get() !== undefined;

export async function updateUser(store: Store, actor: Principal, id: string, input: UpdateUser): Promise<User> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  store.write(({ tx, append }) => {
    const current = findUserById(tx, id);
    if (!current) throw notFound('User');
    assertUnique(tx, { handle: input.handle }, id);
    const losesAdmin = current.role === 'admin' && current.active && (input.active === false || (input.role !== undefined && input.role !== 'admin'));
    if (losesAdmin && !hasOtherActiveAdmin(tx, id)) {
      throw new AppError('conflict', 'The workspace needs at least one active admin: promote someone else first.');
    }
    const changes: Record<string, unknown> = {};
    for (const key of ['displayName', 'handle', 'role', 'active'] as const) {
      if (input[key] !== undefined && input[key] !== current[key]) changes[key] = input[key];
    }
    if (passwordHash) changes.password = 'changed';
    tx.update(users)
      .set({
        displayName: input.displayName,
        handle: input.handle,
        role: input.role,
        active: input.active,
        passwordHash,
        updatedAt: nowIso(),
      })
      .where(eq(users.id, id))
      .run();
    // A deactivated account loses every session at once; a new password signs out other devices.
    if (input.active === false || passwordHash) deleteSessionsOfUser(tx, id);
    if (Object.keys(changes).length > 0) {
      append('user.updated', { actorId: actor.userId, subject: { type: 'user', id }, data: { userId: id, changes } });
    }
  });
  return loadUser(store.db, id) as User;
}
