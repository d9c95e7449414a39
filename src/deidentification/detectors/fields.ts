import { isClinicalVocabulary, isNeverName } from '../clinical-allow-list.js';
import { type PhiCandidate, PhiKind } from '../phi-kind.js';
import { type DetectionContext } from './context.js';
import { matchAll } from './regex-util.js';

/**
 * Pasted headers, forms and flattened tables: "Patient: … DOB: … MRN: …", "Name - X | Age - 96 | Addr - …".
 * A field label followed by ":" "-" "#" "=" types the value after it, up to the next separator, label or
 * line end. Each value is checked against its type, so "Patient: stable overnight" stays.
 */
const LABELS: Array<[PhiKind, string]> = [
  [
    PhiKind.NAME,
    "(?:patient|pt|client|resident)(?:['’]s)?\\s+(?:full\\s+)?name|(?:full\\s+|first\\s+|last\\s+|given\\s+|family\\s+|maiden\\s+|preferred\\s+)?names?|surname|forenames?|patient|pt|client|nok|next\\s+of\\s+kin|emergency\\s+contact|contact\\s+person|contact|mother|father|spouse|husband|wife|son|daughter|informant|caller|carer|caregiver|guardian|sdm|poa|gp|family\\s+(?:doctor|physician)|referring(?:\\s+(?:doctor|dr|physician|gp|clinician|consultant|provider))?|referred\\s+by|consultant|cons|attending|physician|doctor|surgeon|clinician|provider|nurse|midwife|seen\\s+by|reviewed\\s+by|reported\\s+by|dictated\\s+by|signed|author|nom|prénom|médecin|md|rn|np",
  ],
  [PhiKind.AGE, 'age|aged|âge|yrs|years'],
  [
    PhiKind.DATE,
    'dob|d\\.o\\.b\\.?|date\\s+of\\s+birth|birth\\s*date|born|adm(?:itted|ission)?(?:\\s+date)?|doa|d/c|dc|discharged?(?:\\s+date)?|dod|date\\s+of\\s+death|died|deceased|dos|date\\s+of\\s+service|visit(?:\\s+date)?|seen|date|dated|ddn|date\\s+de\\s+naissance|né(?:e)?\\s+le|appt|appointment|review|f/u|follow[-\\s]?up|due|edd|lmp|surgery\\s+date|procedure\\s+date|op\\s+date',
  ],
  [
    PhiKind.LOCATION,
    '(?:home\\s+|postal\\s+|residential\\s+|current\\s+|permanent\\s+|mailing\\s+)?address|addr|adresse|domicile|residence|resides|lives|suburb|town|city|village|barangay|brgy|district|lga|municipality|parish|post\\s*code|postal\\s+code|pin\\s*code|zip(?:\\s*code)?|location|origin|hometown|place\\s+of\\s+birth|pob|birthplace',
  ],
  [
    PhiKind.PHONE,
    '(?:home\\s+|work\\s+|mobile\\s+|cell\\s+|contact\\s+)?(?:tel|telephone|phone|ph|mob|mobile|cell|cellphone|contact\\s+(?:no|number|#)|whatsapp|viber|téléphone|tél|landline|pager|bleep)',
  ],
  [PhiKind.FAX, 'fax|fax\\s+no|facsimile'],
  [
    PhiKind.INSTITUTION,
    '(?:referring\\s+|receiving\\s+|transferring\\s+)?(?:hospital|hosp|facility|institution|clinic|practice|gp\\s+practice|gp\\s+surgery|health\\s+cent(?:re|er)|school|employer|workplace|care\\s+home|nursing\\s+home|establishment|établissement|hôpital|centre|center|pharmacy|chemist)',
  ],
];

const LABEL_RE = new RegExp(
  `(?:^|(?<=[\\n\\r|;\\t,(•*>]|\\s{2}|[.!?]\\s))[ \\t]*(?:(${LABELS.map(([, l]) => `(?:${l})`).join(')|(')}))[ \\t]*(?:[:#=]|[-–—](?=[ \\t])|\\.(?=[ \\t]))[ \\t]*`,
  'gimu',
);
// A value ends at a line break, a table bar, a semicolon, a tab, a wide gap, or where another label starts.
const VALUE_END = /[\n\r|;\t]|\s{3,}/;
const NEXT_LABEL = new RegExp(
  `[ \\t,]+(?:${LABELS.map(([, l]) => `(?:${l})`).join('|')})[ \\t]*(?:[:#=]|[-–—](?=[ \\t]))`,
  'i',
);

