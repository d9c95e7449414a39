import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/project-root.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

let commonPasswords: Set<string> | undefined;

function loadCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(
    readFileSync(join(projectRoot(), 'src/identity/data/common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
  return commonPasswords;
}

/** "Summer2024!!" → "summer": the word people decorate with digits and symbols. */
function core(password: string): string {
  return password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
}

function isRepetitive(password: string): boolean {
  // A short unit repeated (aaaaaaaaaaaa, abcabcabcabc, 121212121212).
  return /^(.{1,4})\1+$/.test(password);
}

/**
 * Returns the rule a password breaks, or null when it is acceptable. The message names the rule
 * and never repeats the password.
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (length > MAX_PASSWORD_LENGTH) return `Password must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  const common = loadCommonPasswords();
  const lowered = password.toLowerCase();
  if (common.has(lowered) || common.has(core(password)) || isRepetitive(lowered)) {
    return 'Password is too common: it appears in a list of frequently used passwords';
  }
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lowered.includes(localPart)) {
    return 'Password must not contain your email address';
  }
  return null;
}
