import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Account,
  dataOf,
  givenAdmin,
  givenCase,
  givenForum,
  givenReply,
  givenVerifiedClinician,
} from './support/factories.js';
import { SEARCH_MAX_MATCHES } from '../src/cases/case-queries.service.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const SEARCH = `query($filter: CaseFilter, $first: Int, $after: String) {
  cases(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id title } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

interface Filter {
  query?: string;
  forumId?: string;
  tag?: string;
  specialtyCode?: string;
  status?: string;
  authorId?: string;
}

const FILLER = 'Otherwise well, normal examination, routine bloods unremarkable so far.';

describe('cases search: full text, ranking, filters and pagination', () => {
  let t: TestApp;
  let admin: Account;
  let author: Account;

  const search = (
    filter: Filter,
    page: { first?: number; after?: string } = {},
    who: Account | null = null,
  ) => t.gql(SEARCH, { filter, ...page }, { token: who?.accessToken });
  const ids = async (filter: Filter, who: Account | null = null) => {
    const res = dataOf(await search(filter, { first: 100 }, who), 'cases');
    expect(res.totalCount).toBe(res.edges.length);
    return res.edges.map((e: { node: { id: string } }) => e.node.id);
  };
  const post = (
    forumId: string,
    title: string,
    body: string,
    extra: Record<string, unknown> = {},
    who = author,
  ) => givenCase(t, who, forumId, { title, body, tags: [], specialtyCodes: [], ...extra });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await givenAdmin(t);
    author = await givenVerifiedClinician(t, admin);
  });
  afterAll(() => t.close());

  it('ranks a case with the term in the title and body above one with it once in the body', async () => {
    const forum = await givenForum(t, admin);
    // The stronger match is posted first, so recency alone would put it second.
    const strong = await post(
      forum.id,
      'Sarcoidosis suspected in a young adult',
      `Bilateral hilar nodes, query sarcoidosis. ${FILLER}`,
    );
    const weak = await post(
      forum.id,
      'Persistent dry cough',
      `Chest film was clear; sarcoidosis seems unlikely. ${FILLER}`,
    );
    const unrelated = await post(
      forum.id,
      'Persistent wet cough',
      `No mention of the term at all. ${FILLER}`,
    );
    expect(await ids({ query: 'sarcoidosis', forumId: forum.id })).toEqual([strong.id, weak.id]);
    // Without a query, newest first.
    expect(await ids({ forumId: forum.id })).toEqual([unrelated.id, weak.id, strong.id]);
  });

  it('stems words: "fevers" finds "fever" and "fever" finds "fevers"', async () => {
    const forum = await givenForum(t, admin);
    const singular = await post(
      forum.id,
      'A fever in a returning traveller',
      `Single spike of fever at night. ${FILLER}`,
    );
    const plural = await post(
      forum.id,
      'Recurrent fevers after a tick bite',
      `Cyclical fevers every three days. ${FILLER}`,
    );
    await post(forum.id, 'Afebrile headache', `No temperature recorded at any point. ${FILLER}`);
    expect((await ids({ query: 'fevers', forumId: forum.id })).sort()).toEqual(
      [singular.id, plural.id].sort(),
    );
    expect((await ids({ query: 'fever', forumId: forum.id })).sort()).toEqual(
      [singular.id, plural.id].sort(),
    );
    expect(await ids({ query: 'Travellers', forumId: forum.id })).toEqual([singular.id]);
  });

  it('combines the query with tag, specialtyCode, status, authorId and forumId filters', async () => {
    const forumA = await givenForum(t, admin);
    const forumB = await givenForum(t, admin);
    const other = await givenVerifiedClinician(t, admin);
    const term = 'myocarditis';
    const a1 = await post(
      forumA.id,
      `Suspected ${term} after a viral illness`,
      `Troponin rising. ${FILLER}`,
      {
        tags: ['troponin'],
        specialtyCodes: ['cardiology'],
      },
    );
    const a2 = await post(
      forumA.id,
      `Possible ${term} in an athlete`,
      `Chest pain on exertion. ${FILLER}`,
      {
        tags: ['athlete'],
        specialtyCodes: ['emergency-medicine'],
      },
      other,
    );
    const b1 = await post(forumB.id, `Recurrent ${term}`, `Third episode this year. ${FILLER}`, {
      tags: ['troponin'],
      specialtyCodes: ['cardiology'],
    });
    const offTopic = await post(
      forumA.id,
      'Pericardial effusion',
      `Small effusion, no tamponade. ${FILLER}`,
      {
        tags: ['troponin'],
        specialtyCodes: ['cardiology'],
      },
    );
    const reply = await givenReply(t, other, a1.id, 'Cardiac MRI would help here.');
    dataOf(
      await t.gql(
        'mutation($id: ID!) { acceptReply(replyId: $id) { id } }',
        { id: reply.id },
        { token: author.accessToken },
      ),
      'acceptReply',
    );

    const sorted = async (filter: Filter) => (await ids({ query: term, ...filter })).sort();
    expect(await sorted({})).toEqual([a1.id, a2.id, b1.id].sort());
    expect(await sorted({ forumId: forumA.id })).toEqual([a1.id, a2.id].sort());
    expect(await sorted({ tag: 'troponin' })).toEqual([a1.id, b1.id].sort());
    expect(await sorted({ tag: 'Troponin', forumId: forumB.id })).toEqual([b1.id]);
    expect(await sorted({ specialtyCode: 'cardiology' })).toEqual([a1.id, b1.id].sort());
    expect(await sorted({ specialtyCode: 'emergency-medicine' })).toEqual([a2.id]);
    expect(await sorted({ status: 'ANSWERED' })).toEqual([a1.id]);
    expect(await sorted({ status: 'OPEN' })).toEqual([a2.id, b1.id].sort());
    expect(await sorted({ authorId: other.id })).toEqual([a2.id]);
    expect(
      await sorted({ authorId: author.id, forumId: forumA.id, tag: 'troponin', specialtyCode: 'cardiology' }),
    ).toEqual([a1.id]);
    expect(await sorted({ authorId: other.id, tag: 'troponin' })).toEqual([]);
    expect(await sorted({ forumId: 'not-a-forum' })).toEqual([]);
    expect(await sorted({ authorId: 'not-a-clinician' })).toEqual([]);
    // The filters without the query still find the off-topic case.
    expect(await ids({ forumId: forumA.id, tag: 'troponin' })).toEqual([offTopic.id, a1.id]);
  });

  it('walks every ranked match exactly once with first/after, ties included, with the right totalCount', async () => {
    const forum = await givenForum(t, admin);
    const term = 'bronchiectasis';
    const expected: string[] = [];
    // Ranks from strongest to weakest, with several exact ties.
    const shapes: [string, string][] = [
      [`${term} ${term} exacerbation`, `${term} with ${term} flare. ${FILLER}`],
      [`Known ${term}`, `Long-standing ${term}. ${FILLER}`],
      [`Known ${term}`, `Long-standing ${term}. ${FILLER}`],
      [`Known ${term}`, `Long-standing ${term}. ${FILLER}`],
      ['Chronic productive cough', `Imaging suggests ${term}. ${FILLER}`],
      ['Chronic productive cough', `Imaging suggests ${term}. ${FILLER}`],
      ['Chronic productive cough', `Imaging suggests ${term}. ${FILLER}`],
    ];
    for (const [title, body] of shapes) expected.push((await post(forum.id, title, body)).id);
    await post(forum.id, 'Chronic productive cough', `Imaging is clear. ${FILLER}`);

    for (const first of [1, 2, 3, 7]) {
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 20; page++) {
        const res = dataOf(await search({ query: term, forumId: forum.id }, { first, after }), 'cases');
        expect(res.totalCount).toBe(7);
        expect(res.edges.length).toBeLessThanOrEqual(first);
        seen.push(...res.edges.map((e: { node: { id: string } }) => e.node.id));
        if (!res.pageInfo.hasNextPage) break;
        after = res.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(7);
      expect(new Set(seen)).toEqual(new Set(expected));
      // Strongest first; within a tie, newest first.
      expect(seen[0]).toBe(expected[0]);
      expect(seen.slice(1, 4)).toEqual(expected.slice(1, 4).reverse());
      expect(seen.slice(4)).toEqual(expected.slice(4).reverse());
    }
  });

  it('refuses an after cursor it did not issue (BAD_USER_INPUT), with or without a query', async () => {
    const forum = await givenForum(t, admin);
    await post(forum.id, 'Gout flare in the first toe', `Classic podagra. ${FILLER}`);
    await post(forum.id, 'Gout with tophi', `Tophaceous gout. ${FILLER}`);
    const plain = dataOf(await search({ forumId: forum.id }, { first: 1 }), 'cases').pageInfo.endCursor;
    const ranked = dataOf(await search({ query: 'gout', forumId: forum.id }, { first: 1 }), 'cases').pageInfo
      .endCursor;
    const garbage = [
      'garbage',
      '!!!',
      Buffer.from('[1,2,3]').toString('base64url'),
      Buffer.from('["x","y"]').toString('base64url'),
      Buffer.from('{"rank":1}').toString('base64url'),
    ];
    for (const after of [...garbage, plain]) {
      const res = await search({ query: 'gout', forumId: forum.id }, { after });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['after'] });
    }
    for (const after of [...garbage, ranked]) {
      const res = await search({ forumId: forum.id }, { after });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['after'] });
    }
    expect((await search({ forumId: forum.id }, { first: 101 })).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('accepts queries with special characters without erroring', async () => {
    const forum = await givenForum(t, admin);
    const kase = await post(
      forum.id,
      'Lyme carditis with heart block',
      `Erythema migrans two weeks ago. ${FILLER}`,
    );
    const queries = [
      '"heart block"',
      'lyme: carditis',
      'lyme & carditis | !block',
      "o'brien's sign",
      '(carditis',
      'carditis)',
      'lyme:*',
      '<-> <2> !!! && ||',
      '\\ / ; -- DROP TABLE cases;',
      '"unterminated',
      '-carditis',
      'the and of',
      '%_%',
      '   ',
    ];
    for (const query of queries) {
      const res = await search({ query, forumId: forum.id });
      expect({ query, errors: res.errors }).toEqual({ query, errors: undefined });
      expect(res.data.cases.totalCount).toBe(res.data.cases.edges.length);
    }
    expect(await ids({ query: '"heart block"', forumId: forum.id })).toEqual([kase.id]);
    expect(await ids({ query: 'lyme: carditis', forumId: forum.id })).toEqual([kase.id]);
    expect(await ids({ query: 'lyme -carditis', forumId: forum.id })).toEqual([]);
    expect(await ids({ query: '"block heart"', forumId: forum.id })).toEqual([]);
  });

  it('only searches cases the caller may read', async () => {
    const open = await givenForum(t, admin, 'OPEN');
    const closed = await givenForum(t, admin, 'PRIVATE');
    const visible = await post(open.id, 'Psoriasis in the axilla', `Recurrent nodules. ${FILLER}`);
    const privateCase = await post(
      closed.id,
      'Psoriasis refractory to biologics',
      `Failed two agents. ${FILLER}`,
    );
    expect(await ids({ query: 'psoriasis' })).toEqual([visible.id]);
    expect((await ids({ query: 'psoriasis' }, author)).sort()).toEqual([visible.id, privateCase.id].sort());
  });

  it(`ranks only the newest ${SEARCH_MAX_MATCHES} matches of a common term, and counts those`, async () => {
    const forum = await givenForum(t, admin);
    // One more match than the cap, a minute apart: the oldest carries the term in its title (the
    // strongest rank) and must still be left out; the newest one in the title comes first.
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO cases (forum_id, author_id, title, body, created_at)
       SELECT $1, $2,
              CASE WHEN i IN (0, $3::int) THEN 'Brucellosis in a herdsman' ELSE 'Fever after travel' END,
              'Serology for brucellosis pending; otherwise well.',
              now() - interval '1 day' + i * interval '1 minute'
         FROM generate_series(0, $3::int) AS i
       RETURNING id`,
      [forum.id, author.id, SEARCH_MAX_MATCHES],
    );
    const oldest = rows[0].id;
    const newest = rows[rows.length - 1].id;
    let after: string | undefined;
    const seen = new Set<string>();
    let totalCount = 0;
    let lastCursor: string | undefined;
    do {
      const page = dataOf(
        await search({ query: 'brucellosis', forumId: forum.id }, { first: 100, after }),
        'cases',
      );
      totalCount = page.totalCount;
      for (const edge of page.edges) seen.add(edge.node.id);
      lastCursor = page.pageInfo.endCursor;
      after = page.pageInfo.hasNextPage ? lastCursor : undefined;
    } while (after);
    // Past the last match the page is empty and still counts the matches.
    const beyond = dataOf(
      await search({ query: 'brucellosis', forumId: forum.id }, { first: 5, after: lastCursor }),
      'cases',
    );
    expect(beyond.edges).toEqual([]);
    expect(beyond.totalCount).toBe(SEARCH_MAX_MATCHES);
    expect(totalCount).toBe(SEARCH_MAX_MATCHES);
    expect(seen.size).toBe(SEARCH_MAX_MATCHES);
    expect(seen.has(oldest)).toBe(false);
    const [first] = dataOf(
      await search({ query: 'brucellosis', forumId: forum.id }, { first: 1 }),
      'cases',
    ).edges;
    expect(first.node.id).toBe(newest);
    // Without a query the list and its count are not capped.
    const all = dataOf(await search({ forumId: forum.id }, { first: 1 }), 'cases');
    expect(all.totalCount).toBe(SEARCH_MAX_MATCHES + 1);
  });

  it('has a GIN index on the search vector, used by the full-text query', async () => {
    const [index] = await t.dataSource.query(
      "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'cases' AND indexname = 'cases_search_idx'",
    );
    expect(index.indexdef).toMatch(/USING gin \(search\)/);
    const plan: string = await t.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      const rows: { 'QUERY PLAN': string }[] = await manager.query(
        "EXPLAIN SELECT id FROM cases WHERE search @@ websearch_to_tsquery('english', 'fever')",
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('cases_search_idx');
  });
});
