import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema.js';
import { LIMITS } from '../../../shared/limits.js';
import type { User } from '../../../shared/users.js';
import { AppError } from '../../errors.js';
import type { Store } from '../../store/store.js';
import { hashSecret, newSecret, nowIso } from '../../store/ids.js';
import { findUserByEmail, loadUser } from '../users/queries.js';
import type { LoginLimiter } from './login-limiter.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { deleteSession, findOpenInvite, insertSession, markInviteUsed } from './queries.js';

export interface NewSession {
  cookie: string;
  user: User;
}

const invalidLogin = () => new AppError('unauthenticated', 'That email and password do not match an account.');

function openSession(store: Store, userId: string): string {
  const cookie = newSecret();
  const now = Date.now();
  insertSession(store.db, {
    tokenHash: hashSecret(cookie),
    userId,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + LIMITS.sessionDays * 86_400_000).toISOString(),
  });
  return cookie;
}

export async function login(
  store: Store,
  limiter: LoginLimiter,
  input: { email: string; password: string; address: string },
): Promise<NewSession> {
  const account = input.email.trim().toLowerCase();
  const wait = limiter.retryAfter(account, input.address);
  if (wait > 0) {
    throw new AppError('rate_limited', `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).`, {
      retryAfterSeconds: wait,
    });
  }
  const row = findUserByEmail(store.db, account);
  const ok = await verifyPassword(row?.passwordHash, input.password);
  if (!row || !ok) {
    limiter.fail(account, input.address);
    throw invalidLogin();
  }
  if (!row.active) throw new AppError('forbidden', 'This account has been deactivated. Ask an admin to reactivate it.');
  limiter.succeed(account);
  const cookie = openSession(store, row.id);
  return { cookie, user: loadUser(store.db, row.id) as User };
}

export const logout = (store: Store, sessionHash: string) => deleteSession(store.db, sessionHash);

/** Sets the invited person's own password, uses up the invite, and signs them in. */
export async function acceptInvite(store: Store, input: { token: string; password: string }): Promise<NewSession> {
  const passwordHash = await hashPassword(input.password);
  const userId = store.write(({ tx, append }) => {
    const invite = findOpenInvite(tx, input.token);
    if (!invite) throw new AppError('not_found', 'This invite link is unknown, used or expired. Ask an admin for a new one.');
    markInviteUsed(tx, invite.tokenHash);
    tx.update(users).set({ passwordHash, updatedAt: nowIso() }).where(eq(users.id, invite.userId)).run();
    append('user.updated', {
      actorId: invite.userId,
      subject: { type: 'user', id: invite.userId },
      data: { userId: invite.userId, changes: { password: 'set from invite' } },
    });
    return invite.userId;
  });
  const user = loadUser(store.db, userId);
  if (!user?.active) throw new AppError('forbidden', 'This account has been deactivated.');
  return { cookie: openSession(store, userId), user };
}
