import { describe, expect, it } from '@jest/globals';
import { isValidNpi } from './npi.js';

describe('isValidNpi', () => {
  it('accepts NPIs whose check digit matches (CMS published examples)', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1245319599')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('1245319598')).toBe(false);
  });

  it('rejects anything that is not exactly ten digits', () => {
    for (const bad of ['123456789', '12345678931', '12345a7893', '', ' 1234567893']) {
      expect(isValidNpi(bad)).toBe(false);
    }
  });
});
