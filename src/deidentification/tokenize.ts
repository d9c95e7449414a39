/** A run of letters (with inner apostrophes/hyphens) as seen by the dictionary detectors. */
export interface Token {
  text: string;
  /** Lowercase, possessive "'s" removed: the dictionary key. */
  key: string;
  start: number;
  end: number;
  /** End of the token without a trailing possessive, so "Maria's" redacts to "[NAME]'s". */
  coreEnd: number;
  /** First letter uppercase and some lowercase after it ("Maria", "McDonald"). */
  capitalized: boolean;
  /** Two or more letters, all uppercase ("GONZALEZ", "MRI"). */
  allCaps: boolean;
  /** Single uppercase letter: an initial when followed by "." or another name. */
  initial: boolean;
  /** First word of a sentence, list item or line: capitalization says nothing there. */
  sentenceStart: boolean;
}

const WORD = /\p{L}(?:\p{L}|\p{M}|['’](?=\p{L})|-(?=\p{L}))*/gu;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
// "MoCA", "SpO", "HbA": mixed-case abbreviations end in a capital; names like "LeBlanc" do not.
const MIXED_ACRONYM = /^\p{Lu}\p{Ll}{0,2}\p{Lu}+$|^\p{Lu}{2,}s$/u;
const POSSESSIVE = /['’]s$/i;

/** Single pass over the text; every dictionary lookup works on these tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const possessive = raw.length > 3 && POSSESSIVE.test(raw);
    const core = possessive ? raw.slice(0, -2) : raw;
    const first = core[0];
    const capitalized = UPPER.test(first) && LOWER.test(core.slice(1)) && !MIXED_ACRONYM.test(core);
    const allCaps = core.length >= 2 && core === core.toUpperCase() && UPPER.test(core);
    const gap = text.slice(prevEnd, start);
    tokens.push({
      text: raw,
      key: core.toLowerCase(),
      start,
      end,
      coreEnd: start + core.length,
      capitalized,
      allCaps,
      initial: core.length === 1 && UPPER.test(first),
      sentenceStart: tokens.length === 0 || isSentenceBreak(gap, tokens[tokens.length - 1]),
    });
    prevEnd = end;
  }
  return tokens;
}

function isSentenceBreak(gap: string, prev: Token): boolean {
  if (/[\n\r!?:;•*]|^\s*-\s|["“(]\s*$/.test(gap)) return true;
  // A full stop ends a sentence unless it follows an initial or an abbreviation like "Dr." or "St.".
  if (gap.includes('.')) return !(prev.initial || ABBREVIATIONS.has(prev.key));
  return false;
}

const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'prof',
  'st',
  'ste',
  'mt',
  'ft',
  'sr',
  'jr',
  'no',
  'vs',
  'approx',
  'e.g',
  'i.e',
  'pt',
  'apt',
  'ave',
  'rd',
  'blvd',
  'hwy',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'fig',
]);
