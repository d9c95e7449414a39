import { findProtectedRanges, isClinicalHead, isClinicalToken } from '../clinical-allow-list.js';
import { type Token, tokenize } from '../tokenize.js';
import { getWordLists, type WordLists } from '../word-lists.js';

/** Work shared by the dictionary detectors, computed once per input. */
export interface DetectionContext {
  text: string;
  tokens: Token[];
  lists: WordLists;
  /** Per token: inside a protected clinical phrase ("West Nile", "Bell's palsy"). */
  protectedToken: boolean[];
}

export function buildContext(text: string): DetectionContext {
  const tokens = tokenize(text);
  const ranges = findProtectedRanges(text);
  const protectedToken = new Array<boolean>(tokens.length).fill(false);
  let r = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (r < ranges.length && ranges[r][1] <= t.start) r++;
    protectedToken[i] = r < ranges.length && ranges[r][0] <= t.start && t.end <= ranges[r][1];
  }
  return { text, tokens, lists: getWordLists(), protectedToken };
}

/** Text between two tokens (what separates them). */
export function gapBetween(ctx: DetectionContext, a: number, b: number): string {
  return ctx.text.slice(ctx.tokens[a].end, ctx.tokens[b].start);
}

/** "Graves' disease", "Murphy's sign", "Kaplan Meier curve": the word names a condition, not a person. */
export function followedByClinicalHead(ctx: DetectionContext, i: number): boolean {
  const { tokens } = ctx;
  // "Graves' disease", "Crohn's", "Parkinson's", "Alzheimer's" are eponyms; "Murphy's sign" too.
  for (let j = i + 1; j < tokens.length && j <= i + 2; j++) {
    const gap = gapBetween(ctx, j - 1, j);
    if (!/^['’]?\s{1,2}$|^-$/.test(gap)) return false;
    if (isClinicalHead(tokens[j].key)) return true;
    // One more capitalized word may sit between: "Marcus Gunn pupil", "Austin Flint murmur".
    if (!tokens[j].capitalized && !isClinicalToken(tokens[j].key)) return false;
  }
  return false;
}
