import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  adminEmail: string | null;
  adminPassword: string | null;
  publicUrl: string;
  logLevel: string;
  /** API requests per minute per user or token; 0 turns the limit off. */
  rateLimit: number;
  replayLimit: number;
}

const intFrom = (name: string, raw: string | undefined, fallback: number): number => {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
};

/** Reads the environment variables of the contract's Configuration table; every one is optional. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFrom('PORT', env.PORT, 3000);
  const publicUrl = (env.FRONTLINE_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new Error(`FRONTLINE_PUBLIC_URL must be an absolute URL, got "${publicUrl}"`);
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.FRONTLINE_DATA_DIR || './data'),
    demo: (env.FRONTLINE_DEMO ?? '1') !== '0',
    adminEmail: env.FRONTLINE_ADMIN_EMAIL || null,
    adminPassword: env.FRONTLINE_ADMIN_PASSWORD || null,
    publicUrl,
    logLevel: env.FRONTLINE_LOG_LEVEL || 'info',
    rateLimit: intFrom('FRONTLINE_RATE_LIMIT', env.FRONTLINE_RATE_LIMIT, 1200),
    replayLimit: intFrom('FRONTLINE_REPLAY_LIMIT', env.FRONTLINE_REPLAY_LIMIT, 10000),
  };
}
