import { describe, expect, it } from '@jest/globals';
import { ACCOUNT_POLICY, throttleDelaySeconds } from './login-throttle.js';

describe('throttleDelaySeconds', () => {
  it('lets the first few failures through without delay', () => {
    for (let n = 1; n < ACCOUNT_POLICY.freeFailures; n++)
      expect(throttleDelaySeconds(n, ACCOUNT_POLICY)).toBe(0);
  });

  it('doubles the wait after that', () => {
    const n = ACCOUNT_POLICY.freeFailures;
    expect(throttleDelaySeconds(n, ACCOUNT_POLICY)).toBe(1);
    expect(throttleDelaySeconds(n + 1, ACCOUNT_POLICY)).toBe(2);
    expect(throttleDelaySeconds(n + 2, ACCOUNT_POLICY)).toBe(4);
  });

  it('locks the key once the limit is reached', () => {
    expect(throttleDelaySeconds(ACCOUNT_POLICY.lockAfter, ACCOUNT_POLICY)).toBe(ACCOUNT_POLICY.lockSeconds);
    expect(throttleDelaySeconds(ACCOUNT_POLICY.lockAfter + 50, ACCOUNT_POLICY)).toBe(
      ACCOUNT_POLICY.lockSeconds,
    );
  });
});
