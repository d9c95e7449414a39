import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { ACCOUNT_POLICY, ADDRESS_POLICY, ThrottlePolicy, throttleDelaySeconds } from './login-throttle.js';

interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

/**
 * Login throttling kept in PostgreSQL, so every API instance sees the same counts. Keys are hashed:
 * mistyped emails are not stored in the clear.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  keysFor(email: string, ipAddress: string | null): ThrottleKey[] {
    const digest = (value: string) => createHash('sha256').update(value).digest('hex');
    const keys = [{ key: `account:${digest(email.trim().toLowerCase())}`, policy: ACCOUNT_POLICY }];
    if (ipAddress) keys.push({ key: `address:${digest(ipAddress)}`, policy: ADDRESS_POLICY });
    return keys;
  }

  /** Refuses with RATE_LIMITED while any key is in its waiting period. */
  async assertAllowed(keys: ThrottleKey[]): Promise<void> {
    const rows: { wait: string | null }[] = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM max(blocked_until) - now())) AS wait
         FROM login_throttle WHERE key = ANY($1) AND blocked_until > now()`,
      [keys.map((k) => k.key)],
    );
    const wait = Number(rows[0]?.wait ?? 0);
    if (wait > 0) {
      throw new DomainError(ErrorCode.RATE_LIMITED, 'Too many failed sign-in attempts; try again later', {
        retryAfterSeconds: wait,
      });
    }
  }

  async recordFailure(keys: ThrottleKey[]): Promise<void> {
    for (const { key, policy } of keys) {
      const rows: { failures: number }[] = await this.dataSource.query(
        `INSERT INTO login_throttle AS t (key, failures, first_failure_at)
         VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN t.first_failure_at < now() - make_interval(secs => $2) THEN 1 ELSE t.failures + 1 END,
           first_failure_at = CASE WHEN t.first_failure_at < now() - make_interval(secs => $2)
                                   THEN now() ELSE t.first_failure_at END
         RETURNING failures`,
        [key, policy.windowSeconds],
      );
      const delay = throttleDelaySeconds(rows[0].failures, policy);
      if (delay > 0) {
        await this.dataSource.query(
          'UPDATE login_throttle SET blocked_until = now() + make_interval(secs => $2) WHERE key = $1',
          [key, delay],
        );
      }
    }
  }

  /** A successful login clears the account's count (not the address's: one good password elsewhere proves little). */
  async recordSuccess(keys: ThrottleKey[]): Promise<void> {
    const accountKeys = keys.filter((k) => k.key.startsWith('account:')).map((k) => k.key);
    await this.dataSource.query('DELETE FROM login_throttle WHERE key = ANY($1)', [accountKeys]);
  }
}
