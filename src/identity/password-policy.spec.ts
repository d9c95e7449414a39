import { describe, expect, it } from '@jest/globals';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it('accepts a long uncommon passphrase', () => {
    expect(passwordProblem('mauve kettle orbits slowly')).toBeNull();
  });

  it('names the length rule for short passwords', () => {
    expect(passwordProblem('b7'.repeat(MIN_PASSWORD_LENGTH / 2 - 1))).toMatch(/at least 12 characters/);
  });

  it('refuses passwords from the shipped common list, also when decorated with digits', () => {
    expect(passwordProblem('123qweasdzxc')).toMatch(/too common/);
    expect(passwordProblem('Password123456!')).toMatch(/too common/);
    expect(passwordProblem('football2024!!')).toMatch(/too common/);
  });

  it('refuses repeated patterns', () => {
    expect(passwordProblem('abcabcabcabcabc')).toMatch(/too common/);
    expect(passwordProblem('zzzzzzzzzzzzzz')).toMatch(/too common/);
  });

  it('refuses a password containing the email name', () => {
    expect(passwordProblem('drjanewilson-rocks', { email: 'drjanewilson@example.org' })).toMatch(/email/);
  });

  it('never echoes the password in the message', () => {
    const secret = 'Password123456!';
    expect(passwordProblem(secret)).not.toContain(secret);
  });
});
