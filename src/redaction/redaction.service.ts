import { Injectable } from '@nestjs/common';
import { deidentify, PhiKind } from '../deidentification/deidentify.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { DeidentificationResult, PhiFinding } from './phi-finding.model.js';

/**
 * Tags arrive lowercased and hyphenated ("john-smith"), a shape the engine, tuned for prose, does not
 * read as a name or a date. A tag is checked as given and as capitalised words ("John Smith",
 * "March 14"); words under three letters keep their case, so "st-elevation" is not read as a saint.
 * A one-word tag capitalised looks like a surname to the engine ("Pth", "Afib"), so for one-word tags
 * only the non-name findings of the capitalised form count.
 */
function labelHasPhi(value: string): boolean {
  if (deidentify(value).findings.length > 0) return true;
  const words = value.split(/[-_\s]+/).filter(Boolean);
  const capitalised = words.map((w) => (w.length < 3 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(' ');
  return deidentify(capitalised).findings.some(
    (finding) => words.length > 1 || finding.kind !== PhiKind.NAME,
  );
}

/**
 * The gate every clinician-written text passes before it is stored, indexed, logged or published.
 * Callers keep only the returned text; the raw input goes nowhere else.
 */
@Injectable()
export class RedactionService {
  redact(text: string): DeidentificationResult {
    return deidentify(text);
  }

  /**
   * For short labels (tags) where a placeholder would make no sense: refuse instead of rewriting.
   * The error names the field, never the value.
   */
  assertNoPhi(values: readonly string[], field: string): void {
    if (values.some(labelHasPhi)) {
      throw new DomainError(ErrorCode.PHI_DETECTED, `${field} must not contain identifiers`, {
        fields: [field],
      });
    }
  }

  /** Redacts several fields together, returning their findings with the field each came from. */
  redactFields<K extends string>(
    fields: Record<K, string>,
  ): { texts: Record<K, string>; findings: PhiFinding[] } {
    const texts = {} as Record<K, string>;
    const findings: PhiFinding[] = [];
    for (const key of Object.keys(fields) as K[]) {
      const result = deidentify(fields[key]);
      texts[key] = result.text;
      findings.push(...result.findings.map((finding) => ({ ...finding, field: key })));
    }
    return { texts, findings };
  }
}
