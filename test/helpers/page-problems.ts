import type { Page } from 'playwright-core';

/**
 * Collects what went wrong in a page: uncaught exceptions and console errors,
 * CSP violations among them ("Refused to apply inline style…"). Chromium also
 * logs every 4xx answer as "Failed to load resource"; those are expected when
 * the app asks on purpose (the session check answers 401 when signed out, a
 * taken email 409), so a test lists them as `"401 /api/me"` in `allowed`.
 */
export function watchProblems(page: Page, allowed: Iterable<string> = ['401 /api/me']): { problems: string[]; allow(entry: string): void } {
  const problems: string[] = [];
  const allow = new Set(allowed);
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const failed = /^Failed to load resource: the server responded with a status of (\d{3})/.exec(text);
    const where = message.location().url;
    if (failed && where && allow.has(`${failed[1]} ${new URL(where).pathname}`)) return;
    problems.push(`console: ${text}${where ? ` (${where})` : ''}`);
  });
  return { problems, allow: (entry) => allow.add(entry) };
}
