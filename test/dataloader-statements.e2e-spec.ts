import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Logger as TypeOrmLogger } from 'typeorm';
import {
  type Account,
  givenAdmin,
  givenCase,
  givenForum,
  givenReply,
  givenVerifiedClinician,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const PAGE = `query($first: Int!) {
  cases(first: $first) {
    totalCount
    edges { node {
      id title replyCount tags
      author { displayName specialties { code } }
      forum { name caseCount }
      specialties { code name }
    } }
  }
}`;

/** Counts the SQL statements TypeORM sends while fn runs (every query goes through the DataSource logger). */
async function countStatements(t: TestApp, fn: () => Promise<unknown>): Promise<number> {
  const original = t.dataSource.logger;
  let statements = 0;
  const counting: TypeOrmLogger = {
    logQuery: () => {
      statements += 1;
    },
    logQueryError: () => {},
    logQuerySlow: () => {},
    logSchemaBuild: () => {},
    logMigration: () => {},
    log: () => {},
  };
  Object.assign(t.dataSource, { logger: counting });
  try {
    await fn();
  } finally {
    Object.assign(t.dataSource, { logger: original });
  }
  return statements;
}

describe('DataLoaders keep the statement count fixed', () => {
  let t: TestApp;
  let reader: Account;
  beforeAll(async () => {
    // No job queue: its minute sweep (consult expiry) runs statements of its own that the counter
    // would pick up if it fired during a measured request.
    t = await createTestApp({ JOBS_ENABLED: 'false' });
    const admin = await givenAdmin(t);
    const forums = [await givenForum(t, admin, 'OPEN'), await givenForum(t, admin, 'PRIVATE')];
    const authors = [
      await givenVerifiedClinician(t, admin, { specialtyCodes: ['cardiology'] }),
      await givenVerifiedClinician(t, admin, { specialtyCodes: ['neurology', 'pediatrics'] }),
      await givenVerifiedClinician(t, admin, { specialtyCodes: ['dermatology'] }),
    ];
    reader = await givenVerifiedClinician(t, admin);
    for (let i = 0; i < 60; i++) {
      const kase = await givenCase(t, authors[i % 3], forums[i % 2].id, {
        specialtyCodes: i % 2 ? ['cardiology', 'nephrology'] : ['dermatology'],
      });
      if (i % 4 === 0) await givenReply(t, authors[(i + 1) % 3], kase.id);
    }
  }, 120_000);
  afterAll(() => t.close());

  it('runs the same number of statements for 5 cases as for 50, with authors, forums, specialties and reply counts', async () => {
    const run = (first: number) =>
      countStatements(t, async () => {
        const res = await t.gql(PAGE, { first }, { token: reader.accessToken });
        expect(res.errors).toBeUndefined();
        expect(res.data.cases.edges).toHaveLength(first);
      });
    const small = await run(5);
    const large = await run(50);
    expect(small).toBeGreaterThanOrEqual(6); // the counter really sees the statements
    expect(large).toBe(small);
    // caller, page, totalCount, authors, author specialties (2), forums, forum case counts, case specialties (2), reply counts
    expect(large).toBeLessThanOrEqual(12);
  });

  it('counts a case’s replies only when the query asks for their totalCount', async () => {
    const [{ case_id: caseId }] = await t.dataSource.query(
      'SELECT case_id FROM replies GROUP BY case_id ORDER BY count(*) DESC LIMIT 1',
    );
    const thread = (fields: string) =>
      countStatements(t, async () => {
        const res = await t.gql(
          `query($id: ID!) { case(id: $id) { id replies(first: 5) { ${fields} edges { node { id } } } } }`,
          { id: caseId },
          { token: reader.accessToken },
        );
        expect(res.errors).toBeUndefined();
        expect(res.data.case.replies.edges.length).toBeGreaterThan(0);
        if (fields) expect(res.data.case.replies.totalCount).toBeGreaterThan(0);
      });
    expect(await thread('totalCount')).toBe((await thread('')) + 1);
  });

  it('looks up the caller in the same statement as the rate-limit charge, and still sees a logout', async () => {
    const admin = await givenAdmin(t);
    const clinician = await givenVerifiedClinician(t, admin);
    const asClinician = (query: string) => t.gql(query, {}, { token: clinician.accessToken });
    await asClinician('{ specialties { code } }'); // the catalogue is read once, then held
    const statements = await countStatements(t, async () => {
      const res = await asClinician('{ specialties { code } me { id } }');
      expect(res.errors).toBeUndefined();
      expect(res.data.me.id).toBe(clinician.id);
    });
    // The charge with the caller, then the me lookup.
    expect(statements).toBe(2);
    await t.dataSource.query('UPDATE sessions SET revoked_at = now() WHERE clinician_id = $1', [
      clinician.id,
    ]);
    const afterLogout = await asClinician('{ me { id } }');
    expect(afterLogout.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
