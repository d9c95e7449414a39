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
const LOWER_MONTH = MONTHS.filter((m) => m !== 'May' && m !== 'March')
  .map((m) => m.toLowerCase())
  .concat(['march(?=\\s+\\d)'])
  .join('|');
const FRENCH_MONTH =
  '(?:janvier|janv\\.?|février|fevrier|févr\\.?|fevr\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|août|aout|septembre|sept\\.?|octobre|oct\\.?|novembre|nov\\.?|décembre|decembre|déc\\.?)';
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
    `\\b(?:the\\s+)?${DAY}${ORD}?(?:\\s{0,2}(?:[-–]|and|&|to)\\s{0,2}(?:the\\s+)?${DAY}${ORD}?)?(?:\\s+of|[\\s-]{0,2})\\s*${MONTH}(?:[\\s,-]{0,3}${YEAR}\\b)?(?![A-Za-z])`,
    'g',
  ),
  new RegExp(`\\b${DAY}[-\\s]?${UPPER_ABBR}[-\\s]?${YEAR}\\b`, 'g'),
  // French months in Canadian notes: "4 avril 2023", "le 3 mars".
  new RegExp(
    `\\b(?:(?:le|du|au)\\s+)?${DAY}(?:er)?(?:\\s{0,2}(?:[-–]|et|au)\\s{0,2}${DAY}(?:er)?)?\\s+(?:${FRENCH_MONTH}|${FRENCH_MONTH.replace(
      /\(\?:|\)/g,
      '',
    )
      .split('|')
      .map((m) => m[0].toUpperCase() + m.slice(1))
      .join('|')})(?:\\s+${YEAR})?\\b|\\b${FRENCH_MONTH}\\s+${YEAR}\\b`,
    'g',
  ),
  // Lowercase month names in sloppy notes, only with a day or year beside them ("seen march 3", "3 june").
  new RegExp(
    `\\b(?:${LOWER_MONTH})\\s{1,2}${DAY}${ORD}?\\b(?!\\s*(?:%|mg|kg|days?|weeks?|times|patients|units))(?:${SEP}${YEAR}\\b)?|\\b${DAY}${ORD}?(?:\\s+of)?\\s{1,2}(?:${LOWER_MONTH})\\b(?:${SEP}${YEAR}\\b)?|\\b(?:${LOWER_MONTH}|may|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?(?:\\s+of)?\\s{1,2}(?:19|20)\\d\\d\\b`,
    'g',
  ),
  // Letter style: "the 12th inst." (this month), "3rd ult." (last month), "5th prox." (next month).
  new RegExp(`\\b${DAY}${ORD}\\s{1,2}(?:inst|ult|prox|instant|ultimo|proximo)\\b\\.?`, 'gi'),
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
  /\b(?:on|since|from|until|till|by|before|after|dated|date|dob|dos|doa|doi|vaccinated|given|done|performed|drawn|collected|d\.o\.b\.?|as of|starting|through|thru|to|admitted|discharged|seen|born|due|edd|lmp|again|last|next|booked|scheduled|appt|appointment|visit|f\/u|follow-up|noted|started|stopped|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[\s:]{1,3}((?:0?[1-9]|1[0-2])[/-](?:3[01]|[12]\d|0?[1-9])|(?:3[01]|[12]\d|0?[1-9])[/-](?:0?[1-9]|1[0-2]))(?![\d/]|\s*(?:strength|power|murmur|score|reflexes|on|in)\b)/gi;
// Bare ordinal day after a date cue: "on the 14th", "since the 3rd".
const CUED_ORDINAL =
  /\b(?:(?:on|since|from|until|till|by|before|after|starting|through|as of|for|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\s+(?:the\s+)?)((?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))\b(?!\s{0,2}(?:and|or|[-–,&]|to|through)\s{0,2}(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:[a-z]+\s+)?(?:day|days|week|weeks|month|months|year|years|dose|doses|cycle|cycles|time|times|trimester|percentile|percentiles|centile|centiles|line|lines|degree|attempt|visit|floor|toe|toes|finger|fingers|digit|digits|rib|ribs|nerve|nerves|ventricle|ventricles|intercostal|cranial|generation|hour|hours|post|postoperative|grade|decade|metatarsal|metatarsals|metacarpal|metacarpals|vertebra|vertebrae|lumbar|thoracic|cervical|sacral|space|spaces|compartment|compartments|heart|sound|sounds|branchial|pharyngeal|arch|arches|edition|place|round|session|sessions|pregnancy|child|baby|birthday|anniversary|episode|admission|fraction|infusion|injection|treatment|course|lesion|layer|order|power|stage|step|tier|sign)\b)(?!\s+(?:[a-z]+\s+)?(?:day|days|week|weeks|month|months|year|years|dose|doses|cycle|cycles|time|times|trimester|percentile|percentiles|centile|centiles|line|lines|degree|attempt|visit|floor|toe|toes|finger|fingers|digit|digits|rib|ribs|nerve|nerves|ventricle|ventricles|intercostal|cranial|generation|hour|hours|post|postoperative|grade|decade|metatarsal|metatarsals|metacarpal|metacarpals|vertebra|vertebrae|lumbar|thoracic|cervical|sacral|space|spaces|compartment|compartments|heart|sound|sounds|branchial|pharyngeal|arch|arches|edition|place|round|session|sessions|pregnancy|child|baby|birthday|anniversary|episode|admission|fraction|infusion|injection|treatment|course|lesion|layer|order|power|stage|step|tier|sign)\b)(?!\s+of\s+(?:life|age|\d|her|his|their|this|(?:the\s+)?(?!month)[a-z]+\s+(?:day|week|dose|cycle|month)))(?!\s*(?:%|percentile|centile))/gi;

// A bare "the 14th" with no cue only when nothing noun-like follows ("seen the 14th.", "the 14th at 10:00").
const BARE_ORDINAL =
  /\bthe\s+((?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))(?=\s*(?:[.,;:)!?]|$|\s(?:at|when|and\s+(?:she|he|they|was|is|then|again)|she|he|they|we|i|pt|patient|was|is|will|after|before|until|in\s+(?:clinic|the\s+(?:morning|evening|afternoon|ed|er))|for\s+(?:follow|review|a\s+visit|her|his|surgery|an?\s+appointment)|to\s+(?:see|discuss|review|start|begin)|of\s+(?:this|last|next|the)\s+month|of\s+(?:january|february|march|april|may|june|july|august|september|october|november|december))\b))/gi;

const SCORE_CONTEXT = /strength|power|murmur|grade|score|apgar|reflex|pain|\/10|motor|sensation|ratio/;

const WEEKDAY =
  '(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?|MON|TUE|WED|THU|FRI|SAT|SUN|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)';
const BEFORE_DATE = new RegExp(`(?:\\b${WEEKDAY}\\.?,?\\s{1,2}(?:the\\s+)?|\\b[Tt]he\\s+)$`);
const TIME_AFTER =
  /,?\s{0,2}(?:at|@|@@)?\s{0,2}(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s?h(?:rs?)?\b)?|(?:1[0-2]|0?[1-9])\s?[AaPp]\.?[Mm]\b\.?|(?:[01]\d|2[0-3])[0-5]\d\s?h(?:rs?)?\b)/y;

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
  for (const re of [CUED_MONTH_DAY, CUED_ORDINAL, BARE_ORDINAL]) {
    matchAll(text, re, (m) => {
      // "power improved from 3/5 to 4/5", "pain 3/10 since ...": scores, not dates.
      if (SCORE_CONTEXT.test(lookBehind(text, m.index, 40))) return;
      const start = m.index + m[0].lastIndexOf(m[1]);
      add(start, start + m[1].length);
    });
  }
  for (const c of out) {
    // "Tuesday the 12th", "Fri, March 8": a weekday beside a date is part of it; so is "the" before a day.
    const before = BEFORE_DATE.exec(text.slice(Math.max(0, c.start - 24), c.start));
    if (before) c.start -= before[0].length;
    // "03/14 at 14:30", "14 Mar 2024 0830h": a time of day beside a date goes with it.
    TIME_AFTER.lastIndex = c.end;
    const time = TIME_AFTER.exec(text);
    if (time) c.end += time[0].length;
  }
  return out;
}
