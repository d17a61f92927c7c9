import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiTokens } from '../../../db/schema.js';
import type { TokenSummary } from '../../../shared/tokens.js';
import { notFound } from '../../errors.js';
import type { Principal } from '../../plugins/auth.js';
import type { Store } from '../../store/store.js';
import { hashSecret, newId, newSecret, nowIso } from '../../store/ids.js';

/** The secret is returned once and only its hash is kept. The token acts as the admin who made it. */
export function createToken(store: Store, actor: Principal, name: string) {
  const id = newId();
  const token = newSecret('flt_');
  const createdAt = nowIso();
  store.write(({ tx, append }) => {
    tx.insert(apiTokens).values({ id, name, tokenHash: hashSecret(token), userId: actor.userId, createdAt }).run();
    append('token.created', { actorId: actor.userId, subject: { type: 'token', id }, data: { tokenId: id, name } });
  });
  return { id, name, token, createdAt };
}

export function revokeToken(store: Store, actor: Principal, id: string): void {
  store.write(({ tx, append }) => {
    const revoked = tx.update(apiTokens).set({ revokedAt: nowIso() }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).run();
    if (revoked.changes === 0) throw notFound('Token');
    append('token.revoked', { actorId: actor.userId, subject: { type: 'token', id }, data: { tokenId: id } });
  });
}

export const listTokens = (store: Store): TokenSummary[] =>
  store.db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(isNull(apiTokens.revokedAt))
    .orderBy(desc(apiTokens.createdAt))
    .all();
