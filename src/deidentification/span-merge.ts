import { type PhiCandidate, type PhiFinding } from './phi-kind.js';
import { PLACEHOLDERS } from './placeholders.js';

/**
 * Turns overlapping detector proposals into sorted, disjoint findings. Overlapping spans are unioned
 * (redacting more is the safe direction); the merged kind is taken from the most confident, then longest,
 * contributor so a cue-backed "Dr. Addison" NAME beats a dictionary LOCATION guess.
 */
export function mergeCandidates(candidates: PhiCandidate[]): PhiFinding[] {
  const sorted = candidates.filter((c) => c.end > c.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const findings: PhiFinding[] = [];
  let current: PhiCandidate | undefined;
  let best: PhiCandidate | undefined;
  const flush = () => {
    if (!current || !best) return;
    const replacement =
      best.replacement !== undefined && best.start === current.start && best.end === current.end
        ? best.replacement
        : PLACEHOLDERS[best.kind];
    findings.push({ kind: best.kind, start: current.start, end: current.end, replacement });
  };
  for (const c of sorted) {
    if (current && c.start < current.end) {
      current = { ...current, end: Math.max(current.end, c.end) };
      if (outranks(c, best!)) best = c;
      continue;
    }
    flush();
    current = { ...c };
    best = c;
  }
  flush();
  return findings;
}

function outranks(a: PhiCandidate, b: PhiCandidate): boolean {
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  return a.end - a.start > b.end - b.start;
}

/** Applies findings (sorted, disjoint) to the input. */
export function applyFindings(text: string, findings: PhiFinding[]): string {
  let out = '';
  let pos = 0;
  for (const f of findings) {
    out += text.slice(pos, f.start) + f.replacement;
    pos = f.end;
  }
  return out + text.slice(pos);
}
