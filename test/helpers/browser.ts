import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium off the network it cannot reach here, and quiet in a container. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Headless Chromium for UI tests: Debian's /usr/bin/chromium when present,
 * else the build that @sparticuz/chromium unpacks from npm. Never skips: a
 * browser that cannot start fails the test.
 */
export async function launchBrowser(): Promise<Browser> {
  if (existsSync(SYSTEM_CHROMIUM)) {
    return chromium.launch({ executablePath: SYSTEM_CHROMIUM, headless: true, args: QUIET_FLAGS });
  }
  const { default: sparticuz } = await import('@sparticuz/chromium');
  const executablePath = await sparticuz.executablePath();
  const args = [...new Set([...sparticuz.args.filter((a) => !a.startsWith('--single-process')), ...QUIET_FLAGS])];
  return chromium.launch({ executablePath, headless: true, args });
}
