// Runs every benchmark in order. Add new ones to the list.
import { benchApi } from './api/api.bench.js';
import { benchDeidentify } from './deidentify.bench.js';
import { benchRouting } from './routing.bench.js';
import { benchWatchMatching } from './watch-matching.bench.js';

const benchmarks: Array<[string, () => Promise<void>]> = [
  ['deidentify', benchDeidentify],
  ['routing', benchRouting],
  ['watch matching', benchWatchMatching],
  // The API under load (HTTP, autocannon) against its raw-SQL ceiling; `npm run bench -- --scale 1000000`.
  ['api', () => benchApi()],
];

for (const [name, run] of benchmarks) {
  console.log(`# ${name}`);
  await run();
}
