import { createHash, randomBytes, randomFillSync } from 'node:crypto';

/** The base64url characters in byte order, so that encoded times sort as the times do. */
const SORTED_ALPHABET = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/**
 * Opaque, URL-safe, 16-character ids: 7 characters of the current millisecond
 * (enough until 2109) then 9 random ones (54 bits). Ids made close in time
 * sort close together, so a new row lands on the same few b-tree pages as the
 * previous one instead of a random page of each index that holds an id; that
 * keeps the pages a commit writes (and the checkpoints that follow) few. They
 * are not secrets.
 */
export function newId(): string {
  let time = clock();
  let prefix = '';
  for (let i = 0; i < 7; i++) {
    prefix = SORTED_ALPHABET[time % 64] + prefix;
    time = Math.floor(time / 64);
  }
  let random = '';
  for (let i = 0; i < 9; i++) random += SORTED_ALPHABET[randomByte() & 63];
  return prefix + random;
}

/** Random bytes drawn from a pool refilled 4 KiB at a time: one call into the CSPRNG per id cost more than the id's insert. */
const randomPool = Buffer.alloc(4096);
let randomAt = randomPool.length;
function randomByte(): number {
  if (randomAt === randomPool.length) {
    randomFillSync(randomPool);
    randomAt = 0;
  }
  return randomPool[randomAt++] as number;
}

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
