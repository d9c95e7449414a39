import { type PhiCandidate, PhiKind } from '../phi-kind.js';
import { lookBehind, matchAll } from './regex-util.js';

// Month names, capitalized or all caps; lowercase "march"/"may" are verbs far more often than dates.
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];
const caseForms = (w: string) => [w, w.toUpperCase()];
// Upper-case abbreviations clash with MAR (medication record), OCT (tomography), DEC (decreased): those
// only count inside a full day-month-year like "14-MAR-2024".
const MONTH = `(?:${[...MONTHS.flatMap(caseForms), ...ABBR.map((a) => `${a}\\.?`)].sort((a, b) => b.length - a.length).join('|')})`;
const UPPER_ABBR = `(?:${ABBR.map((a) => a.toUpperCase()).join('|')})`;
const FULL_MONTH_ALONE = MONTHS.filter((m) => m !== 'May').join('|');
const FRENCH_MONTH =
  '(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)';
const DAY = '(?:3[01]|[12]\\d|0?[1-9])';
const ORD = '(?:st|nd|rd|th)';
const YEAR = "(?:1[89]\\d\\d|20\\d\\d|['’]\\d\\d)";
const SEP = '[\\s,]{0,3}';

const TEXTUAL: RegExp[] = [
  // "March 14th, 2024", "Mar. 14", "MAR 14 2024", "March 14-16"
  new RegExp(
    `\\b${MONTH}\\s{0,2}${DAY}${ORD}?\\b(?:\\s{0,2}[-–]\\s{0,2}${DAY}${ORD}?\\b)?(?:${SEP}${YEAR}\\b)?`,
    'g',
  ),
  // "14 Mar 2024", "the 3rd of June", "14-MAR-24", "14Mar2024"
  new RegExp(
    `\\b(?:the\\s+)?${DAY}${ORD}?(?:\\s+of|[\\s-]{0,2})\\s*${MONTH}(?:[\\s,-]{0,3}${YEAR}\\b)?(?![A-Za-z])`,
    'g',
  ),
  new RegExp(`\\b${DAY}[-\\s]?${UPPER_ABBR}[-\\s]?${YEAR}\\b`, 'g'),
  // French months in Canadian notes: "4 avril 2023", "le 3 mars".
  new RegExp(`\\b${DAY}(?:er)?\\s+${FRENCH_MONTH}(?:\\s+${YEAR})?\\b|\\b${FRENCH_MONTH}\\s+${YEAR}\\b`, 'g'),
  // "March 2024", "Mar '24", "March of 2024"
  new RegExp(`\\b${MONTH}(?:\\s+of)?${SEP}${YEAR}\\b`, 'g'),
  // A full month name alone is still a date element finer than the year ("seen in early March").
  new RegExp(`\\b(?:${FULL_MONTH_ALONE})\\b`, 'g'),
  new RegExp(`\\b(?:${FULL_MONTH_ALONE.toUpperCase()})\\b`, 'g'),
  // Holidays pin a day; with a year they are a full date ("Christmas 2023").
  new RegExp(
    `\\b(?:Christmas(?:\\s+(?:Eve|Day))?|Xmas|New\\s+Year['’]?s(?:\\s+(?:Eve|Day))?|Easter(?:\\s+(?:Sunday|Monday|weekend))?|Thanksgiving(?:\\s+Day)?|Hallowe['’]?en|Canada\\s+Day|Boxing\\s+Day|Labou?r\\s+Day|Independence\\s+Day|Victoria\\s+Day|Memorial\\s+Day|Remembrance\\s+Day|Veterans['’]?\\s+Day|Valentine['’]?s(?:\\s+Day)?|St\\.?\\s+Patrick['’]?s(?:\\s+Day)?|Mother['’]?s\\s+Day|Father['’]?s\\s+Day|Family\\s+Day|Civic\\s+Holiday|Good\\s+Friday|Ash\\s+Wednesday|Hanukkah|Chanukah|Diwali|Ramadan|Eid(?:\\s+al-[A-Z][a-z]+)?|Lunar\\s+New\\s+Year|Chinese\\s+New\\s+Year|Rosh\\s+Hashanah|Yom\\s+Kippur|Passover|Fourth\\s+of\\s+July|July\\s+4th|Martin\\s+Luther\\s+King(?:\\s+Jr\\.?)?\\s+Day|Presidents['’]?\\s+Day|Saint-Jean-Baptiste(?:\\s+Day)?|St-Jean-Baptiste|Black\\s+Friday|Super\\s+Bowl\\s+Sunday)(?:${SEP}(?:of\\s+)?${YEAR}\\b)?`,
    'g',
  ),
  // "summer of 2023": a season with its year narrows to three months.
  /\b(?:[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)(?:\s+of)?\s+(?:1[89]\d\d|20\d\d)\b/g,
];

// Numeric day/month/year in either order, same separator twice; "." needs a 4-digit year (not "5.5-10").
const NUMERIC_DMY = /(?<![\d./-])(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|-\d)/g;
const NUMERIC_DOTTED = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)/g;
// ISO and year-first: "2024-03-14", "2024/3/14", with optional time.
const ISO =
  /(?<![\d/-])(?:19|20)\d\d([-/.])(?:0?[1-9]|1[0-2])\1(?:3[01]|[12]\d|0?[1-9])(?:[T ]\d{1,2}:\d\d(?::\d\d)?Z?)?(?!\d)/g;
