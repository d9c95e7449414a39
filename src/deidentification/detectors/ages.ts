import { type PhiCandidate, PhiKind } from '../phi-kind.js';
import { lookBehind, matchAll } from './regex-util.js';

// Safe Harbor only protects ages over 89, so "47-year-old" stays.
const OVER_89 = '(?:9\\d|1[0-4]\\d)';
const AGE_UNIT =
  '(?:-|\\s)?(?:years?|yrs?|y)(?:\\.|\\s|-)?(?:old|o\\b|of\\s+age)|\\s?(?:y\\/o|y\\.o\\.?|yo|yoa)\\b|(?:-|\\s)(?:years?|yrs?)\\b';
const NUMERIC_AGE = new RegExp(`(?<![\\d.,/])${OVER_89}\\s?(?:${AGE_UNIT})`, 'gi');
// "aged 95", "age: 93", "Age 102"
const CUED_AGE = new RegExp(`\\b(?:aged?|age\\s*:|age\\s+of)\\s{0,2}(${OVER_89})\\b(?![.,]\\d)`, 'gi');
// "93F", "93 M", "93yo M": the number only, the sex is clinically useful.
const AGE_SEX = new RegExp(`(?<![\\d.,/])(${OVER_89})\\s?[MF]\\b`, 'g');
const DECADE =
  /\b(?:in\s+(?:his|her|their|the)\s+(?:mid-|late\s+|early\s+)?(?:9\d|1[0-4]\d)['’]?s|nonagenarian|(?:super)?centenarian|nineties)\b/gi;
// "she is 102", "he turned 95": a bare number after the patient and a copula.
const COPULA_AGE =
  /\b(?:he|she|they|who|pt|patient)\s+(?:is|was|turned|turns|will\s+be|is\s+now)\s+(9\d|1[0-4]\d)\b(?![.,]\d|\s*(?:%|mg|kg|lb|cm|mm|bpm|\/|beats|breaths|percent))/gi;
const WORD_AGE =
  /\b(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one\s+)?hundred(?:\s+and)?(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|ten))?)[- ](?:years?|yrs?)[- ]old\b/gi;

export function detectAges(text: string): PhiCandidate[] {
  const out: PhiCandidate[] = [];
  const add = (start: number, end: number) => out.push({ kind: PhiKind.AGE, start, end, confidence: 2 });
  for (const re of [NUMERIC_AGE, DECADE, WORD_AGE])
    matchAll(text, re, (m) => add(m.index, m.index + m[0].length));
  matchAll(text, COPULA_AGE, (m) => {
    const start = m.index + m[0].lastIndexOf(m[1]);
    add(start, start + m[1].length);
  });
  matchAll(text, CUED_AGE, (m) => {
    const start = m.index + m[0].lastIndexOf(m[1]);
    add(start, start + m[1].length);
  });
  matchAll(text, AGE_SEX, (m) => {
    // "Temp 101 F" is a fever, "HR 95" a pulse: skip numbers with a vital-sign cue just before.
    if (
      /(?:temp|temperature|fever|febrile|t|tmax|°|hr|pulse|rr|sat|spo2|o2|bp|map|weight|wt|kg|lb)[\s:=]*$/.test(
        lookBehind(text, m.index, 16),
      )
    )
      return;
    add(m.index, m.index + m[1].length);
  });
  return out;
}
