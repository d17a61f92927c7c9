import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { preparedFor } from '../../store/prepared.js';
import type { Queryable } from '../../../db/client.js';
import { apiTokens, invites, sessions, users } from '../../../db/schema.js';
import type { Principal } from '../../plugins/auth.js';
import { hashSecret, nowIso } from '../../store/ids.js';

const sessionPrincipal = preparedFor((db) =>
  db
    .select({ userId: users.id, role: users.role, displayName: users.displayName })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('hash')), gt(sessions.expiresAt, sql.placeholder('now')), eq(users.active, true)))
    .prepare(),
);

export function findPrincipalBySession(db: Queryable, cookie: string): Principal | null {
  const tokenHash = hashSecret(cookie);
  const row = sessionPrincipal(db).get({ hash: tokenHash, now: nowIso() });
  return row ? { ...row, via: 'session', credentialId: tokenHash } : null;
}

const TOKEN_TOUCH_MS = 60_000;

const tokenPrincipal = preparedFor((db) =>
  db
    .select({
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: users.id,
      role: users.role,
      displayName: users.displayName,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt), eq(users.active, true)))
    .prepare(),
);

export function findPrincipalByToken(db: Queryable, token: string): Principal | null {
  const row = tokenPrincipal(db).get({ hash: hashSecret(token) });
  if (!row) return null;
  // Recording every use would turn each read into a write; once a minute is enough to show activity.
  const now = Date.now();
  if (!row.lastUsedAt || now - Date.parse(row.lastUsedAt) > TOKEN_TOUCH_MS) {
    db.update(apiTokens).set({ lastUsedAt: new Date(now).toISOString() }).where(eq(apiTokens.id, row.tokenId)).run();
  }
  return { userId: row.userId, role: row.role, displayName: row.displayName, via: 'token', credentialId: row.tokenId };
}

export const insertSession = (db: Queryable, values: typeof sessions.$inferInsert) => db.insert(sessions).values(values).run();

export const deleteSession = (db: Queryable, tokenHash: string) =>
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();

export const deleteSessionsOfUser = (db: Queryable, userId: string) =>
  db.delete(sessions).where(eq(sessions.userId, userId)).run();

export const deleteExpiredSessions = (db: Queryable) => db.delete(sessions).where(lt(sessions.expiresAt, nowIso())).run();

export const findOpenInvite = (db: Queryable, token: string) =>
  db
    .select()
    .from(invites)
    .where(and(eq(invites.tokenHash, hashSecret(token)), isNull(invites.usedAt), gt(invites.expiresAt, nowIso())))
    .get();

export const insertInvite = (db: Queryable, values: typeof invites.$inferInsert) => db.insert(invites).values(values).run();

export const markInviteUsed = (db: Queryable, tokenHash: string) =>
  db.update(invites).set({ usedAt: nowIso() }).where(eq(invites.tokenHash, tokenHash)).run();
