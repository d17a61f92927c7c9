import type { ChildInfo } from './dataset/fixtures.js';
import type { Accounts, Target } from './scenario.js';

/** A target whose signIn posts to /api/auth/login and keeps the session cookie (both servers answer it the same way). */
export function target(kind: Target['kind'], url: string, accounts: Accounts, info: ChildInfo): Target {
  return {
    kind,
    url,
    ...accounts,
    insights: info.insights ?? null,
    info,
    async signIn(who) {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(who),
      });
      if (!res.ok) throw new Error(`${kind}: sign-in as ${who.email} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]?.trim() ?? '');
      const header = cookies.filter((c) => c.includes('=')).join('; ');
      if (!header) throw new Error(`${kind}: sign-in as ${who.email} set no cookie`);
      return header;
    },
  };
}
