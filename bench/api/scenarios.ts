import type pg from 'pg';
import { SEARCH_MAX_MATCHES } from '../../src/cases/case-queries.service.js';
import { deidentify } from '../../src/deidentification/deidentify.js';
import { CHOOSE_AND_OFFER_SQL, lockSpecialtyColumns } from '../../src/routing/consult-offers.service.js';

const DAY_MS = 86_400_000;

/** What the load test picks from: seeded ids and the bench users' sessions. */
export interface Fixtures {
  caseIds: string[];
  threadIds: string[];
  openForumIds: string[];
  specialtyCodes: string[];
  searchTerms: string[];
  users: Record<
    'reader' | 'poster' | 'consultant',
    { clinicianId: string; sessionId: string; token: string }[]
  >;
}

export interface RequestSpec {
  user: { clinicianId: string; token: string };
  query: string;
  variables: Record<string, unknown>;
}

export interface Scenario {
  name: string;
  description: string;
  /** The GraphQL request for the i-th call (rotating ids, terms and users). */
  request(fx: Fixtures, i: number): RequestSpec;
  /** The same rows by the same SQL, straight through pg: the ceiling the API could reach. */
  raw(pool: pg.Pool, fx: Fixtures, i: number): Promise<void>;
  /** Rows written by the scenario are deleted after it runs. */
  writes?: boolean;
}

const pick = <T>(list: T[], i: number): T => list[i % list.length];

// The read policy for a verified clinician, as ReadPolicy.cases / ReadPolicy.replies write it.
const CASE_POLICY = 'TRUE AND ((c.removed_at IS NULL AND c.hidden_at IS NULL) OR c.author_id = $1)';
const REPLY_POLICY = `${CASE_POLICY} AND ((r.removed_at IS NULL AND r.hidden_at IS NULL) OR r.author_id = $1)`;
const CASE_COLUMNS =
  'c.id, c.forum_id, c.author_id, c.title, c.body, c.urgency, c.status, c.outcome, c.tags, c.version, c.created_at, ' +
  'c.edited_at, c.removed_at, c.removed_by, c.removal_reason, c.hidden_at, c.specialties_inferred, c.closed_at';
const REPLY_COLUMNS =
  'r.id, r.case_id, r.author_id, r.body, r.accepted, r.created_at, r.edited_at, r.removed_at, r.removed_by, r.hidden_at';

