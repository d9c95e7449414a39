import { iso31662 } from 'iso-3166';

const FORMAT = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const SUBDIVISIONS = new Set(iso31662.map((s) => s.code));
const NAMES = new Map(iso31662.map((s) => [s.code, s.name]));

export type JurisdictionCheck = { ok: true; code: string } | { ok: false; problem: string };

/**
 * Licensing jurisdictions are ISO 3166-2 subdivisions (CA-ON, US-NY): licences are issued by a
 * province or state, so a bare country code is not enough.
 */
export function checkJurisdiction(input: string): JurisdictionCheck {
  const code = input.trim().toUpperCase();
  if (!FORMAT.test(code))
    return { ok: false, problem: 'must be an ISO 3166-2 subdivision code such as CA-ON or US-NY' };
  if (!SUBDIVISIONS.has(code))
    return { ok: false, problem: 'is not an existing ISO 3166-2 country subdivision' };
  return { ok: true, code };
}

export function jurisdictionName(code: string): string | undefined {
  return NAMES.get(code);
}