const TITLE = /^(?:(?:Dr|Dre|Mr|Mrs|Ms|Mx|Miss|Prof|Sr|Sra|Mme|Mlle|M|Rev|Fr|Chief|Pastor)\.?\s+)+/i;
const NAME_WORD = /^(?:\p{L}[\p{L}\p{M}'’-]*\.?|\p{Lu}\.)$/u;
const NAME_PARTICLES = new Set(
  'van von der den de da del della di du la le bin binti ibn al el ter ten y dos das do mac ap bint'.split(
    ' ',
  ),
);
const MONTH_WORD =
  '(?:jan(?:uary|vier)?|feb(?:ruary)?|févr(?:ier)?|fevr(?:ier)?|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?|may|mai|june?|juin|july?|juil(?:let)?|aug(?:ust)?|août|aout|sept?(?:ember|embre)?|oct(?:ober|obre)?|nov(?:ember|embre)?|dec(?:ember)?|déc(?:embre)?)\\.?';
const DATE_VALUE = new RegExp(
  `^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(?:\\d{1,4}[./-]\\d{1,2}(?:[./-]\\d{2,4})?|\\d{1,2}(?:st|nd|rd|th|er)?[\\s./-]{0,2}${MONTH_WORD}(?:[\\s,./-]{0,3}\\d{2,4})?|${MONTH_WORD}\\s{0,2}\\d{1,2}(?:st|nd|rd|th)?(?:[\\s,]{0,3}\\d{2,4})?|\\d{1,2}(?:st|nd|rd|th))(?![\\d\\p{L}])`,
  'iu',
);
const AGE_VALUE = /^(?:9\d|1[0-3]\d)(?:\s?(?:y|yo|y\/o|yrs?|years?|ans)\b\.?)?(?![\d.,/%])/i;
const PHONE_VALUE = /^\+?[\d(][\d ().-]{5,20}\d(?:\s?(?:x|ext\.?)\s?\d{1,5})?/;

export function detectFields(ctx: DetectionContext): PhiCandidate[] {
  const { text, lists } = ctx;
  const out: PhiCandidate[] = [];
  matchAll(text, LABEL_RE, (m) => {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    if (group < 1) return;
    const kind = LABELS[group - 1][0];
    const start = m.index + m[0].length;
    let value = text.slice(start, start + 100);
    const stop = VALUE_END.exec(value);
    if (stop) value = value.slice(0, stop.index);
    const next = NEXT_LABEL.exec(value);
    if (next) value = value.slice(0, next.index);
    value = value.replace(/[\s,.]+$/, '');
    if (!value) return;
    const add = (s: number, e: number, k = kind) => out.push({ kind: k, start: s, end: e, confidence: 2 });
    switch (kind) {
      case PhiKind.NAME: {
        const title = TITLE.exec(value);
        const offset = title ? title[0].length : 0;
        const words = value.slice(offset).split(/(\s+|,\s*)/);
        let end = offset;
        let count = 0;
        let pos = offset;
        for (let i = 0; i < words.length && count < 5; i += 2) {
          const w = words[i];
          const key = w.replace(/[.'’]s?$/, '').toLowerCase();
          if (!NAME_WORD.test(w)) break;
          const capital = /^\p{Lu}/u.test(w);
          const known = lists.firstNames.has(key) || lists.lastNames.has(key);
          const particle = NAME_PARTICLES.has(key) && count > 0;
          if (!particle && !known && (isClinicalVocabulary(key) || isNeverName(key))) break;
          if (!particle && !known && lists.englishWords.has(key) && !(capital && count > 0)) break;
          if (!capital && !particle && !known && count === 0 && key.length < 3) break;
          pos += w.length;
          end = pos;
          count++;
          pos += (words[i + 1] ?? '').length;
        }
        if (count > 0) add(start + offset, start + end);
        break;
      }
      case PhiKind.AGE: {
        const age = AGE_VALUE.exec(value);
        if (age) add(start, start + age[0].length);
        break;
      }
      case PhiKind.DATE: {
        const date = DATE_VALUE.exec(value);
        if (date) add(start, start + date[0].length);
        break;
      }
      case PhiKind.PHONE:
      case PhiKind.FAX: {
        const phone = PHONE_VALUE.exec(value);
        if (phone && phone[0].replace(/\D/g, '').length >= 7) add(start, start + phone[0].length);
        break;
      }
      case PhiKind.LOCATION: {
        const first = /^\S+/.exec(value)?.[0].toLowerCase() ?? '';
        if (/^\p{Ll}/u.test(value) && (lists.englishWords.has(first) || isClinicalVocabulary(first))) break;
        if (/^(?:n\/?a|none|unknown|nil|nfa|home|same|as\s+above)$/i.test(value)) break;
        add(start, start + value.length);
        break;
      }
      case PhiKind.INSTITUTION: {
        if (!/^\p{Lu}\p{Ll}/u.test(value)) break;
        const words: string[] = [];
        for (const w of value.split(/\s+/).slice(0, 8)) {
          if (/\d/.test(w) && words.length > 0) break;
          words.push(w);
        }
        if (words.every((w) => isClinicalVocabulary(w.toLowerCase()))) break;
        add(start, start + words.join(' ').length);
        break;
      }
    }
  });
  return out;
}
