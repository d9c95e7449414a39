/** How failures on one key (an account or an address) slow down and then stop login attempts. */
export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** From this many failures on, the key is locked for lockSeconds. */
  lockAfter: number;
  lockSeconds: number;
  /** Failures older than this are forgotten. */
  windowSeconds: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  lockAfter: 10,
  lockSeconds: 900,
  windowSeconds: 900,
};
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  lockAfter: 100,
  lockSeconds: 900,
  windowSeconds: 900,
};

/**
 * Seconds the key must wait after its n-th failure: nothing for the free ones, then doubling
 * (1, 2, 4, … s), then the full lock.
 */
export function throttleDelaySeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  if (failures >= policy.lockAfter) return policy.lockSeconds;
  return Math.min(2 ** (failures - policy.freeFailures), policy.lockSeconds);
}
