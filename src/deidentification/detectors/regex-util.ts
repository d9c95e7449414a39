/** Runs a global regex over text, calling back per match, without building an array of all matches. */
export function matchAll(text: string, re: RegExp, onMatch: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    onMatch(m);
  }
}

/** Text just before `index`, lowercased, for cue checks ("fax", "temp"). */
export function lookBehind(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - length), index).toLowerCase();
}
