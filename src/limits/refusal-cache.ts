import { Injectable } from '@nestjs/common';

/**
 * Remembers, in this process, which budgets are spent and until when, so a client that keeps sending
 * after a refusal is turned away before its request is parsed, authenticated or planned. The shared
 * store (PostgreSQL or Redis) stays the authority: this only repeats a refusal it already gave, for
 * no longer than the wait it announced.
 */
/** How long a client counts as recently refused, and so is held to one request in progress at a time. */
export const PENALTY_WINDOW_MS = 10_000;

@Injectable()
export class RefusalCache {
  private readonly blockedUntil = new Map<string, number>();
  /** Budget key → when the budget store last refused it. */
  private readonly lastRefusedAt = new Map<string, number>();
  /** Partner key prefix → app id, learned from verified requests, so the raw header can be checked. */
  private readonly appByKeyPrefix = new Map<string, string>();

  remember(bucketKeys: readonly string[], retryAfterSeconds: number, now = Date.now()): void {
    const until = now + retryAfterSeconds * 1000;
    for (const key of bucketKeys)
      this.blockedUntil.set(key, Math.max(until, this.blockedUntil.get(key) ?? 0));
    for (const key of bucketKeys) this.lastRefusedAt.set(key, now);
    if (this.blockedUntil.size > 10_000 || this.lastRefusedAt.size > 10_000) this.forgetExpired(now);
  }

  /** Whether any of these budgets was refused within the last PENALTY_WINDOW_MS. */
  recentlyRefused(bucketKeys: readonly string[], now = Date.now()): boolean {
    for (const key of bucketKeys) {
      const at = this.lastRefusedAt.get(key);
      if (at !== undefined && now - at < PENALTY_WINDOW_MS) return true;
    }
    return false;
  }

  learnKeyPrefix(prefix: string, appId: string): void {
    if (this.appByKeyPrefix.size > 10_000) this.appByKeyPrefix.clear();
    this.appByKeyPrefix.set(prefix, appId);
  }

  appForKeyPrefix(prefix: string): string | undefined {
    return this.appByKeyPrefix.get(prefix);
  }

  /** Seconds still to wait if any of these budgets is known to be spent, else null. */
  waitFor(bucketKeys: readonly string[], now = Date.now()): number | null {
    let wait = 0;
    for (const key of bucketKeys) {
      const until = this.blockedUntil.get(key);
      if (until === undefined) continue;
      if (until <= now) this.blockedUntil.delete(key);
      else wait = Math.max(wait, until - now);
    }
    return wait > 0 ? Math.ceil(wait / 1000) : null;
  }

  /** Drops refusals whose wait is over by `now`. */
  forgetExpired(now = Date.now()): void {
    for (const [key, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(key);
    for (const [key, at] of this.lastRefusedAt)
      if (now - at >= PENALTY_WINDOW_MS) this.lastRefusedAt.delete(key);
  }
}
