import { LIMITS } from '../../../shared/limits.js';

/**
 * Counts failed logins per account and per address in a sliding window, in
 * memory: always on, whatever FRONTLINE_RATE_LIMIT says. A success clears the
 * account's count.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly windowMs = LIMITS.loginFailureWindowMinutes * 60_000;

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(account: string, address: string, now = Date.now()): number {
    const wait = (key: string, max: number) => {
      const recent = this.recent(key, now);
      if (recent.length < max) return 0;
      return Math.ceil(((recent[recent.length - max] ?? now) + this.windowMs - now) / 1000);
    };
    return Math.max(wait(`a:${account}`, LIMITS.loginFailuresPerAccount), wait(`ip:${address}`, LIMITS.loginFailuresPerAddress));
  }

  fail(account: string, address: string, now = Date.now()): void {
    for (const key of [`a:${account}`, `ip:${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 100_000) this.prune(now);
  }

  succeed(account: string): void {
    this.failures.delete(`a:${account}`);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  private prune(now: number): void {
    for (const key of this.failures.keys()) {
      const recent = this.recent(key, now);
      if (recent.length === 0) this.failures.delete(key);
      else this.failures.set(key, recent);
    }
  }
}
