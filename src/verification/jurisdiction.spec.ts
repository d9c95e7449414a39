import { describe, expect, it } from '@jest/globals';
import { checkJurisdiction } from './jurisdiction.js';

describe('checkJurisdiction', () => {
  it('accepts existing provinces and states, normalising case', () => {
    expect(checkJurisdiction('CA-ON')).toEqual({ ok: true, code: 'CA-ON' });
    expect(checkJurisdiction('us-ny')).toEqual({ ok: true, code: 'US-NY' });
    expect(checkJurisdiction('CA-QC')).toEqual({ ok: true, code: 'CA-QC' });
  });

  it('rejects malformed codes and bare countries', () => {
    for (const bad of ['ON', 'CA', 'CA_ON', 'CAN-ON', 'CA-ONTARIO', '']) {
      expect(checkJurisdiction(bad)).toMatchObject({
        ok: false,
        problem: expect.stringContaining('ISO 3166-2'),
      });
    }
  });

  it('rejects well-formed codes that do not exist', () => {
    expect(checkJurisdiction('CA-ZZ')).toEqual({
      ok: false,
      problem: expect.stringContaining('not an existing'),
    });
    expect(checkJurisdiction('XX-NY')).toEqual({
      ok: false,
      problem: expect.stringContaining('not an existing'),
    });
  });
});
