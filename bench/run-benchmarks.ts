// Runs every benchmark in order. Add new ones to the list.
import { benchDeidentify } from './deidentify.bench.js';

const benchmarks: Array<[string, () => Promise<void>]> = [['deidentify', benchDeidentify]];

for (const [name, run] of benchmarks) {
  console.log(`# ${name}`);
  await run();
}
