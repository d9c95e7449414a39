import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { projectRoot } from '../src/common/project-root.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const HEADER =
  '# Generated from the code by `npm run schema:generate`; do not edit. CI fails when it is stale.\n\n';

describe('schema.gql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is the schema the code generates (run `npm run schema:generate` after changing the API)', () => {
    const generated = HEADER + printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema));
    const path = join(projectRoot(), 'schema.gql');
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(path, generated);
    expect(readFileSync(path, 'utf8')).toBe(generated);
  });
});
