import { PhiKind } from './phi-kind.js';

/**
 * Default placeholder per kind. Exceptions set by detectors: US ZIP codes become their first three
 * digits + "XX" (or "000XX" for the sparsely populated prefixes, per Safe Harbor), and social media
 * handles read "[HANDLE]" (kind OTHER).
 */
export const PLACEHOLDERS: Readonly<Record<PhiKind, string>> = {
  [PhiKind.NAME]: '[NAME]',
  [PhiKind.DATE]: '[DATE]',
  [PhiKind.AGE]: '[AGE]',
  [PhiKind.PHONE]: '[PHONE]',
  [PhiKind.FAX]: '[FAX]',
  [PhiKind.EMAIL]: '[EMAIL]',
  [PhiKind.ID_NUMBER]: '[ID]',
  [PhiKind.URL]: '[URL]',
  [PhiKind.IP_ADDRESS]: '[IP]',
  [PhiKind.LOCATION]: '[LOCATION]',
  [PhiKind.INSTITUTION]: '[INSTITUTION]',
  [PhiKind.OTHER]: '[REDACTED]',
};
