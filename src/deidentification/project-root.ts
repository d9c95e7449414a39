import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

// The same module runs from src/ (jest) and dist/src/ (tsc output, which does not copy data files),
// so data is located from the project root rather than from this file.
export function findProjectRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('deidentification: package.json not found above module');
    dir = parent;
  }
  cached = dir;
  return dir;
}
