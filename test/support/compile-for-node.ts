import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { transformFile } from '@swc/core';
import { projectRoot } from '../../src/common/project-root.js';

/** Where tests put the API compiled for a real `node` process (git-ignored). */
export const TEST_BUILD_DIR = '.test-build';

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Compiles src/ and migrations/ with swc (the same .swcrc jest uses) into .test-build/, so a test can
 * run the API as its own process, e.g. `node .test-build/src/main.js`, without `npm run build`.
 * Returns the path of the compiled entry point.
 */
export async function compileApiForNode(): Promise<string> {
  const root = projectRoot();
  const out = join(root, TEST_BUILD_DIR);
  const files = ['src', 'migrations'].flatMap((dir) => typeScriptFiles(join(root, dir)));
  await Promise.all(
    files.map(async (file) => {
      const { code } = await transformFile(file, { swcrc: true, sourceMaps: false });
      const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code);
    }),
  );
  return join(out, 'src', 'main.js');
}
