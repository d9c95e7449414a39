import { isIP } from 'node:net';
import { type PhiCandidate, PhiKind } from '../phi-kind.js';
import { lookBehind, matchAll } from './regex-util.js';

// The lookbehinds anchor each pattern at the start of a run, which keeps the scans linear on hostile input.
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g;
const URL_WITH_SCHEME = /(?<![\w@])(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'()[\]{}]{2,2048}/gi;
const BARE_DOMAIN =
  /(?<![\w@.-])[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){0,5}\.(?:com|org|net|ca|gov|edu|io|info|health|ly|co|us|uk|me|app|biz|ai|tv|ch|de|fr|au|nz|ie|in)\b(?:\/[^\s<>"'()]{0,2048})?/g;
const HANDLE = /(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])/g;
// North American numbers: (416) 555-1234, 416.555.1234, +1 416 555 1234, with extensions.
const EXTENSION = '(?:\\s{0,2},?\\s{0,2}(?:x|ext\\.?|extension|poste)\\s{0,2}\\d{1,6})?';
const NANP = new RegExp(
  `(?<![\\w+])(?:\\+?1[\\s.-]{0,2})?(?:\\(\\d{3}\\)\\s{0,2}|\\d{3}[\\s.-]{1,2})\\d{3}[\\s.-]{1,2}\\d{4}(?!\\d)${EXTENSION}`,
  'gi',
);
const INTERNATIONAL = new RegExp(
  `(?<![\\w+])\\+\\d{1,3}(?:[\\s.-]{0,2}\\(?\\d{1,5}\\)?){2,5}(?!\\d)${EXTENSION}`,
  'g',
);
// European and other layouts: "01.84.17.61.18", "07700 063 966", "(37) 788-063", "0688 872 49 99".
const DOTTED_PAIRS = /(?<![\d.])\d{2}(?:\.\d{2}){4}(?!\d|\.\d)/g;
const TRUNK_ZERO = /(?<![\d.,/-])0\d{1,4}(?:[ .]\d{2,4}){2,4}(?![\d/-]|[.,]\d)/g;
const AREA_IN_PARENS = /(?<![\w)])\(\d{2,4}\)\s{0,2}\d{3,4}[\s.-]\d{3,4}(?![\d-])/g;
// Spaced digit groups after a phone cue: "Phone: 416 60 039", "call me on 9472 7916", "answering at 78 651 450".
const CUED_GROUPS =
  /\b(?:phone|tel|telephone|mobile|cell|desk|office|fax|ph|mob|whatsapp|viber|contact(?:\s+(?:no|number))?|rang\s+(?:from|on)|call(?:\s+(?:me|back|him|her|them|us))?(?:\s+(?:at|on))?|text(?:\s+me)?(?:\s+at)?|reach(?:\s+me)?\s+at|messages\s+to|answering\s+at|number(?:\s+is)?)[\s:#.]{0,6}((?:\+|00)?\d{1,4}(?:[ .-]\d{2,4}){1,4})(?![\d.,/-]|\s*(?:mg|ml|mcg|units?|%|times|x\b|years?|days?|weeks?))/gi;
// Short numbers that only mean a phone after a cue: "pager 4521", "local 2233", "555-1234".
const CUED_SHORT =
  /\b(?:pager|page|beeper|ext\.?|extension|local|tel\.?|phone|cell|call|fax|text)(?:\s+(?:me|us|him|her|them|at|on))?(?:\s+(?:at|on))?[\s#:.]{0,4}(\d{3}-\d{4}|\d{3,6})\b(?![.,]\d|\s*(?:mg|ml|mcg|units?|%|times|x\b))/gi;
// Ten-digit mobiles written 5-5 ("98450 12233", India) or 4-6; a leading 6-9 as mobile numbering plans use.
const MOBILE_FIVE_FIVE = /(?<![\d.,/-])(?:\+?\d{2}[ -])?[6-9]\d{4}[ -]\d{5}(?![\d/-]|[.,]\d)/g;
// Usernames after a platform or handle cue: "her handle on tiktok is kayleem22", "IG: jdc_88".
const CUED_USERNAME =
  /\b(?:user\s?name|handle|screen\s?name|gamertag|IG|insta(?:gram)?|tik\s?tok|snap(?:chat)?|twitter|X|facebook|FB|discord|reddit|telegram)(?:\s+(?:on|in)\s+\w+)?(?:\s+(?:is|was|=))?[\s:]{1,3}@?([A-Za-z0-9_.]*[0-9_.][A-Za-z0-9_.]*[A-Za-z0-9_]|[a-z][a-z0-9_.]{5,29})\b/g;
const IPV6_CANDIDATE = /(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w{1,15})?(?![\w:])/g;
const IPV4 =
  /(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\/\d{1,2})?(?![\w]|\.\d)/g;

export function detectContacts(text: string): PhiCandidate[] {
  const out: PhiCandidate[] = [];
  const add = (kind: PhiKind, start: number, end: number, replacement?: string) =>
    out.push({ kind, start, end, confidence: 3, replacement });
  matchAll(text, EMAIL, (m) => add(PhiKind.EMAIL, m.index, m.index + m[0].length));
  for (const re of [URL_WITH_SCHEME, BARE_DOMAIN]) {
    matchAll(text, re, (m) => {
      // Sentence punctuation after a URL is not part of it.
      const trimmed = m[0].replace(/[.,;:!?]+$/, '');
      add(PhiKind.URL, m.index, m.index + trimmed.length);
    });
  }
  matchAll(text, HANDLE, (m) => add(PhiKind.OTHER, m.index, m.index + m[0].length, '[HANDLE]'));
  matchAll(text, CUED_USERNAME, (m) => {
    if (m[1].length < 4 || /^\d+$/.test(m[1])) return;
    const start = m.index + m[0].lastIndexOf(m[1]);
    // A plain word needs "is" or ":" before it ("handle is kayleem"), else "IG bleeding" would go.
    if (!/[\d_.]/.test(m[1]) && !/(?:\bis|\bwas|[=:])\s*@?$/.test(text.slice(m.index, start))) return;
    add(PhiKind.OTHER, start, start + m[1].length, '[HANDLE]');
  });
  matchAll(text, MOBILE_FIVE_FIVE, (m) => add(phoneKind(text, m.index), m.index, m.index + m[0].length));
  for (const re of [NANP, INTERNATIONAL]) {
    matchAll(text, re, (m) => add(phoneKind(text, m.index), m.index, m.index + m[0].length));
  }
  for (const re of [DOTTED_PAIRS, TRUNK_ZERO, AREA_IN_PARENS]) {
    matchAll(text, re, (m) => {
      const digits = m[0].replace(/\D/g, '').length;
      // "046 454 286" is a SIN layout, left to the identifier detector.
      if (/^\d{3} \d{3} \d{3}$/.test(m[0])) return;
      if (digits >= 8 && digits <= 13) add(phoneKind(text, m.index), m.index, m.index + m[0].length);
    });
  }
  matchAll(text, CUED_GROUPS, (m) => {
    const digits = m[1].replace(/\D/g, '').length;
    if (digits < 7 || digits > 15) return;
    const start = m.index + m[0].lastIndexOf(m[1]);
    add(phoneKind(text, start), start, start + m[1].length);
  });
  matchAll(text, CUED_SHORT, (m) => {
    const start = m.index + m[0].lastIndexOf(m[1]);
    add(phoneKind(text, start), start, start + m[1].length);
  });
  matchAll(text, IPV4, (m) => add(PhiKind.IP_ADDRESS, m.index, m.index + m[0].length));
  matchAll(text, IPV6_CANDIDATE, (m) => {
    const bare = m[0].replace(/%\w+$/, '');
    if (isIP(bare) === 6) add(PhiKind.IP_ADDRESS, m.index, m.index + m[0].length);
  });
  return out;
}

/** A number is a fax when "fax" is the nearest contact cue before it. */
function phoneKind(text: string, index: number): PhiKind {
  const before = lookBehind(text, index, 30);
  const fax = before.lastIndexOf('fax');
  const phone = Math.max(before.lastIndexOf('phone'), before.lastIndexOf('tel'), before.lastIndexOf('cell'));
  return fax >= 0 && fax > phone ? PhiKind.FAX : PhiKind.PHONE;
}
