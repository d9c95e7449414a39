import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Partner API keys: `cbk_<prefix>_<secret>`. The prefix (12 hex characters) is public and finds the row;
 * the secret (32 random bytes, base64url) is shown once and only its SHA-256 is stored. A salted slow
 * hash buys nothing for 256 random bits, and SHA-256 keeps the per-request check cheap.
 */
const KEY_SHAPE = /^cbk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface IssuedKey {
  apiKey: string;
  prefix: string;
  hash: Buffer;
}

export interface ParsedKey {
  prefix: string;
  secret: string;
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

export function issueKey(): IssuedKey {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { apiKey: `cbk_${prefix}_${secret}`, prefix, hash: hashSecret(secret) };
}

/** Null for anything not shaped like one of our keys (no database look-up needed to refuse it). */
export function parseKey(value: string): ParsedKey | null {
  const match = KEY_SHAPE.exec(value);
  return match ? { prefix: match[1], secret: match[2] } : null;
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const presented = hashSecret(secret);
  return presented.length === storedHash.length && timingSafeEqual(presented, storedHash);
}
