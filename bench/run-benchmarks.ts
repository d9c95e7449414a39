// Runs every benchmark in order. Add new ones to the list.
import { benchDeidentify } from './deidentify.bench.js';
import { benchRouting } from './routing.bench.js';
import { benchWatchMatching } from './watch-matching.bench.js';

const benchmarks: Array<[string, () => Promise<void>]> = [
  ['deidentify', benchDeidentify],
  ['routing', benchRouting],
  ['watch matching', benchWatchMatching],
];

for (const [name, run] of benchmarks) {
  console.log(`# ${name}`);
  await run();
}
