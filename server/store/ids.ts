import { randomBytes, createHash } from 'node:crypto';

/** Opaque, URL-safe, 16-character ids. */
export const newId = (): string => randomBytes(12).toString('base64url');

/** A secret handed to a client once; only its hash is stored. */
export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export const nowIso = (): string => new Date().toISOString();