const FEED = `query Feed($first: Int!) {
  cases(first: $first) {
    edges { cursor node { id title status urgency createdAt tags
      author { id displayName } forum { id name slug } specialties { code name } replyCount } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const CASE_PAGE = `query CasePage($id: ID!) {
  case(id: $id) {
    id title body status urgency createdAt tags
    author { id displayName } forum { id name } specialties { code name } replyCount
    replies(first: 20) {
      edges { node { id body createdAt accepted author { id displayName } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

const SEARCH = `query Search($q: String!) {
  cases(first: 20, filter: { query: $q }) {
    totalCount
    edges { cursor node { id title createdAt author { id displayName } forum { id name } } }
  }
}`;

const POST_CASE = `mutation PostCase($input: PostCaseInput!) {
  postCase(input: $input) { case { id title specialties { code } } redactions { kind field } }
}`;

const MY_CONSULTS = `query MyConsults {
  myConsults(first: 20) {
    totalCount
    edges { node { id status offeredAt dueAt specialty { code name } case { id title urgency } } }
  }
}`;

/** A realistic case post: about 1,300 characters of clinical prose with identifiers to remove. */
export function caseBody(i: number): { title: string; body: string } {
  return {
    title: `${i % 2 ? '47F' : '63M'} with fever, RUQ pain and rising lipase, query pancreatitis vs cholangitis`,
    body:
      `Pt Maria Gonzalez-Smith, 47F, seen at St. Michael's Hospital on 03/14/2024 with fever and RUQ pain (case ${i}). ` +
      'BP 142/88, HR 96, RR 18, SpO2 94% on room air; grade 2/6 systolic murmur at the RUSB. ' +
      'Her son Kevin (cell 416-555-0187) found her confused on the 3rd of June. ' +
      'Started metformin 500 mg PO BID; HbA1c 8.9%, eGFR 38, potassium 5.6 mmol/L, lipase 640 U/L. ' +
      'MRN 00482913; lives at 88 Dundas Street West, Toronto, ON M5T 1G4. ' +
      "History of Crohn's disease since 2019 on adalimumab; Murphy's sign positive, Babinski absent. " +
      'Ultrasound shows a dilated CBD at 9 mm without stones; CT pending. Ceftriaxone and metronidazole started. ' +
      'Would you proceed to ERCP now, or MRCP first given the renal function? Any role for holding adalimumab? ' +
      'Please email advice to anna.s@mercyhealth.org or fax (905) 555-0144 before March 14th.',
  };
}

async function specialtiesOf(pool: pg.Pool, caseIds: string[]): Promise<void> {
  await pool.query(
    `SELECT cs.case_id, s.code, s.name, s.snomed_code
       FROM case_specialties cs JOIN specialties s ON s.code = cs.specialty_code
      WHERE cs.case_id = ANY($1::uuid[]) ORDER BY cs.specialty_code`,
    [caseIds],
  );
}

const clinicians = (pool: pg.Pool, ids: string[]) =>
  pool.query('SELECT * FROM clinicians WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
const forums = (pool: pg.Pool, ids: string[]) =>
  pool.query('SELECT * FROM forums WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
const replyCounts = (pool: pg.Pool, viewer: string, caseIds: string[]) =>
  pool.query(
    `SELECT r.case_id, count(*)::int AS n FROM replies r
       JOIN cases c ON c.id = r.case_id JOIN forums f ON f.id = c.forum_id
      WHERE ${REPLY_POLICY} AND r.case_id = ANY($2::uuid[]) GROUP BY r.case_id`,
    [viewer, caseIds],
  );

/** The DataLoader batches a list page runs for its rows' authors and forums. */
const authorsAndForums = (pool: pg.Pool, rows: { author_id: string; forum_id: string }[]) => [
  clinicians(
    pool,
    rows.map((r) => r.author_id),
  ),
  forums(
    pool,
    rows.map((r) => r.forum_id),
  ),
];

export const SCENARIOS: Scenario[] = [
  {
    name: 'feed',
    description: 'cases(first: 20) with author, forum, specialties, replyCount',
    request: (fx, i) => ({ user: pick(fx.users.reader, i), query: FEED, variables: { first: 20 } }),
    async raw(pool, fx, i) {
      const viewer = pick(fx.users.reader, i).clinicianId;
      // The feed does not select totalCount, so the API does not count; neither does the ceiling.
      const page = await pool.query(
        `SELECT ${CASE_COLUMNS} FROM cases c JOIN forums f ON f.id = c.forum_id
          WHERE ${CASE_POLICY} ORDER BY c.created_at DESC, c.id DESC LIMIT 21`,
        [viewer],
      );
      const rows = page.rows.slice(0, 20);
      const ids = rows.map((r) => r.id);
      await Promise.all([
        ...authorsAndForums(pool, rows),
        specialtiesOf(pool, ids),
        replyCounts(pool, viewer, ids),
      ]);
    },
  },
  {
    name: 'case page',
    description: 'case(id) with author, forum, specialties, replyCount and 20 replies with their authors',
    request: (fx, i) => ({
      user: pick(fx.users.reader, i),
      query: CASE_PAGE,
      variables: { id: pick(fx.threadIds, i) },
    }),
    async raw(pool, fx, i) {
      const viewer = pick(fx.users.reader, i).clinicianId;
      const id = pick(fx.threadIds, i);
      const found = await pool.query(
        `SELECT ${CASE_COLUMNS} FROM cases c JOIN forums f ON f.id = c.forum_id WHERE ${CASE_POLICY} AND c.id = $2`,
        [viewer, id],
      );
      const kase = found.rows[0];
      const repliesOf = `FROM replies r JOIN cases c ON c.id = r.case_id JOIN forums f ON f.id = c.forum_id
        WHERE ${REPLY_POLICY} AND r.case_id = $2`;
      const [, , , , replies] = await Promise.all([
        clinicians(pool, [kase.author_id]),
        forums(pool, [kase.forum_id]),
        specialtiesOf(pool, [id]),
        replyCounts(pool, viewer, [id]),
        // The page does not select the replies' totalCount, so neither the API nor the ceiling counts them.
        pool.query(`SELECT ${REPLY_COLUMNS} ${repliesOf} ORDER BY r.created_at, r.id LIMIT 21`, [viewer, id]),
      ]);
      await clinicians(
        pool,
        replies.rows.slice(0, 20).map((r) => r.author_id),
      );
    },
  },
  {
    name: 'search',
    description: 'cases(first: 20, filter: { query }) (full-text, ranked) with totalCount, author, forum',
    request: (fx, i) => ({
      user: pick(fx.users.reader, i),
      query: SEARCH,
      variables: { q: pick(fx.searchTerms, i) },
    }),
    async raw(pool, fx, i) {
      const viewer = pick(fx.users.reader, i).clinicianId;
      const q = pick(fx.searchTerms, i);
      const match = `FROM cases c JOIN forums f ON f.id = c.forum_id
        WHERE ${CASE_POLICY} AND c.search @@ websearch_to_tsquery('english', $2)`;
      // The newest SEARCH_MAX_MATCHES matches, ranked and counted in one statement, as
      // CaseQueriesService.list reads them.
      const page = await pool.query(
        `WITH newest_matches (id) AS MATERIALIZED (
           SELECT c.id ${match} ORDER BY c.created_at DESC, c.id DESC LIMIT ${SEARCH_MAX_MATCHES})
         SELECT ${CASE_COLUMNS}, ts_rank_cd(c.search, websearch_to_tsquery('english', $2)) AS rank,
                (SELECT count(*)::int FROM newest_matches) AS total_matches
           ${match} AND c.id IN (SELECT id FROM newest_matches)
          ORDER BY rank DESC, c.created_at DESC, c.id DESC LIMIT 21`,
        [viewer, q],
      );
      const rows = page.rows.slice(0, 20);
      await Promise.all(authorsAndForums(pool, rows));
    },
  },
  {
    name: 'postCase',
    description: 'postCase with a ~1,300-character body: de-identification, insert, revision, routing',
    writes: true,
    request: (fx, i) => ({
      user: pick(fx.users.poster, i),
      query: POST_CASE,
      variables: {
        input: {
          forumId: pick(fx.openForumIds, i),
          ...caseBody(i),
          urgency: i % 10 === 0 ? 'URGENT' : 'ROUTINE',
          specialtyCodes: [pick(fx.specialtyCodes, i)],
          tags: ['pancreatitis'],
        },
      },
    }),
    async raw(pool, fx, i) {
      const author = pick(fx.users.poster, i).clinicianId;
      const forumId = pick(fx.openForumIds, i);
      const code = pick(fx.specialtyCodes, i);
      const text = caseBody(i);
      // The specialty codes are checked against the catalogue the API holds in memory: no statement.
      // De-identification is domain work, not HTTP or GraphQL: the ceiling pays for it too.
      const title = deidentify(text.title).text;
      const body = deidentify(text.body).text;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // The forum check, the case, its specialty link, first revision and routing lock in one statement,
        // as insertNewCase writes them (a verified author may read every forum).
        const created = await client.query(
          `WITH forum AS (
             SELECT f.id FROM forums f WHERE f.id = $1 AND TRUE
           ), inserted AS (
             INSERT INTO cases (forum_id, author_id, title, body, urgency, status, tags, version, specialties_inferred)
             SELECT forum.id, $2, $3, $4, $5, 'OPEN', $6, 1, false FROM forum RETURNING ${CASE_COLUMNS.replaceAll('c.', '')}
           ), links AS (
             INSERT INTO case_specialties (case_id, specialty_code) SELECT id, $7 FROM inserted
           ), revision AS (
             INSERT INTO case_revisions (case_id, version, title, body, tags, forum_id, editor_id)
             SELECT id, version, title, body, tags, forum_id, author_id FROM inserted
           ), routing_lock AS (SELECT ${lockSpecialtyColumns('$7')} FROM inserted)
           SELECT * FROM inserted WHERE (SELECT count(*) FROM routing_lock) > 0`,
          [forumId, author, title, body, i % 10 === 0 ? 'URGENT' : 'ROUTINE', ['pancreatitis'], code],
        );
        const caseId = created.rows[0].id;
        // The routing lock was taken by the insert; then the choice, offers and load: the service's SQL.
        await client.query(CHOOSE_AND_OFFER_SQL, [
          code,
          author,
          caseId,
          3,
          new Date(Date.now() + 2 * DAY_MS),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  },
  {
    name: 'myConsults',
    description: 'myConsults(first: 20) with totalCount, specialty and case, as a specialist',
    request: (fx, i) => ({ user: pick(fx.users.consultant, i), query: MY_CONSULTS, variables: {} }),
    async raw(pool, fx, i) {
      const me = pick(fx.users.consultant, i).clinicianId;
      // As ConsultQueriesService.inbox: only offers whose case the specialist may still read.
      const inbox = `FROM consult_offers o JOIN cases c ON c.id = o.case_id JOIN forums f ON f.id = c.forum_id
        WHERE o.specialist_id = $1 AND ${CASE_POLICY}`;
      const [page] = await Promise.all([
        pool.query(`SELECT o.* ${inbox} ORDER BY o.offered_at DESC, o.id DESC LIMIT 21`, [me]),
        pool.query(`SELECT count(DISTINCT o.id) ${inbox}`, [me]),
      ]);
      const rows = page.rows.slice(0, 20);
      await Promise.all([
        pool.query(
          `SELECT ${CASE_COLUMNS} FROM cases c JOIN forums f ON f.id = c.forum_id
            WHERE ${CASE_POLICY} AND c.id = ANY($2::uuid[])`,
          [me, rows.map((r) => r.case_id)],
        ),
        pool.query('SELECT * FROM specialties WHERE code = ANY($1::text[])', [
          [...new Set(rows.map((r) => r.specialty_code))],
        ]),
      ]);
    },
  },
];
