import { type PhiCandidate, PhiKind } from '../phi-kind.js';
import { lookBehind, matchAll } from './regex-util.js';

// Safe Harbor only protects ages over 89, so "47-year-old" stays.
const OVER_89 = '(?:9\\d|1[0-4]\\d)';
// "94-year-old", "94 yr old", "94-y-o", "94 years of age", "94yo", "94 y/o", "94 y.o.", "94yrs", "94-years".
const AGE_UNIT =
  '\\s?-?y\\.\\s?o\\.?|(?:-|\\s)?(?:years?|yrs?\\.?|y)(?:\\.|\\s|-)?(?:old\\b|o\\b|of\\s+age\\b)|\\s?-?(?:y\\/o|yo|yoa)(?:\\b|(?=[MFmf]\\b))|(?:-|\\s)?(?:years?|yrs?)\\b\\.?|\\s?(?:ans|años|anos|jaar|jahre|yr|y)\\b(?!\\s*(?:ago|since|later|before|after|earlier|of\\s+(?:smoking|follow|treatment|therapy|pack)))';
const NUMERIC_AGE = new RegExp(`(?<![\\d.,/])${OVER_89}\\s?(?:${AGE_UNIT})`, 'gi');
// "aged 95", "age: 93", "Age 102", "age 92yrs", "aged ninety-four" is in WORD_AGE.
const CUED_AGE = new RegExp(
  `\\b(?:aged?|age\\s*[:=]|age\\s+of|ages?\\s+is|at\\s+age|at\\s+the\\s+age\\s+of)\\s{0,2}(${OVER_89})(?![.,]\\d|\\d)`,
  'gi',
);
// "93F", "93 M", "93yo M": the number only, the sex is clinically useful.
const AGE_SEX = new RegExp(`(?<![\\d.,/])(${OVER_89})\\s?(?:[MF]|y/o\\s?[MF])\\b`, 'g');
// "in her 90s", "in his mid-90s", "in her nineties", "in his late nineties", "early 100s": a decade over
// 89 is itself an age over 89 ("90 or older" is the only bracket Safe Harbor allows), so it is redacted.
const DECADE =
  /\b(?:(?:in\s+(?:his|her|their|the|your|my)\s+)?(?:(?:mid|late|early|upper)[-\s]+)?(?:(?:9|10|11)0['’]?s|nineties|hundreds)\b|(?:nonagenarian|(?:super)?centenarian)s?(?:\s*(?:\(|,|of|aged?)?\s{0,2}(?:9\d|1[0-4]\d)\b\)?)?)/gi;
// "she is 102", "he turned 95", "celebrated her 95th birthday".
const COPULA_AGE =
  /\b(?:(?:he|she|they|who|pt|patient|mother|father|mom|mum|dad|grandmother|grandfather|grandma|grandpa|granny|gran|nan|nana|husband|wife|lola|lolo)\s+(?:is|was|turned|turns|will\s+be|is\s+now|now|just\s+turned|recently\s+turned|has\s+turned|had\s+turned)|(?:he|she)['’]s(?:\s+now)?)\s+(9\d|1[0-4]\d)\b(?=\s*(?:,\s*)?(?:and|but|yet|still|years?|yrs?|now|with|per|according|[.;]|$))(?![.,]\d)|\b(?:he|she|they|who|pt|patient|mother|father|mom|dad|grandmother|grandfather|husband|wife)\s+(?:is|was|turned|turns|will\s+be|is\s+now|just\s+turned|recently\s+turned|has\s+turned|had\s+turned)\s+(9\d|1[0-4]\d)\b(?![.,]\d|\s*(?:%|mg|kg|lb|cm|mm|bpm|\/|beats|breaths|percent|minutes|min|hours|days|weeks|months|kilos|pounds))/gi;
// "turned 95 in May" with no subject; "turned 90 degrees" is a rotation.
const TURNED_AGE =
  /\b(?:turned|turns|turning)\s+(9\d|1[0-4]\d)\b(?![.,]\d|\s*(?:°|%|degrees?|deg\b|mg|kg|lb|cm|mm|bpm|\/|minutes|min|hours|days|times))/gi;
// "at 96 she still walks", "at 101, he lives alone": an age opening a clause about the person.
const AT_AGE = /\bat\s+(9\d|1[0-4]\d)\s{0,2},?\s{1,2}(?:she|he|they|still)\b/gi;
const BIRTHDAY = /\b(?:9\d|1[0-4]\d)(?:st|nd|rd|th)\s+birthday\b/gi;
// "a woman of 94", "a man of 101": an age phrased as "of N" after a person noun.
const PERSON_OF_AGE =
  /\b(?:woman|man|lady|gentleman|gent|male|female|patient|widow|widower|veteran|person|grandmother|grandfather|resident)\s+of\s+(9\d|1[0-4]\d)\b(?![.,]\d|\s*(?:%|mg|kg|lb|cm|mm|years?\s+(?:ago|since)|yrs\s+ago))/gi;
// "Mr Lee, 94, presented", "Mrs. Chen (94)": a bare number right after a name or person noun, between
// commas or in brackets.
const APPOSITIVE_AGE =
  /(?<=(?:\b\p{Lu}\p{Ll}+|\b(?:woman|man|lady|gentleman|male|female|patient|pt|widow|widower|veteran|resident|mother|father|husband|wife))\s{0,2}[,(]\s{0,2})(9\d|1[0-4]\d)(?=\s{0,2}(?:[,)]|\s(?:and|with|who|from|lives|presents|presented|is|was|has|had)\b))/gu;
const VITAL_CUE =
  /(?:temp|temperature|fever|febrile|\bt|tmax|°|hr|pulse|rr|sat|sats|spo2|o2|bp|map|weight|wt|kg|lb|heart\s+rate|rate|glucose|bg|score|iq|mmse|moca|fev1|ef|room|bed|unit|apt|suite|no|number|#|rm|ward|floor)[\s:=,(]*$/;
const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine)';
const WORD_AGE = new RegExp(
  `\\b(?:ninety(?:[- ]${NUMBER_WORD})?|(?:one\\s+|a\\s+)?hundred(?:\\s+and)?(?:[- ](?:${NUMBER_WORD}|ten|eleven|twelve))?)(?:[- ](?:years?|yrs?)(?:[- ]old|\\s+of\\s+age)?\\b|(?=\\s+(?:year|yr)))`,
  'gi',
);
const CUED_WORD_AGE = new RegExp(
  `\\b(?:aged?|age\\s*[:=-]|turned|turns|turning|is|was|is\\s+now|of|now)\\s+(ninety(?:[- ]${NUMBER_WORD})?|(?:one\\s+|a\\s+)?hundred(?:\\s+and)?(?:[- ]${NUMBER_WORD})?)\\b(?!\\s*(?:percent|per\\s+cent|%|mg|milligrams|times|minutes|mins?|seconds|degrees|beats|breaths|units|mls?|over|on\\s+room|kilos?|kg|pounds|lbs?))`,
  'gi',
);

export function detectAges(text: string): PhiCandidate[] {
  const out: PhiCandidate[] = [];
  const add = (start: number, end: number) => out.push({ kind: PhiKind.AGE, start, end, confidence: 2 });
  const addGroup = (m: RegExpExecArray) => {
    const group = m[1] ?? m[2];
    const start = m.index + m[0].lastIndexOf(group);
    add(start, start + group.length);
  };
  for (const re of [NUMERIC_AGE, DECADE, WORD_AGE, BIRTHDAY])
    matchAll(text, re, (m) => add(m.index, m.index + m[0].length));
  for (const re of [COPULA_AGE, TURNED_AGE, PERSON_OF_AGE]) matchAll(text, re, addGroup);
  // "age 94", "aged ninety-four": the cue goes with the number, it reads as one age expression.
  for (const re of [CUED_AGE, CUED_WORD_AGE])
    matchAll(text, re, (m) =>
      /^(?:aged?|age\s*[:=])/i.test(m[0]) ? add(m.index, m.index + m[0].length) : addGroup(m),
    );
  matchAll(text, AT_AGE, (m) => {
    if (VITAL_CUE.test(lookBehind(text, m.index, 20)) || /\d\s*$/.test(lookBehind(text, m.index, 4))) return;
    addGroup(m);
  });
  matchAll(text, APPOSITIVE_AGE, (m) => {
    if (VITAL_CUE.test(lookBehind(text, m.index, 20))) return;
    add(m.index, m.index + m[1].length);
  });
  matchAll(text, AGE_SEX, (m) => {
    // "Temp 101 F" is a fever, "HR 95" a pulse: skip numbers with a vital-sign cue just before.
    if (VITAL_CUE.test(lookBehind(text, m.index, 16))) return;
    add(m.index, m.index + m[1].length);
  });
  return out;
}
