import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deidentify } from '../deidentify.js';
import { type PhiFinding, PhiKind } from '../phi-kind.js';
import { projectRoot } from '../../common/project-root.js';

export interface GoldSpan {
  kind: string;
  start: number;
  end: number;
}

export interface KindRecall {
  kind: string;
  total: number;
  caught: number;
  /** Caught with the same kind as the gold label. */
  sameKind: number;
  /** At least one character covered (useful when gold spans include parts that may stay, like a state). */
  overlapped: number;
}

export interface FixtureScore {
  perKind: KindRecall[];
  overall: KindRecall;
  clinicalTermsKept: number;
  clinicalTermsTotal: number;
  phiFreeAltered: number;
  phiFreeTotal: number;
  /** Indexes only, never text: the scorer itself must not print PHI-shaped fixture content by default. */
  missed: Array<{ kind: string; caseIndex: number; value: string }>;
}

interface CasesFile {
  cases: Array<{ text: string; phi: Array<[string, string]> }>;
}

const fixtureDir = () => join(projectRoot(), 'test/fixtures/deid');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Locates each labelled value left to right, so repeated strings map to successive occurrences. */
export function locateSpans(text: string, phi: Array<[string, string]>): GoldSpan[] {
  const spans: GoldSpan[] = [];
  let from = 0;
  for (const [kind, value] of phi) {
    const start = text.indexOf(value, from);
    if (start < 0) throw new Error(`fixture value not found in order: ${value}`);
    spans.push({ kind, start, end: start + value.length });
    from = start + value.length;
  }
  return spans;
}

/** A gold span is caught when findings cover every one of its characters. */
function coverage(
  span: GoldSpan,
  findings: PhiFinding[],
): { caught: boolean; overlapped: boolean; kind?: string } {
  let pos = span.start;
  let overlapped = false;
  let kind: string | undefined;
  for (const f of findings) {
    if (f.end <= span.start || f.start >= span.end) continue;
    overlapped = true;
    kind ??= f.kind;
    if (f.start <= pos) pos = Math.max(pos, f.end);
  }
  return { caught: pos >= span.end, overlapped, kind };
}

class Tally {
  private readonly byKind = new Map<string, KindRecall>();
  add(kind: string, result: { caught: boolean; overlapped: boolean; kind?: string }, gold: string) {
    const row = this.byKind.get(kind) ?? { kind, total: 0, caught: 0, sameKind: 0, overlapped: 0 };
    row.total++;
    if (result.caught) row.caught++;
    if (result.caught && result.kind === gold) row.sameKind++;
    if (result.overlapped) row.overlapped++;
    this.byKind.set(kind, row);
  }
  rows(): KindRecall[] {
    return [...this.byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind));
  }
  overall(): KindRecall {
    const sum = { kind: 'ALL', total: 0, caught: 0, sameKind: 0, overlapped: 0 };
    for (const r of this.byKind.values()) {
      sum.total += r.total;
      sum.caught += r.caught;
      sum.sameKind += r.sameKind;
      sum.overlapped += r.overlapped;
    }
    return sum;
  }
}

// Each clinical term is checked at the start of a sentence (where capitalization is no clue) and mid-sentence.
const TERM_CARRIERS = ['{t} was discussed at rounds.', 'History is notable for {t} in the past.'];

interface LabelledSet {
  cases: Array<{ text: string; spans: GoldSpan[] }>;
  terms: string[];
  sentences: string[];
}

/** Scores one labelled set: recall per kind, clinical terms kept intact, PHI-free sentences altered. */
function scoreSet(set: LabelledSet): FixtureScore {
  const tally = new Tally();
  const missed: FixtureScore['missed'] = [];
  set.cases.forEach((c, caseIndex) => {
    const { findings } = deidentify(c.text);
    for (const span of c.spans) {
      const result = coverage(span, findings);
      tally.add(span.kind, result, span.kind);
      if (!result.caught)
        missed.push({ kind: span.kind, caseIndex, value: c.text.slice(span.start, span.end) });
    }
  });
  const kept = set.terms.filter((term) =>
    TERM_CARRIERS.every((carrier) => {
      const sentence = carrier.replace('{t}', term);
      return deidentify(sentence).text === sentence;
    }),
  ).length;
  const altered = set.sentences.filter((s) => deidentify(s).findings.length > 0).length;
  return {
    perKind: tally.rows(),
    overall: tally.overall(),
    clinicalTermsKept: kept,
    clinicalTermsTotal: set.terms.length,
    phiFreeAltered: altered,
    phiFreeTotal: set.sentences.length,
    missed,
  };
}

export function scoreFixtures(): FixtureScore {
  const dir = fixtureDir();
  const { cases } = readJson<CasesFile>(join(dir, 'cases.json'));
  const { terms } = readJson<{ terms: string[] }>(join(dir, 'clinical-terms.json'));
  const { sentences } = readJson<{ sentences: string[] }>(join(dir, 'phi-free.json'));
  return scoreSet({
    cases: cases.map((c) => ({ text: c.text, spans: locateSpans(c.text, c.phi) })),
    terms,
    sentences,
  });
}

