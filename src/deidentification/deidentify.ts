import { buildContext } from './detectors/context.js';
import { detectAges } from './detectors/ages.js';
import { detectContacts } from './detectors/contact.js';
import { detectDates } from './detectors/dates.js';
import { detectFields } from './detectors/fields.js';
import { detectIdentifiers } from './detectors/identifiers.js';
import { detectInstitutions } from './detectors/institutions.js';
import { detectLocations } from './detectors/locations.js';
import { detectNames } from './detectors/names.js';
import { type PhiCandidate, type PhiFinding } from './phi-kind.js';
import { extendFindings } from './span-extend.js';
import { applyFindings, mergeCandidates } from './span-merge.js';

export { PhiKind, type PhiFinding } from './phi-kind.js';
export { PLACEHOLDERS } from './placeholders.js';

export interface DeidentificationResult {
  text: string;
  findings: PhiFinding[];
}

/**
 * Replaces protected health information in clinical prose with typed placeholders. Pure and synchronous;
 * never logs its input. Recall is favoured over precision: overlapping detections are unioned.
 */
export function deidentify(text: string): DeidentificationResult {
  const ctx = buildContext(text);
  const candidates: PhiCandidate[] = [
    ...detectContacts(text),
    ...detectIdentifiers(text),
    ...detectDates(text),
    ...detectAges(text),
    ...detectInstitutions(ctx),
    ...detectLocations(ctx),
    ...detectNames(ctx),
    ...detectFields(ctx),
  ];
  const findings = extendFindings(text, mergeCandidates(candidates));
  return { text: applyFindings(text, findings), findings };
}