// Month/year "03/2024".
const MONTH_YEAR = /(?<![\d/.-])(?:0?[1-9]|1[0-2])[/-](?:19|20)\d\d(?![\d/])/g;
// Year-less "3/14" only after a date cue, since "2/6 murmur" and "5/5 strength" share the shape.
const CUED_MONTH_DAY =
  /\b(?:on|since|from|until|till|by|before|after|dated|dob|d\.o\.b\.?|as of|starting|through|thru|to|admitted|discharged|seen|born|due|edd|lmp|again|last|next|booked|scheduled|appt|appointment|visit|f\/u|follow-up|noted|started|stopped|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[\s:]{1,3}((?:0?[1-9]|1[0-2])[/-](?:3[01]|[12]\d|0?[1-9]))(?![\d/]|\s*(?:strength|power|murmur|score|reflexes|on|in)\b)/gi;
// Bare ordinal day after a date cue: "on the 14th", "since the 3rd".
const CUED_ORDINAL =
  /\b(?:on|since|from|until|till|by|before|after|starting|through|as of|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:the\s+)?((?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))\b(?!\s+(?:day|days|week|weeks|month|months|year|years|dose|doses|cycle|cycles|time|times|trimester|percentile|line|degree|attempt|visit|floor|toe|finger|rib|nerve|ventricle|intercostal|cranial|generation|hour|hours|post|postoperative|grade|decade|of\s+(?:admission|life|age|\d|the|her|his|their|this)))/gi;

const SCORE_CONTEXT = /strength|power|murmur|grade|score|apgar|reflex|pain|\/10|motor|sensation|ratio/;

export function detectDates(text: string): PhiCandidate[] {
  const out: PhiCandidate[] = [];
  const add = (start: number, end: number, confidence = 2) =>
    out.push({ kind: PhiKind.DATE, start, end, confidence });
  for (const re of TEXTUAL) matchAll(text, re, (m) => add(m.index, m.index + m[0].length));
  matchAll(text, NUMERIC_DMY, (m) => {
    const a = Number(m[1]);
    const b = Number(m[3]);
    // One part must be a month and the other a day in either order (day-first or month-first).
    const valid = a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
    if (valid) add(m.index, m.index + m[0].length);
  });
  matchAll(text, NUMERIC_DOTTED, (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12)) add(m.index, m.index + m[0].length);
  });
  for (const re of [ISO, MONTH_YEAR]) matchAll(text, re, (m) => add(m.index, m.index + m[0].length));
  for (const re of [CUED_MONTH_DAY, CUED_ORDINAL]) {
    matchAll(text, re, (m) => {
      // "power improved from 3/5 to 4/5", "pain 3/10 since ...": scores, not dates.
      if (SCORE_CONTEXT.test(lookBehind(text, m.index, 40))) return;
      const start = m.index + m[0].lastIndexOf(m[1]);
      add(start, start + m[1].length);
    });
  }
  return out;
}
