import { Injectable } from '@nestjs/common';
import { deidentify } from '../deidentification/deidentify.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { DeidentificationResult, PhiFinding } from './phi-finding.model.js';

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
    if (values.some((value) => deidentify(value).findings.length > 0)) {
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