/** Aggregate figures only: the held-out set measures the engine and must never be inspected or tuned on. */
export type HoldoutScore = Omit<FixtureScore, 'missed'>;

interface HoldoutFile {
  cases: Array<{ text: string; phi: Array<{ kind: string; text: string }> }>;
  phiFree: string[];
  clinicalTerms: string[];
}

/**
 * Locates held-out spans: each value at its next occurrence after the previous one, else at its first
 * occurrence not already labelled (entries may repeat and need not be in order). Errors never echo text.
 */
function locateHoldoutSpans(text: string, phi: Array<{ kind: string; text: string }>, caseIndex: number) {
  const spans: GoldSpan[] = [];
  const used = (start: number, end: number) => spans.some((s) => s.start < end && start < s.end);
  let from = 0;
  for (const { kind, text: value } of phi) {
    let start = text.indexOf(value, from);
    if (start < 0 || used(start, start + value.length)) {
      start = text.indexOf(value);
      while (start >= 0 && used(start, start + value.length)) start = text.indexOf(value, start + 1);
    }
    if (start < 0) {
      start = text.indexOf(value);
      if (start < 0) throw new Error(`held-out case ${caseIndex}: a labelled value is not in its text`);
    }
    spans.push({ kind, start, end: start + value.length });
    from = start + value.length;
  }
  return spans;
}

export function scoreHoldout(
  path = join(projectRoot(), 'test/fixtures/deid-holdout/holdout.json'),
): HoldoutScore | undefined {
  if (!existsSync(path)) return undefined;
  const file = readJson<HoldoutFile>(path);
  const { missed: _missed, ...aggregate } = scoreSet({
    cases: file.cases.map((c, i) => ({ text: c.text, spans: locateHoldoutSpans(c.text, c.phi, i) })),
    terms: file.clinicalTerms,
    sentences: file.phiFree,
  });
  return aggregate;
}

interface PresidioRecord {
  full_text: string;
  spans: Array<{ entity_type: string; entity_value: string; start_position: number; end_position: number }>;
}

/** Presidio types that are HIPAA identifiers; values of DATE_TIME/AGE are filtered to the protected ones. */
const PRESIDIO_TYPES = new Set([
  'PERSON',
  'STREET_ADDRESS',
  'GPE',
  'ORGANIZATION',
  'PHONE_NUMBER',
  'EMAIL_ADDRESS',
  'US_SSN',
  'IP_ADDRESS',
  'DATE_TIME',
  'ZIP_CODE',
  'DOMAIN_NAME',
  'CREDIT_CARD',
  'IBAN_CODE',
  'US_DRIVER_LICENSE',
  'AGE',
]);

function presidioProtected(type: string, value: string): boolean {
  // A year alone (or a decade) may stay under Safe Harbor; ages matter only above 89.
  if (type === 'DATE_TIME')
    return (
      !/^\s*(?:(?:in\s+)?(?:the\s+)?(?:19|20)\d\d['’]?s?|\d{4}s?)\s*$/i.test(value) &&
      /\d|[A-Z][a-z]{2}/.test(value)
    );
  if (type === 'AGE') return /\d+/.test(value) && Number(/\d+/.exec(value)![0]) > 89;
  return true;
}

/** Recall on Microsoft's synthetic PII sentences, if the shared development copy is present. */
export function scorePresidio(
  path = join(projectRoot(), '../shared/data/presidio-synth/synth_dataset_v2.json'),
): KindRecall[] | undefined {
  if (!existsSync(path)) return undefined;
  const records = readJson<PresidioRecord[]>(path);
  const tally = new Tally();
  const expected: Record<string, PhiKind> = {
    PERSON: PhiKind.NAME,
    PHONE_NUMBER: PhiKind.PHONE,
    EMAIL_ADDRESS: PhiKind.EMAIL,
    IP_ADDRESS: PhiKind.IP_ADDRESS,
    DATE_TIME: PhiKind.DATE,
    DOMAIN_NAME: PhiKind.URL,
  };
  for (const record of records) {
    const { findings } = deidentify(record.full_text);
    for (const s of record.spans) {
      if (!PRESIDIO_TYPES.has(s.entity_type) || !presidioProtected(s.entity_type, s.entity_value)) continue;
      // Trim surrounding whitespace the templates sometimes include.
      const raw = record.full_text.slice(s.start_position, s.end_position);
      const lead = raw.length - raw.trimStart().length;
      const span = {
        kind: s.entity_type,
        start: s.start_position + lead,
        end: s.start_position + raw.trimEnd().length,
      };
      if (span.end <= span.start) continue;
      tally.add(s.entity_type, coverage(span, findings), expected[s.entity_type] ?? '');
    }
  }
  return tally.rows();
}

export const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
