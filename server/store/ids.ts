import { randomBytes, createHash } from 'node:crypto';

/** Opaque, URL-safe, 16-character ids. */
export const newId = (): string => randomBytes(12).toString('base64url');

/** A secret handed to a client once; only its hash is stored. */
export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

let clock: () => number = Date.now;

/** The current time as ISO 8601 UTC; every service stamps rows and events with it. */
export const nowIso = (): string => new Date(clock()).toISOString();

/**
 * Runs `body` with the clock set to `at`. Only the demo seed uses it, so that
 * a workspace spread over 90 days is written by the real services.
 */
export function atTime<T>(at: Date, body: () => T): T {
  const previous = clock;
  clock = () => at.getTime();
  try {
    return body();
  } finally {
    clock = previous;
  }
}
