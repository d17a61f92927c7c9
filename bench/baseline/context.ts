import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** The product's session cookie name; the baseline uses the same so one plan drives both. */
export const SESSION_COOKIE = 'frontline_session';
const SESSION_DAYS = 30;

export interface SessionUser {
  id: string;
  role: 'member' | 'lead' | 'admin';
  displayName: string;
}

/** What a scenario's baseline route gets: the database and the session primitives every route shares. */
export interface BaselineContext {
  db: Database.Database;
  /** The user of the request's session cookie, or null: one indexed join, like the product's auth hook. */
  userOf(request: FastifyRequest): SessionUser | null;
  /** Inserts a session row for the user and returns the Set-Cookie header value. */
  openSession(userId: string): string;
}

/** The tables every scenario shares; a scenario creates its own extra tables in `baseline()`. */
const CORE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    handle TEXT NOT NULL,
    role TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    password_hash TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX IF NOT EXISTS users_email_unique ON users (lower(email));
  CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id);
  CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    actor_id TEXT,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS events_subject ON events (subject_type, subject_id, seq);
`;

export const hashToken = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** Opens the baseline database with db/client.ts's pragmas and the core tables. */
export function openBaseline(file: string): BaselineContext {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.exec(CORE_SCHEMA);

  const findSession = db.prepare<[string, string], SessionUser>(
    `SELECT u.id AS id, u.role AS role, u.display_name AS displayName
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1`,
  );
  const insertSession = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)');

  return {
    db,
    userOf(request) {
      const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
      return cookie ? (findSession.get(hashToken(cookie), new Date().toISOString()) ?? null) : null;
    },
    openSession(userId) {
      const cookie = randomBytes(32).toString('base64url');
      const now = Date.now();
      const maxAge = SESSION_DAYS * 86_400;
      insertSession.run(hashToken(cookie), userId, new Date(now).toISOString(), new Date(now + maxAge * 1000).toISOString());
      return `${SESSION_COOKIE}=${cookie}; Max-Age=${maxAge}; Path=/; HttpOnly; SameSite=Lax`;
    },
  };
}

export interface SeedUser {
  email: string;
  role: SessionUser['role'];
  displayName: string;
  handle: string;
}

/** Inserts an account the scenarios sign in as; the hash comes from the same argon2 defaults as the product's. */
export function seedUser(ctx: BaselineContext, user: SeedUser, passwordHash: string): string {
  const id = `user-${user.handle}`;
  const at = new Date().toISOString();
  ctx.db
    .prepare(
      `INSERT INTO users (id, email, display_name, handle, role, active, password_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    )
    .run(id, user.email, user.displayName, user.handle, user.role, passwordHash, at, at);
  return id;
}
